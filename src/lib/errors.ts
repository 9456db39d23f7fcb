/**
 * What the screen says when a request fails: the server's message when it is plain
 * words, the same words the browser's own checks use (lib/validation.ts) when the
 * server's message names a pattern or a request's field path, which a person never
 * sees. A refusal of a runtime form's value is also pointed at the input it is about.
 */
import { __, sprintf } from '@wordpress/i18n';
import { SCHEMA } from '../api/schema.generated';
import type { RestError } from '../api/types';
import {
	draftProblems,
	envVarHint,
	runtimeIdWording,
	type DraftToCheck,
	type FieldRef,
	type Problem,
} from './validation';

export function isRestError( error: unknown ): error is RestError {
	return (
		'object' === typeof error &&
		null !== error &&
		'string' === typeof ( error as RestError ).code &&
		'string' === typeof ( error as RestError ).message
	);
}

// A regular expression (`^…$`), a field path (`fields[run_id]`), a schema's words.
const INTERNAL = /\^.*\$|[\w\]]\[[^\]]*\]|\bpattern\b|\bproperty of Object\b/;

function fieldsWording(): string {
	return __(
		'A field was not accepted: each subkey uses lowercase letters, digits and underscores, starting with a letter; each variable name uses letters, digits and underscores, not starting with a digit.',
		'wp-coding-agents-runtimes'
	);
}

// Plain words for the refusals of what a person types, as the browser's checks word them.
function wordingOf( code: string ): string | null {
	switch ( code ) {
		case 'wpca_invalid_id':
			return runtimeIdWording();
		case 'wpca_invalid_fields':
			return fieldsWording();
		case 'wpca_missing_fields':
			return __(
				'Add at least one field: a subkey and the environment variable that holds its value.',
				'wp-coding-agents-runtimes'
			);
		case 'wpca_invalid_label':
			return __(
				'This label has no text once HTML tags are removed: type some text, or leave it empty to use the default.',
				'wp-coding-agents-runtimes'
			);
		case 'wpca_invalid_window_days':
			return sprintf(
				/* translators: 1: fewest days, 2: most days. */
				__(
					'Enter a whole number of days from %1$d to %2$d.',
					'wp-coding-agents-runtimes'
				),
				SCHEMA.WINDOW_DAYS_MIN,
				SCHEMA.WINDOW_DAYS_MAX
			);
	}
	return null;
}

/**
 * The text to show for a failed request, never a pattern or a field path.
 * @param error What the request rejected with (a REST error, an Error, anything).
 */
export function errorMessage( error: unknown ): string {
	if ( isRestError( error ) ) {
		const wording = wordingOf( error.code );
		if ( null !== wording ) {
			return wording;
		}
		if ( '' !== error.message && ! INTERNAL.test( error.message ) ) {
			return error.message;
		}
		return __(
			'The server did not accept this change; nothing was saved.',
			'wp-coding-agents-runtimes'
		);
	}
	if ( error instanceof Error && '' !== error.message ) {
		return error.message;
	}
	return __(
		'The request failed for an unknown reason.',
		'wp-coding-agents-runtimes'
	);
}

// The request fields a REST error names: its `params` keys, and a `fields[subkey]`
// path in its message (core's schema validation words a nested value so).
function namedFields( error: RestError ): string[] {
	const named = Object.keys( error.data?.params ?? {} );
	for ( const match of error.message.matchAll( /fields\[([^\]]*)\]/g ) ) {
		named.push( `fields[${ match[ 1 ] }]` );
	}
	return named;
}

/**
 * The input of a runtime form a refusal is about, with the message for it: the
 * browser's own check of the value sent when it finds the problem, else the plain
 * wording of the refusal. Null when the refusal is about no input (a conflict, a
 * permission, the network).
 * @param error What the save rejected with.
 * @param sent  The form's values that were sent.
 */
export function refusedInput(
	error: unknown,
	sent: DraftToCheck
): Problem | null {
	if ( ! isRestError( error ) || 400 !== error.data?.status ) {
		return null;
	}
	const named = namedFields( error );
	const ownCheck = ( wanted: ( field: FieldRef ) => boolean ) =>
		draftProblems( sent ).find( ( problem ) => wanted( problem.field ) );
	if ( named.includes( 'id' ) && undefined !== sent.id ) {
		return (
			ownCheck( ( field ) => 'id' === field ) ?? {
				field: 'id',
				message: errorMessage( error ),
			}
		);
	}
	if ( named.includes( 'label' ) ) {
		return (
			ownCheck( ( field ) => 'label' === field ) ?? {
				field: 'label',
				message: errorMessage( error ),
			}
		);
	}
	if ( ! named.some( ( name ) => name.startsWith( 'fields' ) ) ) {
		return null;
	}
	const own = ownCheck(
		( field ) =>
			'fields' === field ||
			field.startsWith( 'subkey:' ) ||
			field.startsWith( 'env:' )
	);
	if ( own ) {
		return own;
	}
	for ( const name of named ) {
		const subkey = /^fields\[(.*)\]$/.exec( name )?.[ 1 ];
		const row = sent.rows.find(
			( candidate ) => candidate.subkey.trim() === subkey
		);
		if ( row ) {
			return {
				field: `env:${ row.key }`,
				message:
					envVarHint( row.env.trim() ) ??
					__(
						'This variable name was not accepted: use letters, digits and underscores, not starting with a digit.',
						'wp-coding-agents-runtimes'
					),
			};
		}
	}
	return { field: 'fields', message: fieldsWording() };
}
