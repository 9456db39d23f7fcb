<?php
/**
 * The stored record of the registry: the two options, read and written under one lock.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Persistence only: which options hold the registry, how a read-modify-write cycle reads
 * them fresh under the lock and writes them back. What the values mean is Registry_Rules'
 * and Published_Option_Reader's business.
 *
 * - `datamachine_code_worktree_runtime_signatures` (OPTION) holds the published (enabled)
 *   signatures in DMC's shape, in precedence order; other code may write it too;
 * - `wpca_runtime_meta` (META_OPTION) holds everything else (see Registry_Rules).
 */
class Signature_Record {

	const OPTION = 'datamachine_code_worktree_runtime_signatures';

	const META_OPTION = 'wpca_runtime_meta';

	const LOCK_OPTION = 'wpca_runtimes_lock';

	/**
	 * Lock guarding read-modify-write cycles.
	 *
	 * @var Option_Lock
	 */
	private $lock;

	/**
	 * Constructor.
	 *
	 * @param Option_Lock $lock Lock guarding writes.
	 */
	public function __construct( Option_Lock $lock ) {
		$this->lock = $lock;
	}

	/**
	 * Both stored values as they are now (null when absent).
	 *
	 * @return array{published: mixed, meta: mixed}
	 */
	public function read() {
		return array(
			'published' => get_option( self::OPTION, null ),
			'meta'      => get_option( self::META_OPTION, null ),
		);
	}

	/**
	 * Runs a read-modify-write cycle under the lock, on values read fresh from the database.
	 *
	 * @param callable $change Receives read()'s values; returns `[ next or null for no write, result ]`
	 *                         (next: `{ published: array, meta: array }`) or a WP_Error.
	 * @return mixed|WP_Error The result.
	 */
	public function transaction( callable $change ) {
		return $this->lock->run(
			function () use ( $change ) {
				$this->forget_cached_options();
				$outcome = $change( $this->read() );
				if ( is_wp_error( $outcome ) ) {
					return $outcome;
				}
				list( $next, $result ) = $outcome;
				if ( null !== $next ) {
					$this->write( $next['published'], $next['meta'] );
				}
				return $result;
			}
		);
	}

	/**
	 * Writes both options.
	 *
	 * @param array $published DMC's option.
	 * @param array $meta      The metadata option.
	 */
	private function write( array $published, array $meta ) {
		$this->store_option( self::OPTION, $published );
		$this->store_option( self::META_OPTION, $meta );
	}

	/**
	 * Drops this request's cached copies so a write starts from what the database holds now.
	 */
	private function forget_cached_options() {
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( self::META_OPTION, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		// Only a foreign writer could have made them autoloaded, but then this is where they are cached.
		wp_cache_delete( 'alloptions', 'options' );
	}

	/**
	 * Writes a non-autoloaded option, or deletes it when empty.
	 *
	 * @param string $name  Option name.
	 * @param array  $value Value.
	 */
	private function store_option( $name, array $value ) {
		if ( array() === $value ) {
			delete_option( $name );
			return;
		}
		update_option( $name, $value, false );
	}
}
