import { __ } from '@wordpress/i18n';
import type { RestError } from '../api/types';

export function isRestError( error: unknown ): error is RestError {
	return (
		'object' === typeof error &&
		null !== error &&
		'string' === typeof ( error as RestError ).code &&
		'string' === typeof ( error as RestError ).message
	);
}

// The text to show for a failed request: the server's own message (validation
// messages name the field), api-fetch's message for network failures.
export function errorMessage( error: unknown ): string {
	if ( isRestError( error ) && '' !== error.message ) {
		return error.message;
	}
	if ( error instanceof Error && '' !== error.message ) {
		return error.message;
	}
	return __(
		'The request failed for an unknown reason.',
		'wp-coding-agents-runtimes'
	);
}
