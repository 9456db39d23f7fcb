/**
 * Reading an environment pasted into the attribution preview: the output of `env`,
 * `printenv`, `export -p` or `declare -x`, or `export NAME=value` lines, with values
 * bare, 'single-quoted' or "double-quoted". Only the variables the signatures declare
 * are taken; everything else stays in the browser and is only counted.
 */
import { ENV_VAR_PATTERN } from './validation';

export interface PastedEnvironment {
	/** Declared variables found in the text, name => value, in the order declared. */
	filled: Map< string, string >;
	/** How many other variables the text sets (ignored, never sent). */
	ignored: number;
}

// `export NAME=…`, `declare -x NAME=…` (export -p) or a bare `NAME=…`.
const ASSIGNMENT = /^\s*(?:export\s+|declare\s+-[a-zA-Z]+\s+)?([^=\s]+)=(.*)$/;

// A quoted shell word's value: quotes removed, a double-quoted string's \" \\ \$ \` unescaped.
// Returns null while a quote opened on this line is not closed yet.
function unquote( raw: string ): string | null {
	let value = '';
	let index = 0;
	while ( index < raw.length ) {
		const char = raw[ index ];
		if ( "'" === char ) {
			const end = raw.indexOf( "'", index + 1 );
			if ( -1 === end ) {
				return null;
			}
			value += raw.slice( index + 1, end );
			index = end + 1;
		} else if ( '"' === char ) {
			let end = index + 1;
			while ( end < raw.length && '"' !== raw[ end ] ) {
				if (
					'\\' === raw[ end ] &&
					/["\\$`]/.test( raw[ end + 1 ] ?? '' )
				) {
					value += raw[ end + 1 ];
					end += 2;
				} else {
					value += raw[ end ];
					end += 1;
				}
			}
			if ( end >= raw.length ) {
				return null;
			}
			index = end + 1;
		} else {
			value += char;
			index += 1;
		}
	}
	return value;
}

/**
 * Whether pasted text reads as an environment rather than one value: an assignment of
 * a declared variable, or several assignment lines.
 * @param text     Pasted text.
 * @param declared Declared variable names.
 */
export function looksLikeEnvironment(
	text: string,
	declared: string[]
): boolean {
	const parsed = parseEnvironment( text, declared );
	return parsed.filled.size > 0 || parsed.ignored > 1;
}

/**
 * The declared variables a pasted environment sets. A value spanning lines (a quoted
 * value with line breaks) is read to its closing quote; lines that set nothing are skipped.
 * @param text     Pasted text.
 * @param declared Declared variable names.
 */
export function parseEnvironment(
	text: string,
	declared: string[]
): PastedEnvironment {
	const found = new Map< string, string >();
	const lines = text.replace( /\r\n?/g, '\n' ).split( '\n' );
	for ( let index = 0; index < lines.length; index++ ) {
		const match = ASSIGNMENT.exec( lines[ index ] );
		if ( ! match || ! ENV_VAR_PATTERN.test( match[ 1 ] ) ) {
			continue;
		}
		let raw = match[ 2 ];
		// `env` and `printenv` print values as they are: only a value opening with a
		// quote is shell-quoted (export -p, or a line written by hand).
		if ( ! /^["']/.test( raw ) ) {
			found.set( match[ 1 ], raw );
			continue;
		}
		let value = unquote( raw.trimEnd() );
		while ( null === value && index + 1 < lines.length ) {
			index += 1;
			raw += '\n' + lines[ index ];
			value = unquote( raw.trimEnd() );
		}
		// An unclosed quote to the end: take the text as it stands.
		found.set( match[ 1 ], value ?? raw );
	}
	const filled = new Map< string, string >();
	for ( const name of declared ) {
		const value = found.get( name );
		if ( undefined !== value ) {
			filled.set( name, value );
		}
	}
	return { filled, ignored: found.size - filled.size };
}
