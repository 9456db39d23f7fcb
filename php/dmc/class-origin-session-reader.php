<?php
/**
 * A worktree's recorded origin session, read back exactly as DMC reads it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * DMC's own reading of a stored `origin_session` (its WorktreeContextInjector's
 * summarize_session(), docs/contract.md): legacy `<runtime>_<subkey>` keys split at the
 * first underscore, values normalised with `null` subkeys kept, `primary_id` resolved
 * against the signatures registered now, plus which rule and runtime produced the primary
 * id, which DMC does not report. Pure: DMC_Worktree_Records applies it to every row.
 */
class Origin_Session_Reader {

	/** How the primary id was chosen, in DMC's order of precedence. */
	public const PRIMARY_RULES = array( 'explicit', 'session_id', 'registered_value', 'captured_value' );

	/**
	 * DMC's summarize_session(), plus which rule and runtime gave the primary id.
	 *
	 * @param array $session    Stored `origin_session`.
	 * @param array $signatures Cleaned signatures registered now.
	 * @return array{primary_id: string|null, ids: array, primary_runtime: string|null, primary_rule: string|null}
	 */
	public static function summarize_session( array $session, array $signatures ): array {
		$session = self::migrate_legacy( $session );
		$ids     = array();
		if ( isset( $session['ids'] ) && is_array( $session['ids'] ) ) {
			foreach ( $session['ids'] as $runtime_id => $entry ) {
				if ( ! is_string( $runtime_id ) || '' === $runtime_id || ! is_array( $entry ) ) {
					continue;
				}
				$normalized = array();
				foreach ( $entry as $subkey => $value ) {
					if ( is_string( $subkey ) && '' !== $subkey ) {
						$normalized[ $subkey ] = self::normalize_value( $value );
					}
				}
				if ( array() !== $normalized ) {
					$ids[ $runtime_id ] = $normalized;
				}
			}
		}
		list( $primary_id, $runtime, $rule ) = self::resolve_primary( $session, $ids, $signatures );
		return array(
			'primary_id'      => $primary_id,
			'ids'             => $ids,
			'primary_runtime' => $runtime,
			'primary_rule'    => $rule,
		);
	}

	/**
	 * DMC's resolve_primary_id(): explicit, then the first `session_id` of a registered
	 * runtime, then any value of a registered runtime, then any captured value.
	 *
	 * @param array $session    Migrated envelope.
	 * @param array $ids        Normalised ids.
	 * @param array $signatures Cleaned signatures registered now.
	 * @return array{0: string|null, 1: string|null, 2: string|null} Primary id, its runtime, the rule.
	 */
	private static function resolve_primary( array $session, array $ids, array $signatures ): array {
		$explicit = isset( $session['primary_id'] ) ? self::normalize_value( $session['primary_id'] ) : null;
		if ( null !== $explicit ) {
			// DMC keeps no runtime for an explicit id: name the one whose value it is, if any.
			$order = array_merge( array_intersect( array_keys( $signatures ), array_keys( $ids ) ), array_keys( $ids ) );
			foreach ( array_unique( $order ) as $runtime_id ) {
				if ( in_array( $explicit, $ids[ $runtime_id ], true ) ) {
					return array( $explicit, (string) $runtime_id, 'explicit' );
				}
			}
			return array( $explicit, null, 'explicit' );
		}
		foreach ( array_keys( $signatures ) as $runtime_id ) {
			if ( isset( $ids[ $runtime_id ]['session_id'] ) ) {
				return array( $ids[ $runtime_id ]['session_id'], (string) $runtime_id, 'session_id' );
			}
		}
		foreach ( array_keys( $signatures ) as $runtime_id ) {
			if ( isset( $ids[ $runtime_id ] ) ) {
				$value = self::first_value( $ids[ $runtime_id ] );
				if ( null !== $value ) {
					return array( $value, (string) $runtime_id, 'registered_value' );
				}
			}
		}
		foreach ( $ids as $runtime_id => $entry ) {
			$value = self::first_value( $entry );
			if ( null !== $value ) {
				return array( $value, (string) $runtime_id, 'captured_value' );
			}
		}
		return array( null, null, null );
	}

	/**
	 * The first non-null value of an entry.
	 *
	 * @param array $entry Normalised `subkey => value|null`.
	 * @return string|null
	 */
	public static function first_value( array $entry ): ?string {
		foreach ( $entry as $value ) {
			if ( null !== $value ) {
				return $value;
			}
		}
		return null;
	}

	/**
	 * DMC's normalize_session_value(): strings trimmed, other scalars cast and trimmed,
	 * empty strings, null and non-scalars null.
	 *
	 * @param mixed $value Stored value.
	 * @return string|null
	 */
	public static function normalize_value( $value ): ?string {
		if ( ! is_scalar( $value ) ) {
			return null;
		}
		$text = trim( (string) $value );
		return '' === $text ? null : $text;
	}

	/**
	 * DMC's migrate_legacy_origin_session(): each top-level key other than `primary_id` and
	 * `ids` with an underscore neither first nor last is split at its first underscore into
	 * runtime and subkey, merged into `ids` without overwriting a subkey already there.
	 *
	 * @param array $session Stored envelope.
	 * @return array
	 */
	private static function migrate_legacy( array $session ): array {
		$ids = isset( $session['ids'] ) && is_array( $session['ids'] ) ? $session['ids'] : array();
		foreach ( $session as $key => $value ) {
			$split = self::split_legacy_key( $key );
			if ( null === $split ) {
				continue;
			}
			list( $runtime_id, $subkey ) = $split;
			if ( ! isset( $ids[ $runtime_id ] ) || ! is_array( $ids[ $runtime_id ] ) ) {
				$ids[ $runtime_id ] = array();
			}
			if ( ! array_key_exists( $subkey, $ids[ $runtime_id ] ) ) {
				$ids[ $runtime_id ][ $subkey ] = $value;
			}
		}
		$session['ids'] = $ids;
		return $session;
	}

	/**
	 * A legacy key split into `[ runtime, subkey ]`, or null when DMC leaves it alone.
	 *
	 * @param int|string $key Top-level key of the stored envelope.
	 * @return string[]|null
	 */
	private static function split_legacy_key( $key ): ?array {
		if ( 'primary_id' === $key || 'ids' === $key ) {
			return null;
		}
		$key        = (string) $key;
		$underscore = strpos( $key, '_' );
		if ( false === $underscore || 0 === $underscore || strlen( $key ) - 1 === $underscore ) {
			return null;
		}
		return array( substr( $key, 0, $underscore ), substr( $key, $underscore + 1 ) );
	}

	/**
	 * Whether a stored envelope holds keys DMC migrates from the legacy shape.
	 *
	 * @param array $session Stored envelope.
	 * @return bool
	 */
	public static function has_legacy_keys( array $session ): bool {
		foreach ( array_keys( $session ) as $key ) {
			if ( null !== self::split_legacy_key( $key ) ) {
				return true;
			}
		}
		return false;
	}
}
