<?php
/**
 * Other code's values on DMC's filter, made safe to answer with.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use WP_Coding_Agents\Runtimes\Rules\Plain_Text;

defined( 'ABSPATH' ) || exit;

/**
 * A callback on `datamachine_code_worktree_runtime_signatures` may return anything: nested
 * arrays where a variable name belongs, objects, closures, resources, NAN, megabytes of
 * entries. DMC reads all of it (and skips what it cannot use); the REST API and the screen
 * show it through these copies, which always encode as JSON, fit the response schemas
 * (`id => subkey => scalar`) and stay bounded whatever the neighbour returns: at most
 * MAX_ENTRIES entries of MAX_PAIRS pairs, texts of at most MAX_TEXT_BYTES, without
 * direction controls.
 */
final class Foreign_Value {

	/** Entries of the filter's value shown; DMC reads them all (Filter_Findings says how many more). */
	public const MAX_ENTRIES = 256;

	/** Pairs shown of one entry. */
	public const MAX_PAIRS = 64;

	/** Longest text shown: variable names are at most 128 bytes, so a valid one is never cut. */
	public const MAX_TEXT_BYTES = 512;

	/**
	 * The filter's value as a map `id => entry` (see entry()); anything but an array is empty.
	 *
	 * @param mixed $signatures The filter's value.
	 * @return array
	 */
	public static function signatures( $signatures ): array {
		return is_array( $signatures ) ? self::map( $signatures, self::MAX_ENTRIES, array( self::class, 'entry' ) ) : array();
	}

	/**
	 * One entry: a map `subkey => scalar` when it is an array (a value that is not a scalar
	 * becomes null, which DMC skips too), else the scalar itself (null for anything else).
	 *
	 * @param mixed $entry Entry.
	 * @return array|string|int|float|bool|null
	 */
	public static function entry( $entry ) {
		return is_array( $entry ) ? self::map( $entry, self::MAX_PAIRS, array( self::class, 'scalar' ) ) : self::scalar( $entry );
	}

	/**
	 * Attribution_Resolver::entries() of other code's value, bounded like signatures(): the
	 * first MAX_ENTRIES entries, MAX_PAIRS pairs each, texts through text().
	 *
	 * @param array[] $entries `{ id, pairs: [ { subkey, variable } ], ignored, dropped_pairs }`.
	 * @return array[]
	 */
	public static function entries( array $entries ): array {
		$bounded = array();
		foreach ( array_slice( $entries, 0, self::MAX_ENTRIES ) as $entry ) {
			$entry['id']    = self::text( $entry['id'] );
			$entry['pairs'] = array_map(
				static function ( array $pair ): array {
					return array(
						'subkey'   => self::text( $pair['subkey'] ),
						'variable' => self::text( $pair['variable'] ),
					);
				},
				array_slice( $entry['pairs'], 0, self::MAX_PAIRS )
			);
			$bounded[]      = $entry;
		}
		return $bounded;
	}

	/**
	 * The first `$limit` names of a list, as text().
	 *
	 * @param string[] $names Names.
	 * @param int      $limit How many.
	 * @return string[]
	 */
	public static function names( array $names, int $limit ): array {
		return array_map( array( self::class, 'text' ), array_slice( $names, 0, $limit ) );
	}

	/**
	 * An entry as text for display: `subkey => variable name`, a value that is not a string
	 * described in parentheses (no variable name holds one).
	 *
	 * @param mixed $entry Entry.
	 * @return array<string, string>
	 */
	public static function display_pairs( $entry ): array {
		if ( ! is_array( $entry ) ) {
			return array();
		}
		return self::map(
			$entry,
			self::MAX_PAIRS,
			static function ( $value ) {
				return is_string( $value ) ? self::text( $value ) : '(' . self::describe( $value ) . ')';
			}
		);
	}

	/**
	 * A JSON scalar: strings as text(), finite numbers and booleans as they are, anything
	 * else null.
	 *
	 * @param mixed $value Value.
	 * @return string|int|float|bool|null
	 */
	public static function scalar( $value ) {
		if ( is_string( $value ) ) {
			return self::text( $value );
		}
		if ( is_int( $value ) || is_bool( $value ) || ( is_float( $value ) && is_finite( $value ) ) ) {
			return $value;
		}
		return null;
	}

	/**
	 * Text safe to show: valid UTF-8 without direction controls, at most MAX_TEXT_BYTES.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function text( string $text ): string {
		$text = Plain_Text::without_direction_controls( $text );
		if ( strlen( $text ) <= self::MAX_TEXT_BYTES ) {
			return $text;
		}
		return mb_strcut( $text, 0, self::MAX_TEXT_BYTES - 3, 'UTF-8' ) . '…';
	}

	/**
	 * What a value is, in a few words (`array of 2`, `integer 5`, `object Foo`).
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	public static function describe( $value ): string {
		if ( is_array( $value ) ) {
			return 'array of ' . count( $value );
		}
		if ( is_object( $value ) ) {
			return 'object ' . self::text( get_class( $value ) );
		}
		if ( is_string( $value ) ) {
			return '' === $value ? 'empty string' : 'string';
		}
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			return gettype( $value ) . ' ' . var_export( $value, true ); // phpcs:ignore Generic.PHP.ForbiddenFunctions.Found, WordPress.PHP.DevelopmentFunctions.error_log_var_export -- a number, shown as PHP writes it.
		}
		return null === $value ? 'null' : gettype( $value );
	}

	/**
	 * The first `$limit` entries of a map, keys as text (an integer key as its digits),
	 * values through `$convert`.
	 *
	 * @param array    $map     Map.
	 * @param int      $limit   Entries kept.
	 * @param callable $convert Converts a value.
	 * @return array
	 */
	private static function map( array $map, int $limit, callable $convert ): array {
		$copy = array();
		foreach ( $map as $key => $value ) {
			if ( count( $copy ) >= $limit ) {
				break;
			}
			$key = is_string( $key ) ? self::text( $key ) : (string) $key;
			// Two keys cut or cleaned alike: the first is shown.
			if ( ! array_key_exists( $key, $copy ) ) {
				$copy[ $key ] = $convert( $value );
			}
		}
		return $copy;
	}
}
