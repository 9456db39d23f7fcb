<?php
/**
 * A mutual-exclusion lock stored as a row of the options table.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Storage;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Serialises read-modify-write cycles across PHP workers. An atomic INSERT IGNORE of
 * a row (like core's WP_Upgrader::create_lock) works on MySQL, MariaDB and the SQLite
 * integration used by Playground, unlike GET_LOCK().
 */
class Option_Lock {

	/** Seconds after which a lock is considered abandoned (its holder died) and taken over. */
	public const STALE_AFTER = 10;

	/** Seconds to keep trying before giving up. */
	public const WAIT_FOR = 10;

	/** Microseconds between attempts. */
	public const RETRY_EVERY = 20000;

	/**
	 * Option name of the lock row.
	 *
	 * @var string
	 */
	private string $name;

	/**
	 * Seconds to keep trying.
	 *
	 * @var float
	 */
	private float $wait_for;

	/**
	 * Value identifying the lock this instance holds, or null.
	 *
	 * @var string|null
	 */
	private ?string $token = null;

	/**
	 * Constructor.
	 *
	 * @param string $name     Option name of the lock row.
	 * @param float  $wait_for Seconds to keep trying before giving up.
	 */
	public function __construct( string $name, float $wait_for = self::WAIT_FOR ) {
		$this->name     = $name;
		$this->wait_for = (float) $wait_for;
	}

	/**
	 * Runs a callback while holding the lock.
	 *
	 * @param callable $critical_section Called with no arguments; its return value is passed through.
	 * @return mixed|WP_Error The callback's result, or `wpca_busy` (503) when the lock stays taken.
	 */
	public function run( callable $critical_section ) {
		if ( ! $this->acquire() ) {
			return new WP_Error(
				'wpca_busy',
				__( 'Another change to the runtimes is in progress; try again.', 'wp-coding-agents-runtimes' ),
				array( 'status' => 503 )
			);
		}
		try {
			return $critical_section();
		} finally {
			$this->release();
		}
	}

	/**
	 * Takes the lock, waiting up to the configured time.
	 *
	 * @return bool Whether the lock is now held.
	 */
	private function acquire(): bool {
		$give_up_at = microtime( true ) + $this->wait_for;
		do {
			if ( $this->try_acquire() ) {
				return true;
			}
			usleep( self::RETRY_EVERY + wp_rand( 0, self::RETRY_EVERY ) );
		} while ( microtime( true ) < $give_up_at );
		return false;
	}

	/**
	 * One attempt: insert the row, or take over an abandoned one.
	 *
	 * @return bool
	 */
	private function try_acquire(): bool {
		global $wpdb;
		$token = sprintf( '%.6F|%s', microtime( true ), wp_generate_uuid4() );

		$inserted = $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO `$wpdb->options` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'off' ) /* LOCK */",
				$this->name,
				$token
			)
		);
		if ( 1 === (int) $inserted ) {
			$this->token = $token;
			return true;
		}

		$current = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM `$wpdb->options` WHERE option_name = %s", $this->name ) );
		if ( null === $current || ! $this->is_stale( $current ) ) {
			return false;
		}
		// Only one contender can replace this exact old value.
		$taken = $wpdb->query(
			$wpdb->prepare(
				"UPDATE `$wpdb->options` SET option_value = %s WHERE option_name = %s AND option_value = %s",
				$token,
				$this->name,
				$current
			)
		);
		if ( 1 === (int) $taken ) {
			$this->token = $token;
			return true;
		}
		return false;
	}

	/**
	 * Whether a lock value is older than STALE_AFTER (or unreadable, hence not ours to trust).
	 *
	 * @param string $value Stored lock value.
	 * @return bool
	 */
	private function is_stale( string $value ): bool {
		$taken_at = (float) strtok( (string) $value, '|' );
		return $taken_at < microtime( true ) - self::STALE_AFTER;
	}

	/**
	 * Releases the lock if this instance still holds it.
	 */
	private function release(): void {
		global $wpdb;
		if ( null === $this->token ) {
			return;
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$wpdb->options` WHERE option_name = %s AND option_value = %s", $this->name, $this->token ) );
		$this->token = null;
	}
}
