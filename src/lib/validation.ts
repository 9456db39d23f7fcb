/**
 * Client-side hints using the server's own patterns and limits (generated from
 * php/rules/class-schema.php into src/api/schema.generated.ts). They only
 * guide the admin while typing: the server validates every request and its
 * error message is what the screen shows when a save is rejected.
 */
import { __, sprintf } from '@wordpress/i18n';
import { SCHEMA } from '../api/schema.generated';

export const RUNTIME_ID_PATTERN = new RegExp( SCHEMA.ID_PATTERN );
export const SUBKEY_PATTERN = new RegExp( SCHEMA.SUBKEY_PATTERN );
export const ENV_VAR_PATTERN = new RegExp( SCHEMA.ENV_NAME_PATTERN );

export const MAX_RUNTIME_ID_LENGTH = SCHEMA.ID_MAX_LENGTH;
export const MAX_SUBKEY_LENGTH = SCHEMA.SUBKEY_MAX_LENGTH;
export const MAX_SUBKEYS = SCHEMA.MAX_FIELDS;
export const MAX_ENV_VAR_LENGTH = SCHEMA.ENV_NAME_MAX_LENGTH;
export const MAX_LABEL_LENGTH = SCHEMA.LABEL_MAX_LENGTH;

function tooLongHint( maxLength: number ): string {
	return sprintf(
		/* translators: %d: maximum number of characters. */
		__( 'At most %d characters.', 'wp-coding-agents-runtimes' ),
		maxLength
	);
}

// The rule shared by ids, subkeys and env var names: required, not too long,
// and matching the pattern whose wording is given.
function nameHint(
	name: string,
	maxLength: number,
	pattern: RegExp,
	patternHint: string
): string | null {
	if ( '' === name ) {
		return __( 'Required.', 'wp-coding-agents-runtimes' );
	}
	if ( name.length > maxLength ) {
		return tooLongHint( maxLength );
	}
	if ( ! pattern.test( name ) ) {
		return patternHint;
	}
	return null;
}

// A hint for the runtime id, or null when it looks valid.
export function runtimeIdHint( id: string ): string | null {
	return nameHint(
		id,
		MAX_RUNTIME_ID_LENGTH,
		RUNTIME_ID_PATTERN,
		__(
			'Lowercase letters and digits, starting with a letter, words joined by single hyphens (no underscores).',
			'wp-coding-agents-runtimes'
		)
	);
}

export function subkeyHint( subkey: string ): string | null {
	return nameHint(
		subkey,
		MAX_SUBKEY_LENGTH,
		SUBKEY_PATTERN,
		__(
			'Lowercase letters, digits and underscores, starting with a letter (e.g. session_id).',
			'wp-coding-agents-runtimes'
		)
	);
}

export function envVarHint( name: string ): string | null {
	return nameHint(
		name,
		MAX_ENV_VAR_LENGTH,
		ENV_VAR_PATTERN,
		__(
			'Letters, digits and underscores, not starting with a digit (e.g. KIMAKI_SESSION_ID).',
			'wp-coding-agents-runtimes'
		)
	);
}

export function labelHint( label: string ): string | null {
	if ( label.length > MAX_LABEL_LENGTH ) {
		return tooLongHint( MAX_LABEL_LENGTH );
	}
	if ( /<[^>]*>/.test( label ) ) {
		return __(
			'HTML tags are removed when saved.',
			'wp-coding-agents-runtimes'
		);
	}
	return null;
}

// A subkey ending in `url` only keeps values that start with http:// or https://
// (DMC's rule for the worktree origin session), worth knowing while mapping.
export function isUrlSubkey( subkey: string ): boolean {
	return 'url' === subkey || subkey.endsWith( '_url' );
}
