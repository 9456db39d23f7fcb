/**
 * Reading the filter's value the way DMC does (docs/contract.md): entries
 * whose key would be an integer in PHP, whose value is not a map, or that keep
 * no pair of non-empty strings are skipped; so are such pairs.
 */
import type { SignaturesResponse } from '../api/types';

export interface SignatureEntry {
	id: string;
	/** The pairs DMC keeps, in entry order. */
	pairs: Array< [ subkey: string, env: string ] >;
	/** DMC skips the whole entry. */
	ignored: boolean;
	/** The entry had pairs DMC skips. */
	droppedPairs: number;
}

/** PHP turns such array keys into integers, which DMC drops. */
const PHP_INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/;

function isNonEmptyString( value: unknown ): value is string {
	return 'string' === typeof value && '' !== value;
}

function isStringKey( key: string ): boolean {
	return '' !== key && ! PHP_INTEGER_KEY.test( key );
}

export function signatureEntries(
	signatures: SignaturesResponse[ 'signatures' ]
): SignatureEntry[] {
	return Object.entries( signatures ).map( ( [ id, value ] ) => {
		const isArray = 'object' === typeof value && null !== value;
		const all = isArray
			? Object.entries( value as Record< string, unknown > )
			: [];
		// A JSON list is a PHP list: every key is an integer, so no pair survives.
		const pairs = Array.isArray( value )
			? []
			: all.filter(
					( pair ): pair is [ string, string ] =>
						isStringKey( pair[ 0 ] ) &&
						isNonEmptyString( pair[ 1 ] )
				);
		const ignored = ! isStringKey( id ) || 0 === pairs.length;
		return {
			id,
			pairs: ignored ? [] : pairs,
			ignored,
			droppedPairs: ignored ? 0 : all.length - pairs.length,
		};
	} );
}

// Every env var DMC reads, once, in the order it reads them.
export function declaredEnvVars(
	signatures: SignaturesResponse[ 'signatures' ]
): string[] {
	const names = new Set< string >();
	for ( const entry of signatureEntries( signatures ) ) {
		for ( const [ , env ] of entry.pairs ) {
			names.add( env );
		}
	}
	return [ ...names ];
}
