<?php
/**
 * The stored record of the registry: two options, read and written all-or-nothing under one lock.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Storage;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Persistence only: which options hold the registry, how a read-modify-write cycle reads
 * them fresh under the lock, and how it writes them back atomically. What the values mean
 * is Registry_State's and Published_Option_Reader's business.
 *
 * - `datamachine_code_worktree_runtime_signatures` (OPTION) holds the published (enabled)
 *   signatures in DMC's shape, in precedence order; other code may write it too;
 * - `wpca_runtime_meta` (META_OPTION) holds everything else (see Registry_State) and,
 *   while a write of both is under way, its write-ahead intent (see write()).
 * What is published therefore depends on both options: a cache of it must be dropped when
 * either changes (OPTIONS).
 */
class Signature_Record {

	public const OPTION = 'datamachine_code_worktree_runtime_signatures';

	public const META_OPTION = 'wpca_runtime_meta';

	public const LOCK_OPTION = 'wpca_runtimes_lock';

	/** Both options read() depends on. */
	public const OPTIONS = array( self::OPTION, self::META_OPTION );

	/** Key of the write-ahead intent inside the metadata option. */
	public const INTENT = 'intent';

	/**
	 * Action fired at each step of a write with the step's name (`begin`, `intent`,
	 * `published`, `done`), so tests can stop a PHP process there and kill it.
	 */
	public const STEP_ACTION = 'wpca_record_write_step';

	/**
	 * Lock guarding read-modify-write cycles.
	 *
	 * @var Option_Lock
	 */
	private Option_Lock $lock;

	/**
	 * Constructor.
	 *
	 * @param Option_Lock $lock Lock guarding writes.
	 */
	public function __construct( Option_Lock $lock ) {
		$this->lock = $lock;
	}

	/**
	 * Both values as every reader must see them (null when absent): a write that stopped
	 * between its steps counts as done (see write()).
	 *
	 * @return array{published: mixed, meta: mixed}
	 */
	public function read(): array {
		return self::effective( self::read_stored() );
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
				$stored  = self::read_from_database();
				$outcome = $change( self::effective( $stored ) );
				if ( is_wp_error( $outcome ) ) {
					return $outcome;
				}
				list( $next, $result ) = $outcome;
				if ( null !== $next ) {
					$written = $this->write( $next['published'], $next['meta'], $stored );
					if ( is_wp_error( $written ) ) {
						return $written;
					}
				}
				return $result;
			}
		);
	}

	/**
	 * Writes both options so that every reader sees all of the change or none of it, even
	 * when the process dies between two statements (a fatal elsewhere, a killed worker, a
	 * timeout). One UPDATE of one row is atomic, two are not; so a change of both is a
	 * recoverable write-ahead record in the metadata option:
	 *   1. the metadata option takes its new value plus an intent: the published value to
	 *      write and a fingerprint of the one it replaces. This is the commit point;
	 *   2. the published option takes its new value;
	 *   3. the metadata option drops the intent.
	 * A reader finding an intent while the published option still holds the value it
	 * replaces reads the intent's value instead (rolls the write forward), and the next
	 * write stores it for good. Any other published value is read as it is, so edits other
	 * code makes to DMC's option keep counting. The published option always holds a whole
	 * old or new value, never a mix. A change of one option alone is one atomic write.
	 *
	 * Nothing is written when the lock was taken over before the commit point (fence()).
	 * Each write is read back from the database: a commit the database did not keep (a
	 * neighbour's `pre_update_option_*` filter swallowed it, the database refused it) is
	 * `wpca_not_stored`, with nothing changed.
	 *
	 * @param array $published DMC's option.
	 * @param array $meta      The metadata option.
	 * @param array $stored    read_stored() values the change started from.
	 * @return true|WP_Error `wpca_lock_lost` when this writer no longer holds the lock, `wpca_not_stored`.
	 */
	private function write( array $published, array $meta, array $stored ) {
		do_action( self::STEP_ACTION, 'begin' );
		$fenced = $this->lock->fence();
		if ( is_wp_error( $fenced ) ) {
			return $fenced;
		}
		$published_changes = $published !== self::as_stored( $stored['published'] );
		$meta_changes      = $meta !== self::as_stored( $stored['meta'] );
		if ( $published_changes && $meta_changes ) {
			$committed = $this->store_option(
				self::META_OPTION,
				$meta + array(
					self::INTENT => array(
						'published' => $published,
						'replaces'  => self::fingerprint( $stored['published'] ),
					),
				)
			);
			if ( ! $committed ) {
				return self::not_stored();
			}
			do_action( self::STEP_ACTION, 'intent' );
			// Past the commit point: a refused published write leaves the intent, which readers roll forward.
			if ( ! $this->store_option( self::OPTION, $published ) ) {
				return true;
			}
			do_action( self::STEP_ACTION, 'published' );
			$this->store_option( self::META_OPTION, $meta );
		} elseif ( $published_changes ) {
			if ( ! $this->store_option( self::OPTION, $published ) ) {
				return self::not_stored();
			}
			do_action( self::STEP_ACTION, 'published' );
		} elseif ( $meta_changes && ! $this->store_option( self::META_OPTION, $meta ) ) {
			return self::not_stored();
		}
		do_action( self::STEP_ACTION, 'done' );
		return true;
	}

	/**
	 * Both values exactly as stored.
	 *
	 * Core lists every absent option of a site in one cached array, `notoptions`, which each
	 * get_option() miss of any option rewrites whole. With a persistent cache shared by many
	 * workers, one that loaded it while these options were absent can write it back after a
	 * write added them, and get_option() then answers "absent" without asking the database
	 * until the next write: a registered runtime reads as 404, DMC gets an empty map. So
	 * with such a cache an absent answer is checked against the database (one query, and
	 * only then); an option found there repairs the cache for the next readers.
	 *
	 * @return array{published: mixed, meta: mixed}
	 */
	private static function read_stored(): array {
		$stored = array(
			'published' => get_option( self::OPTION, null ),
			'meta'      => get_option( self::META_OPTION, null ),
		);
		if ( ! wp_using_ext_object_cache() || ! in_array( null, $stored, true ) ) {
			return $stored;
		}
		$rows = self::database_rows();
		if ( ( null === $stored['published'] && isset( $rows[ self::OPTION ] ) )
			|| ( null === $stored['meta'] && isset( $rows[ self::META_OPTION ] ) ) ) {
			self::repair_cache( $rows );
		}
		return self::values_of( $rows );
	}

	/**
	 * The values a reader uses: an unfinished write rolled forward, the intent left out.
	 *
	 * @param array $stored read_stored() values.
	 * @return array{published: mixed, meta: mixed}
	 */
	private static function effective( array $stored ): array {
		$meta = $stored['meta'];
		if ( ! is_array( $meta ) || ! array_key_exists( self::INTENT, $meta ) ) {
			return $stored;
		}
		$intent = $meta[ self::INTENT ];
		unset( $meta[ self::INTENT ] );
		$published = $stored['published'];
		if ( is_array( $intent ) && isset( $intent['replaces'], $intent['published'] ) && is_array( $intent['published'] )
			&& self::fingerprint( $published ) === $intent['replaces'] ) {
			$published = array() === $intent['published'] ? null : $intent['published'];
		}
		return array(
			'published' => $published,
			'meta'      => $meta,
		);
	}

	/**
	 * A stored value as the array write() would compare (absent is empty).
	 *
	 * @param mixed $value Stored value.
	 * @return mixed
	 */
	private static function as_stored( $value ) {
		return null === $value ? array() : $value;
	}

	/**
	 * Identifies a stored value.
	 *
	 * @param mixed $value Stored value (null when absent).
	 * @return string
	 */
	private static function fingerprint( $value ): string {
		return md5( serialize( $value ) ); // phpcs:ignore Generic.PHP.ForbiddenFunctions.FoundWithAlternative, WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- a fingerprint, never unserialized.
	}

	/**
	 * Both values as the database holds them now, bypassing the object cache: with a
	 * persistent cache shared by many workers, a reader that loaded an older value can put
	 * it back into the cache after it was dropped, so a write that trusted the cache could
	 * start from that older value and lose a change. The cache is then set to what the
	 * database holds, so update_option() compares against the truth.
	 *
	 * @return array{published: mixed, meta: mixed}
	 */
	private static function read_from_database(): array {
		$rows = self::database_rows();
		self::repair_cache( $rows );
		return self::values_of( $rows );
	}

	/**
	 * Both options' rows in the database now, bypassing the object cache.
	 *
	 * @return array<string, string> Serialized value by option name, for the options that exist.
	 */
	private static function database_rows(): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM $wpdb->options WHERE option_name IN ( %s, %s )", self::OPTION, self::META_OPTION ) );
		return wp_list_pluck( $rows, 'option_value', 'option_name' );
	}

	/**
	 * Sets the object cache to what the database holds for both options.
	 *
	 * @param array<string, string> $rows database_rows().
	 */
	private static function repair_cache( array $rows ): void {
		foreach ( self::OPTIONS as $name ) {
			if ( isset( $rows[ $name ] ) ) {
				wp_cache_set( $name, $rows[ $name ], 'options' );
			} else {
				wp_cache_delete( $name, 'options' );
			}
		}
		wp_cache_delete( 'notoptions', 'options' );
		// Only a foreign writer could have made them autoloaded, but then this is where they are cached.
		wp_cache_delete( 'alloptions', 'options' );
	}

	/**
	 * Both values from database_rows() (null when absent).
	 *
	 * @param array<string, string> $rows database_rows().
	 * @return array{published: mixed, meta: mixed}
	 */
	private static function values_of( array $rows ): array {
		return array(
			'published' => isset( $rows[ self::OPTION ] ) ? maybe_unserialize( $rows[ self::OPTION ] ) : null,
			'meta'      => isset( $rows[ self::META_OPTION ] ) ? maybe_unserialize( $rows[ self::META_OPTION ] ) : null,
		);
	}

	/**
	 * Writes a non-autoloaded option, or deletes it when empty.
	 *
	 * @param string $name  Option name.
	 * @param array  $value Value.
	 * @return bool Whether the database now holds exactly that (read back, not from the cache).
	 */
	private function store_option( string $name, array $value ): bool {
		if ( array() === $value ) {
			delete_option( $name );
		} else {
			update_option( $name, $value, false );
		}
		$rows = self::database_rows();
		return array() === $value ? ! isset( $rows[ $name ] ) : ( isset( $rows[ $name ] ) && maybe_serialize( $value ) === $rows[ $name ] );
	}

	/**
	 * The error of a write the database did not keep.
	 *
	 * @return WP_Error
	 */
	private static function not_stored(): WP_Error {
		return new WP_Error(
			'wpca_not_stored',
			__( 'The database did not keep the change (another plugin refused the write, or the database failed); nothing was changed.', 'wp-coding-agents-runtimes' ),
			array( 'status' => 503 )
		);
	}
}
