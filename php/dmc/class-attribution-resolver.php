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
	 * Everything the preview shows.
	 *
	 * @param mixed                 $signatures Filter output (as DMC receives it).
	 * @param array<string, string> $env        Environment of the simulated process.
	 * @return array{origin_session: array|null, lock_owner: array, declared: string[], found: string[], missing: string[]}
	 */
	public function preview( $signatures, array $env ): array {
		$signatures = $this->clean( $signatures );
		$declared   = array();
		foreach ( $signatures as $fields ) {
			foreach ( $fields as $env_name ) {
				$declared[ $env_name ] = true;
			}
		}
		$declared = array_map( 'strval', array_keys( $declared ) );
		$found    = array_values(
			array_filter(
				$declared,
				function ( $name ) use ( $env ) {
					return null !== $this->lookup( $env, $name );
				}
			)
		);
		return array(
			'origin_session' => $this->origin_session( $signatures, $env ),
			'lock_owner'     => array( 'runtime_ids' => $this->lock_owner_ids( $signatures, $env ) ),
			'declared'       => $declared,
			'found'          => $found,
			'missing'        => array_values( array_diff( $declared, $found ) ),
		);
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
		if ( ! is_array( $signatures ) ) {
			return $clean;
		}
		foreach ( $signatures as $id => $fields ) {
			if ( ! is_string( $id ) || '' === $id || ! is_array( $fields ) ) {
				continue;
			}
			$pairs = array();
			foreach ( $fields as $subkey => $env_name ) {
				if ( is_string( $subkey ) && '' !== $subkey && is_string( $env_name ) && '' !== $env_name ) {
					$pairs[ $subkey ] = $env_name;
				}
			}
			if ( array() !== $pairs ) {
				$clean[ $id ] = $pairs;
			}
		}
		return $clean;
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
				$is_url = 'url' === $subkey || '_url' === substr( $subkey, -4 );
				if ( $is_url && 1 !== preg_match( '#^https?://#i', $value ) ) {
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
			'primary_id' => isset( $primary_values['session_id'] ) ? $primary_values['session_id'] : reset( $primary_values ),
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
			if ( isset( $values['session_id'] ) ) {
				return (string) $id;
			}
		}
		return array() === $ids ? null : (string) array_key_first( $ids );
	}

	/**
	 * Where the primary id came from: its runtime and the variable that held it.
	 *
	 * @param mixed      $signatures     Filter output the origin session was computed with.
	 * @param array|null $origin_session origin_session() output.
	 * @return array{runtime: string|null, variable: string|null}
	 */
	public function primary_source( $signatures, ?array $origin_session ): array {
		$source = array(
			'runtime'  => null,
			'variable' => null,
		);
		if ( null === $origin_session ) {
			return $source;
		}
		$runtime            = $this->primary_runtime( $origin_session['ids'] );
		$values             = $origin_session['ids'][ $runtime ];
		$subkey             = isset( $values['session_id'] ) ? 'session_id' : (string) array_key_first( $values );
		$source['runtime']  = $runtime;
		$source['variable'] = $this->clean( $signatures )[ $runtime ][ $subkey ];
		return $source;
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
