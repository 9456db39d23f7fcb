import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { BreakableName } from './breakable-name';

interface FieldsTableProps {
	/** Accessible name of the table, e.g. "Fields of kimaki". */
	label: string;
	/** A value may be markup (a link, an empty-value marker) where the table shows captured values. */
	pairs: Array< [ subkey: string, value: ReactNode ] >;
	/** Heading of the second column: env var names by default, captured values in the preview. */
	valueHeading?: string;
	/**
	 * What an installer declares, when the stored fields differ from it: the rows that
	 * differ are marked with both ("now … / installer declares …"), the subkeys the admin
	 * removed are listed too.
	 */
	declared?: Record< string, string >;
}

function Value( { value }: { value: ReactNode } ) {
	return (
		<code>
			{ 'string' === typeof value ? (
				<BreakableName name={ value } />
			) : (
				value
			) }
		</code>
	);
}

function NoValue() {
	return <em>{ __( 'none', 'wp-coding-agents-runtimes' ) }</em>;
}

// A row that differs from the installer's declaration: what is stored now, what the
// installer declares.
function ChangedValue( {
	now,
	declared,
}: {
	now: ReactNode | undefined;
	declared: string | undefined;
} ) {
	return (
		<>
			<span className="wpca-fields-table__now">
				{ __( 'now', 'wp-coding-agents-runtimes' ) }{ ' ' }
				{ undefined === now ? <NoValue /> : <Value value={ now } /> }
			</span>
			<span className="wpca-fields-table__declared">
				{ __( 'installer declares', 'wp-coding-agents-runtimes' ) }{ ' ' }
				{ undefined === declared ? (
					<NoValue />
				) : (
					<Value value={ declared } />
				) }
			</span>
		</>
	);
}

// Read-only subkey → env var rows.
export function FieldsTable( {
	label,
	pairs,
	valueHeading = __( 'Environment variable', 'wp-coding-agents-runtimes' ),
	declared,
}: FieldsTableProps ) {
	const now = new Map( pairs );
	const removed = declared
		? Object.keys( declared ).filter( ( subkey ) => ! now.has( subkey ) )
		: [];
	const subkeys = [ ...now.keys(), ...removed ];
	return (
		<table className="wpca-fields-table" aria-label={ label }>
			<thead>
				<tr>
					<th scope="col">
						{ __( 'Subkey', 'wp-coding-agents-runtimes' ) }
					</th>
					<th scope="col">{ valueHeading }</th>
				</tr>
			</thead>
			<tbody>
				{ subkeys.map( ( subkey ) => {
					const changed =
						undefined !== declared &&
						declared[ subkey ] !== now.get( subkey );
					return (
						<tr
							key={ subkey }
							className={
								changed
									? 'wpca-fields-table__changed'
									: undefined
							}
						>
							<td>
								<code>
									<BreakableName name={ subkey } />
								</code>
								{ changed && (
									<span className="wpca-fields-table__mark">
										{ __(
											'changed',
											'wp-coding-agents-runtimes'
										) }
									</span>
								) }
							</td>
							<td>
								{ changed ? (
									<ChangedValue
										now={ now.get( subkey ) }
										declared={ declared?.[ subkey ] }
									/>
								) : (
									<Value value={ now.get( subkey ) } />
								) }
							</td>
						</tr>
					);
				} ) }
			</tbody>
		</table>
	);
}
