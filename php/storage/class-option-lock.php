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
 *
 * A lock held longer than its abandonment threshold is taken over, so a holder that was
 * merely slow (a slow database, other code's option hooks) could still be running: every
 * writer calls fence() right before its commit, which compare-and-swaps its own token for a
 * fresh one and refuses to let it commit if the lock was taken meanwhile.
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
	 * Seconds after which a held lock counts as abandoned.
	 *
	 * @var float
	 */
	private float $stale_after;

	/**
	 * Value identifying the lock this instance holds, or null.
	 *
	 * @var string|null
	 */
	private ?string $token = null;

	/**
	 * Constructor.
	 *
	 * @param string $name        Option name of the lock row.
	 * @param float  $wait_for    Seconds to keep trying before giving up.
	 * @param float  $stale_after Seconds after which another holder's lock is taken over.
	 */
	public function __construct( string $name, float $wait_for = self::WAIT_FOR, float $stale_after = self::STALE_AFTER ) {
		$this->name        = $name;
		$this->wait_for    = $wait_for;
		$this->stale_after = $stale_after;
	}

	/**
	 * Called right before a commit: whether this instance still holds the lock. One
	 * compare-and-swap renews it (a fresh timestamp, so nobody may take it over during the
	 * commit that follows) only if its token is still the stored one.
	 *
	 * @return true|WP_Error `wpca_lock_lost` (503) when the lock was taken over (or was never held).
	 */
	public function fence() {
		global $wpdb;
		$renewed = $this->new_token();
		$held    = null !== $this->token && 1 === (int) $wpdb->query(
			$wpdb->prepare(
				"UPDATE `$wpdb->options` SET option_value = %s WHERE option_name = %s AND option_value = %s",
				$renewed,
				$this->name,
				$this->token
			)
		);
		if ( $held ) {
			$this->token = $renewed;
			return true;
		}
		// The row is someone else's now: never delete it on release.
		$this->token = null;
		return new WP_Error(
			'wpca_lock_lost',
			__( 'This change took so long that another request took over its lock; it was not saved. Try again.', 'wp-coding-agents-runtimes' ),
			array( 'status' => 503 )
		);
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
		$token = $this->new_token();

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
	 * A lock value: when it was taken, and who took it.
	 *
	 * @return string
	 */
	private function new_token(): string {
		return sprintf( '%.6F|%s', microtime( true ), wp_generate_uuid4() );
	}

	/**
	 * Whether a lock value is older than the abandonment threshold (or unreadable, hence not ours to trust).
	 *
	 * @param string $value Stored lock value.
	 * @return bool
	 */
	private function is_stale( string $value ): bool {
		$taken_at = (float) strtok( (string) $value, '|' );
		return $taken_at < microtime( true ) - $this->stale_after;
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
