import { __ } from '@wordpress/i18n';
import type { RecordedIds } from '../api/types';
import { isKeptUrl } from '../lib/validation';
import { FieldsTable } from './fields-table';

function CapturedValue( {
	subkey,
	value,
}: {
	subkey: string;
	value: string | null;
} ) {
	if ( null === value ) {
		return (
			<em className="wpca-captured__null">
				{ __( 'null (empty)', 'wp-coding-agents-runtimes' ) }
			</em>
		);
	}
	// DMC's URL subkeys keep only http(s) values, which are safe to link (a lock's
	// values and old records are not checked: test each one).
	return isKeptUrl( subkey, value ) ? (
		<a href={ value } target="_blank" rel="noopener noreferrer">
			{ value }
		</a>
	) : (
		<>{ value }</>
	);
}

// Captured ids per runtime, one table each: the preview's result and DMC's records alike.
export function CapturedTables( {
	ids,
	prefix,
}: {
	ids: RecordedIds;
	/** Start of each table's accessible name, followed by the runtime id. */
	prefix: string;
} ) {
	return (
		<>
			{ Object.entries( ids ).map( ( [ runtimeId, values ] ) => (
				<div key={ runtimeId } className="wpca-preview__runtime">
					<code>{ runtimeId }</code>
					<FieldsTable
						label={ `${ prefix } ${ runtimeId }` }
						pairs={ Object.entries( values ).map(
							( [ subkey, value ] ) => [
								subkey,
								<CapturedValue
									key={ subkey }
									subkey={ subkey }
									value={ value }
								/>,
							]
						) }
						valueHeading={ __(
							'Value',
							'wp-coding-agents-runtimes'
						) }
					/>
				</div>
			) ) }
		</>
	);
}
