<?php
/**
 * What Data Machine Code would record for a given environment.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * Pure reproduction of DMC's two consumers of the signatures (docs/contract.md),
 * reading an env map `NAME => value` instead of getenv().
 */
class Attribution_Resolver {

	/** DMC's lock-owner context keeps at most this many bytes of each value. */
	public const LOCK_OWNER_MAX_LENGTH = 300;

	/**
	 * Subkeys DMC treats as URLs (`url`, `*_url`): the origin session keeps their values
	 * only when they match URL_VALUE_PATTERN. ECMAScript-compatible, without flags: the
	 * screen's hints use the same pattern (src/api/schema.generated.ts, `DMC_RULES`).
	 */
	public const URL_SUBKEY_PATTERN = '(^url|_url)$';

	/** What a URL subkey's value must start with to be kept, `^https?://` case-insensitively. */
	public const URL_VALUE_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';

	/** The subkey whose value DMC takes as primary_id first. */
	public const PRIMARY_SUBKEY = 'session_id';

	/**
	 * Everything the preview shows.
	 *
	 * @param mixed                 $signatures Filter output (as DMC receives it).
	 * @param array<string, string> $env        Environment of the simulated process.
	 * @return array{origin_session: array|null, primary_source: array|null, lock_owner: array, declared: string[], found: string[], missing: string[], dropped: array}
	 */
	public function preview( $signatures, array $env ): array {
		$signatures     = $this->clean( $signatures );
		$declared       = self::declared( $signatures );
		$found          = array_values(
			array_filter(
				$declared,
				function ( $name ) use ( $env ) {
					return null !== $this->lookup( $env, $name );
				}
			)
		);
		$origin_session = $this->origin_session( $signatures, $env );
		return array(
			'origin_session' => $origin_session,
			'primary_source' => $this->primary_source( $signatures, $origin_session ),
			'lock_owner'     => array( 'runtime_ids' => $this->lock_owner_ids( $signatures, $env ) ),
			'declared'       => $declared,
			'found'          => $found,
			'missing'        => array_values( array_diff( $declared, $found ) ),
			'dropped'        => $this->dropped( $signatures, $env ),
		);
	}

	/**
	 * Every set value DMC would not record as given, and where: a URL subkey's value that
	 * is no http(s) URL is left out of the origin session (the lock owner keeps it), a
	 * value longer than LOCK_OWNER_MAX_LENGTH bytes is cut in the lock owner.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned signatures.
	 * @param array<string, string>                $env        Environment.
	 * @return array<int, array{runtime: string, subkey: string, variable: string, consumer: string, reason: string, kept_bytes: int}>
	 */
	public function dropped( array $signatures, array $env ): array {
		$dropped = array();
		foreach ( $signatures as $id => $fields ) {
			foreach ( $fields as $subkey => $env_name ) {
				$value = $this->lookup( $env, $env_name );
				if ( null === $value ) {
					continue;
				}
				$where = array(
					'runtime'  => (string) $id,
					'subkey'   => (string) $subkey,
					'variable' => $env_name,
				);
				if ( self::is_url_subkey( (string) $subkey ) && 1 !== preg_match( '#' . self::URL_VALUE_PATTERN . '#', $value ) ) {
					$dropped[] = $where + array(
						'consumer'   => 'origin_session',
						'reason'     => 'not_a_url',
						'kept_bytes' => 0,
					);
				}
				if ( strlen( $value ) > self::LOCK_OWNER_MAX_LENGTH ) {
					$dropped[] = $where + array(
						'consumer'   => 'lock_owner',
						'reason'     => 'cut',
						'kept_bytes' => self::LOCK_OWNER_MAX_LENGTH,
					);
				}
			}
		}
		return $dropped;
	}

	/**
	 * DMC's cleaning of the filter value: entries need a non-empty string key and an
	 * array value; pairs need a non-empty string subkey and env var name; an entry with
	 * no pair left is dropped.
	 *
	 * @param mixed $signatures Filter output.
	 * @return array<string, array<string, string>>
	 */
	public function clean( $signatures ): array {
		$clean = array();
		foreach ( $this->entries( $signatures ) as $entry ) {
			if ( ! $entry['ignored'] ) {
				$clean[ $entry['id'] ] = array_column( $entry['pairs'], 'variable', 'subkey' );
			}
		}
		return $clean;
	}

	/**
	 * Every entry of the filter value as DMC reads it, in filter order: the pairs it keeps,
	 * whether it skips the whole entry, and how many pairs of a kept entry it skips. What
	 * the screen's "What DMC sees" and `bin/runtime-signature verify` show (GET /signatures).
	 *
	 * @param mixed $signatures Filter output.
	 * @return array<int, array{id: string, pairs: array<int, array{subkey: string, variable: string}>, ignored: bool, dropped_pairs: int}>
	 */
	public function entries( $signatures ): array {
		$entries = array();
		if ( ! is_array( $signatures ) ) {
			return $entries;
		}
		foreach ( $signatures as $id => $fields ) {
			$pairs = array();
			// An all-digit id is an integer key in PHP: DMC skips it, as any non-string key.
			if ( is_string( $id ) && '' !== $id && is_array( $fields ) ) {
				foreach ( $fields as $subkey => $env_name ) {
					if ( is_string( $subkey ) && '' !== $subkey && is_string( $env_name ) && '' !== $env_name ) {
						$pairs[] = array(
							'subkey'   => $subkey,
							'variable' => $env_name,
						);
					}
				}
			}
			$ignored   = array() === $pairs;
			$entries[] = array(
				'id'            => (string) $id,
				'pairs'         => $pairs,
				'ignored'       => $ignored,
				'dropped_pairs' => $ignored ? 0 : count( $fields ) - count( $pairs ),
			);
		}
		return $entries;
	}

	/**
	 * Every variable DMC reads, once, in the order it reads them.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned signatures.
	 * @return string[]
	 */
	public static function declared( array $signatures ): array {
		$declared = array();
		foreach ( $signatures as $fields ) {
			foreach ( $fields as $env_name ) {
				$declared[ $env_name ] = true;
			}
		}
		return array_map( 'strval', array_keys( $declared ) );
	}

	/**
	 * The variables whose value DMC takes as primary_id before any other (each runtime's
	 * `session_id`), in precedence order; when none is set, the first value kept wins.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned signatures.
	 * @return string[]
	 */
	public static function primary_variables( array $signatures ): array {
		$variables = array();
		foreach ( $signatures as $fields ) {
			if ( isset( $fields[ self::PRIMARY_SUBKEY ] ) ) {
				$variables[] = $fields[ self::PRIMARY_SUBKEY ];
			}
		}
		return $variables;
	}

	/**
	 * Whether DMC checks this subkey's values as URLs.
	 *
	 * @param string $subkey Subkey.
	 * @return bool
	 */
	public static function is_url_subkey( string $subkey ): bool {
		return 1 === preg_match( '/' . self::URL_SUBKEY_PATTERN . '/D', $subkey );
	}

	/**
	 * Consumer 1, the worktree origin session envelope.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned signatures.
	 * @param array<string, string>                $env        Environment.
	 * @return array{primary_id: string|null, ids: array}|null Null when nothing is captured.
	 */
	public function origin_session( array $signatures, array $env ): ?array {
		$ids = array();
		foreach ( $signatures as $id => $fields ) {
			foreach ( $fields as $subkey => $env_name ) {
				$value = $this->lookup( $env, $env_name );
				if ( null === $value ) {
					continue;
				}
				if ( self::is_url_subkey( $subkey ) && 1 !== preg_match( '#' . self::URL_VALUE_PATTERN . '#', $value ) ) {
					continue;
				}
				$ids[ $id ][ $subkey ] = $value;
			}
		}
		if ( array() === $ids ) {
			return null;
		}

		$primary_values = $ids[ $this->primary_runtime( $ids ) ];
		return array(
			'primary_id' => $primary_values[ self::PRIMARY_SUBKEY ] ?? reset( $primary_values ),
			'ids'        => $ids,
		);
	}

	/**
	 * The runtime whose value becomes the primary id: the first one with a `session_id`,
	 * else the first one that captured anything.
	 *
	 * @param array<string, array<string, string>> $ids Captured values of the origin session, in precedence order.
	 * @return string|null Null when nothing is captured.
	 */
	public function primary_runtime( array $ids ): ?string {
		foreach ( $ids as $id => $values ) {
			if ( isset( $values[ self::PRIMARY_SUBKEY ] ) ) {
				return (string) $id;
			}
		}
		return array() === $ids ? null : (string) array_key_first( $ids );
	}

	/**
	 * Where the primary id came from: its runtime, subkey and the variable that held it.
	 *
	 * @param array<string, array<string, string>> $signatures     Cleaned signatures the origin session was computed with.
	 * @param array|null                           $origin_session origin_session() output.
	 * @return array{runtime: string, subkey: string, variable: string}|null Null when nothing is captured.
	 */
	private function primary_source( array $signatures, ?array $origin_session ): ?array {
		if ( null === $origin_session ) {
			return null;
		}
		$runtime = $this->primary_runtime( $origin_session['ids'] );
		$values  = $origin_session['ids'][ $runtime ];
		$subkey  = isset( $values[ self::PRIMARY_SUBKEY ] ) ? self::PRIMARY_SUBKEY : (string) array_key_first( $values );
		return array(
			'runtime'  => $runtime,
			'subkey'   => $subkey,
			'variable' => $signatures[ $runtime ][ $subkey ],
		);
	}

	/**
	 * Consumer 2, the workspace lock owner's `runtime_ids`: no URL check, values cut to 300 bytes.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned signatures.
	 * @param array<string, string>                $env        Environment.
	 * @return array
	 */
	public function lock_owner_ids( array $signatures, array $env ): array {
		$ids = array();
		foreach ( $signatures as $id => $fields ) {
			foreach ( $fields as $subkey => $env_name ) {
				$value = $this->lookup( $env, $env_name );
				if ( null !== $value ) {
					$ids[ $id ][ $subkey ] = substr( $value, 0, self::LOCK_OWNER_MAX_LENGTH );
				}
			}
		}
		return $ids;
	}

	/**
	 * The trimmed value of a variable, or null when unset, not a string or blank.
	 *
	 * @param array  $env  Environment.
	 * @param string $name Variable name.
	 * @return string|null
	 */
	private function lookup( array $env, string $name ): ?string {
		if ( ! isset( $env[ $name ] ) || ! is_string( $env[ $name ] ) ) {
			return null;
		}
		$value = trim( $env[ $name ] );
		return '' === $value ? null : $value;
	}
}
