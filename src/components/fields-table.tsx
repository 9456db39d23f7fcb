import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

interface FieldsTableProps {
	/** Accessible name of the table, e.g. "Fields of kimaki". */
	label: string;
	/** A value may be markup (a link, an empty-value marker) where the table shows captured values. */
	pairs: Array< [ subkey: string, value: ReactNode ] >;
	/** Heading of the second column: env var names by default, captured values in the preview. */
	valueHeading?: string;
}

// Read-only subkey → env var rows.
export function FieldsTable( {
	label,
	pairs,
	valueHeading = __( 'Environment variable', 'wp-coding-agents-runtimes' ),
}: FieldsTableProps ) {
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
				{ pairs.map( ( [ subkey, value ] ) => (
					<tr key={ subkey }>
						<td>
							<code>{ subkey }</code>
						</td>
						<td>
							<code>{ value }</code>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
