/**
 * Editing a runtime's fields as an ordered list of rows, and turning the rows
 * back into the request body. Rows keep their own key so React keeps focus in
 * the right input while rows are added and removed.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { PutRuntimeBody, RuntimeFields } from '../api/types';
import { MAX_SUBKEYS } from './validation';

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

// Subkeys typed more than once, each listed once.
export function duplicateSubkeys( rows: FieldRow[] ): string[] {
	const seen = new Set< string >();
	const duplicates = new Set< string >();
	for ( const { subkey } of filledRows( rows ) ) {
		if ( seen.has( subkey ) ) {
			duplicates.add( subkey );
		}
		seen.add( subkey );
	}
	return [ ...duplicates ];
}

export type BuildResult =
	{ ok: true; body: PutRuntimeBody } | { ok: false; message: string };

// The PUT body for a runtime. Only refuses what the server could never see:
// a repeated subkey would silently collapse into one JSON key. Every other rule
// is left to the server, whose message names the offending field.
export function buildPutBody(
	rows: FieldRow[],
	label: string,
	enabled: boolean
): BuildResult {
	const duplicates = duplicateSubkeys( rows );
	if ( duplicates.length > 0 ) {
		return {
			ok: false,
			message: sprintf(
				/* translators: %s: comma-separated subkeys. */
				__(
					'Each subkey can be used once; repeated: %s.',
					'wp-coding-agents-runtimes'
				),
				duplicates.join( ', ' )
			),
		};
	}
	// Object.fromEntries defines own properties, so a subkey such as "__proto__"
	// reaches the server (and its validation) instead of changing the prototype.
	const fields: RuntimeFields = Object.fromEntries(
		filledRows( rows ).map( ( row ) => [ row.subkey, row.env ] )
	);
	return { ok: true, body: { fields, enabled, label: label.trim() } };
}

export function tooManyRows( rows: FieldRow[] ): boolean {
	return filledRows( rows ).length > MAX_SUBKEYS;
}
