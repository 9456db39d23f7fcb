/**
 * Editing a runtime's fields as an ordered list of rows, and turning the rows
 * back into the request body. Rows keep their own key so React keeps focus in
 * the right input while rows are added and removed.
 */
import type { PutRuntimeBody, RuntimeFields } from '../api/types';

export interface FieldRow {
	key: string;
	subkey: string;
	env: string;
}

let lastRowKey = 0;

export function newRow( subkey = '', env = '' ): FieldRow {
	lastRowKey += 1;
	return { key: `row-${ lastRowKey }`, subkey, env };
}

export function rowsFromFields( fields: RuntimeFields ): FieldRow[] {
	return Object.entries( fields ).map( ( [ subkey, env ] ) =>
		newRow( subkey, env )
	);
}

// Rows left completely blank are ignored; everything else is sent trimmed.
function filledRows(
	rows: FieldRow[]
): Array< { subkey: string; env: string } > {
	return rows
		.map( ( row ) => ( {
			subkey: row.subkey.trim(),
			env: row.env.trim(),
		} ) )
		.filter( ( row ) => '' !== row.subkey || '' !== row.env );
}

/**
 * The PUT body for a runtime, once lib/validation.ts's draftProblems() found nothing
 * (a repeated subkey, say, would silently collapse into one JSON key).
 * @param rows
 * @param label
 * @param enabled
 */
export function buildPutBody(
	rows: FieldRow[],
	label: string,
	enabled: boolean
): PutRuntimeBody {
	// Object.fromEntries defines own properties, so a subkey such as "__proto__"
	// reaches the server (and its validation) instead of changing the prototype.
	const fields: RuntimeFields = Object.fromEntries(
		filledRows( rows ).map( ( row ) => [ row.subkey, row.env ] )
	);
	return { fields, enabled, label: label.trim() };
}
