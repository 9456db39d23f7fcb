/**
 * Checking a runtime form in the browser before anything is sent, with the server's
 * own patterns and limits (generated from php/rules/class-schema.php, and DMC's rules
 * from php/dmc/class-attribution-resolver.php, into src/api/schema.generated.ts), in
 * plain words: a message says what to type, never a pattern or a request's field path.
 * The server still validates every request; its refusals are worded alike by
 * lib/errors.ts.
 */
import { __, sprintf } from '@wordpress/i18n';
import { DMC_RULES, SCHEMA } from '../api/schema.generated';
import type { FieldRow } from './field-rows';

export const RUNTIME_ID_PATTERN = new RegExp( SCHEMA.ID_PATTERN );
export const SUBKEY_PATTERN = new RegExp( SCHEMA.SUBKEY_PATTERN );
export const ENV_VAR_PATTERN = new RegExp( SCHEMA.ENV_NAME_PATTERN );

export const MAX_RUNTIME_ID_LENGTH = SCHEMA.ID_MAX_LENGTH;
export const MAX_SUBKEY_LENGTH = SCHEMA.SUBKEY_MAX_LENGTH;
export const MAX_SUBKEYS = SCHEMA.MAX_FIELDS;
export const MAX_ENV_VAR_LENGTH = SCHEMA.ENV_NAME_MAX_LENGTH;
export const MAX_LABEL_LENGTH = SCHEMA.LABEL_MAX_LENGTH;

function tooLong( maxLength: number ): string {
	return sprintf(
		/* translators: %d: maximum number of characters. */
		__( 'Use at most %d characters.', 'wp-coding-agents-runtimes' ),
		maxLength
	);
}

// The rule shared by ids, subkeys and env var names: required, not too long, and
// matching the pattern whose wording is given.
function nameProblem(
	name: string,
	maxLength: number,
	pattern: RegExp,
	required: string,
	wording: string
): string | null {
	if ( '' === name ) {
		return required;
	}
	if ( name.length > maxLength ) {
		return tooLong( maxLength );
	}
	return pattern.test( name ) ? null : wording;
}

/** What a runtime id looks like, in plain words. */
export function runtimeIdWording(): string {
	return __(
		'Use lowercase letters and digits, starting with a letter; join words with single hyphens, for example my-agent.',
		'wp-coding-agents-runtimes'
	);
}

/**
 * What is wrong with a runtime id, or null when it can be sent.
 * @param id Trimmed id.
 */
export function runtimeIdHint( id: string ): string | null {
	return nameProblem(
		id,
		MAX_RUNTIME_ID_LENGTH,
		RUNTIME_ID_PATTERN,
		__(
			'Enter a runtime ID, for example my-agent.',
			'wp-coding-agents-runtimes'
		),
		runtimeIdWording()
	);
}

/**
 * What is wrong with a subkey, or null.
 * @param subkey Trimmed subkey.
 */
export function subkeyHint( subkey: string ): string | null {
	return nameProblem(
		subkey,
		MAX_SUBKEY_LENGTH,
		SUBKEY_PATTERN,
		__(
			'Enter a subkey, for example session_id.',
			'wp-coding-agents-runtimes'
		),
		__(
			'Use lowercase letters, digits and underscores, starting with a letter, for example session_id.',
			'wp-coding-agents-runtimes'
		)
	);
}

/**
 * What is wrong with an environment variable's name, or null. The commonest slips (a
 * `$`, a value after `=`, a space) are named as such.
 * @param name Trimmed name.
 */
export function envVarHint( name: string ): string | null {
	const problem = nameProblem(
		name,
		MAX_ENV_VAR_LENGTH,
		ENV_VAR_PATTERN,
		__(
			'Enter the name of the environment variable, for example KIMAKI_SESSION_ID.',
			'wp-coding-agents-runtimes'
		),
		__(
			'Use letters, digits and underscores, not starting with a digit, for example KIMAKI_SESSION_ID.',
			'wp-coding-agents-runtimes'
		)
	);
	if ( null === problem || '' === name || name.length > MAX_ENV_VAR_LENGTH ) {
		return problem;
	}
	if ( name.startsWith( '$' ) ) {
		return __(
			'Leave out the $: enter the name alone, for example KIMAKI_SESSION_ID.',
			'wp-coding-agents-runtimes'
		);
	}
	if ( name.includes( '=' ) ) {
		return __(
			'Enter the name only, without = and a value.',
			'wp-coding-agents-runtimes'
		);
	}
	if ( /\s/.test( name ) ) {
		return __(
			'A name has no spaces: use underscores, for example KIMAKI_SESSION_ID.',
			'wp-coding-agents-runtimes'
		);
	}
	return problem;
}

/**
 * A problem that blocks saving the label, or null.
 * @param label Label as typed.
 */
export function labelProblem( label: string ): string | null {
	return label.trim().length > MAX_LABEL_LENGTH
		? tooLong( MAX_LABEL_LENGTH )
		: null;
}

/**
 * Advice about the label that does not block saving, or null.
 * @param label Label as typed.
 */
export function labelHint( label: string ): string | null {
	if ( /<[^>]*>/.test( label ) ) {
		return __(
			'HTML tags are removed when saved.',
			'wp-coding-agents-runtimes'
		);
	}
	return null;
}

const URL_SUBKEY = new RegExp( DMC_RULES.URL_SUBKEY_PATTERN );
const URL_VALUE = new RegExp( DMC_RULES.URL_VALUE_PATTERN );

// A subkey `url` or ending in `_url` only keeps values that start with http:// or
// https:// (DMC's rule for the worktree origin session), worth knowing while mapping.
export function isUrlSubkey( subkey: string ): boolean {
	return URL_SUBKEY.test( subkey );
}

// A value DMC keeps for a URL subkey: an http(s) URL, safe to link.
export function isKeptUrl( subkey: string, value: string ): boolean {
	return isUrlSubkey( subkey ) && URL_VALUE.test( value );
}

/**
 * Which input a problem belongs to: the id, the label, one row's subkey or variable
 * (by the row's key), or the fields as a whole (no row to point at).
 */
export type FieldRef =
	'id' | 'label' | 'fields' | `subkey:${ string }` | `env:${ string }`;

export interface Problem {
	field: FieldRef;
	message: string;
}

export interface DraftToCheck {
	/** The add form's runtime id; absent in a card's editor (the id is fixed). */
	id?: string;
	/** Ids already listed: an add with one of them would replace that runtime. */
	existingIds?: string[];
	label: string;
	rows: FieldRow[];
}

/**
 * Every problem of a runtime form, in the order of its inputs; empty when it can be
 * sent. Rows left entirely blank are ignored, as they are not sent.
 * @param draft The form's values.
 */
export function draftProblems( draft: DraftToCheck ): Problem[] {
	const problems: Problem[] = [];
	const add = ( field: FieldRef, message: string | null ) => {
		if ( null !== message ) {
			problems.push( { field, message } );
		}
	};
	if ( undefined !== draft.id ) {
		const id = draft.id.trim();
		add(
			'id',
			draft.existingIds?.includes( id )
				? __(
						'This ID is already in the list: edit that runtime instead.',
						'wp-coding-agents-runtimes'
					)
				: runtimeIdHint( id )
		);
	}
	add( 'label', labelProblem( draft.label ) );
	const filled = draft.rows.filter(
		( row ) => '' !== row.subkey.trim() || '' !== row.env.trim()
	);
	const firstRowOf = new Map< string, number >();
	for ( const row of filled ) {
		const subkey = row.subkey.trim();
		const earlier = firstRowOf.get( subkey );
		add(
			`subkey:${ row.key }`,
			subkeyHint( subkey ) ??
				( undefined === earlier
					? null
					: sprintf(
							/* translators: %d: row number. */
							__(
								'Row %d already uses this subkey; each subkey can be used once.',
								'wp-coding-agents-runtimes'
							),
							earlier
						) )
		);
		if ( undefined === earlier ) {
			firstRowOf.set( subkey, draft.rows.indexOf( row ) + 1 );
		}
		add( `env:${ row.key }`, envVarHint( row.env.trim() ) );
	}
	if ( 0 === filled.length ) {
		add(
			'fields',
			__(
				'Add at least one field: a subkey and the environment variable that holds its value.',
				'wp-coding-agents-runtimes'
			)
		);
	}
	if ( filled.length > MAX_SUBKEYS ) {
		add(
			'fields',
			sprintf(
				/* translators: %d: maximum number of fields. */
				__(
					'A runtime has at most %d fields: remove some rows.',
					'wp-coding-agents-runtimes'
				),
				MAX_SUBKEYS
			)
		);
	}
	return problems;
}
