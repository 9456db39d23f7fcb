<?php
/**
 * The observation history: what agent processes really exported.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Evidence;

use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Secret_Names;
use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the last MAX_OBSERVATIONS observations (`bin/runtime-signature verify` runs) in the
 * non-autoloaded option `wpca_observations`, oldest first: which declared variables a process
 * had and missed, a keyed hash of each present value (so repeated sessions can be told apart
 * without storing any value), the runtime that would win, host, time and the runtime the
 * process says it is. Appends run under a lock, so concurrent agents never lose each other's
 * observation. The newest observation is the "last verification".
 */
class Verification_Log {

	public const OPTION = 'wpca_observations';

	public const LOCK_OPTION = 'wpca_observations_lock';

	public const WINDOW_OPTION = 'wpca_observation_window_days';

	/** Before the history there was one report holding the primary id's value; it is dropped. */
	public const LEGACY_OPTION = 'wpca_last_verification';

	public const MAX_OBSERVATIONS = 50;

	/**
	 * Byte budget of the stored history (its serialized length): oldest observations are
	 * evicted to stay under it. 512 KiB (plus escaping, a backslash per quote, about 2 %)
	 * stays under the smallest max_allowed_packet a supported database ships with (1 MiB;
	 * MariaDB 10.2.4+ and MySQL 8 default to 16 MiB and 64 MiB), so the UPDATE can never be
	 * refused for its size; one observation of the largest registry the rules allow (1024
	 * declared variables) is about 450 KiB, so it always fits.
	 */
	public const MAX_BYTES = 524288;

	/** Hex digits kept of each HMAC: 48 bits, enough to tell sessions apart, too few to be worth reversing. */
	public const HASH_LENGTH = 12;

	/**
	 * Lock guarding appends.
	 *
	 * @var Option_Lock
	 */
	private Option_Lock $lock;

	/**
	 * Constructor.
	 *
	 * @param Option_Lock|null $lock Lock guarding appends (default: its own option row).
	 */
	public function __construct( ?Option_Lock $lock = null ) {
		$this->lock = $lock instanceof Option_Lock ? $lock : new Option_Lock( self::LOCK_OPTION );
	}

	/**
	 * Appends an observation made from a preview's result, keeping the last MAX_OBSERVATIONS.
	 *
	 * @param array       $preview          Attribution_Resolver::preview() output.
	 * @param array       $env              The environment the preview was computed from (values are hashed, never kept).
	 * @param string|null $primary_runtime  The runtime whose value became the primary id.
	 * @param string|null $primary_variable The variable that held it.
	 * @param array       $context          `host` and `runtime` (the process's own claim), each string|null.
	 * @return array|WP_Error The stored observation, or `wpca_busy`, `wpca_observation_too_large`
	 *                        (one observation alone over MAX_BYTES) or `wpca_not_stored` (the
	 *                        database did not keep the write) or `wpca_lock_lost` (the lock was
	 *                        taken over before the commit).
	 */
	public function record( array $preview, array $env, ?string $primary_runtime, ?string $primary_variable, array $context = array() ) {
		$actor  = Signature_Store::current_actor();
		$hashes = array();
		foreach ( $preview['found'] as $name ) {
			// Not even a hash of a credential is kept.
			if ( ! Secret_Names::is_secret_like( $name ) ) {
				$hashes[ $name ] = self::value_hash( trim( (string) $env[ $name ] ) );
			}
		}
		$observation = array(
			'observed_at'      => gmdate( 'c' ),
			'recorded_by'      => $actor['user'],
			'source'           => $actor['source'],
			'host'             => isset( $context['host'] ) ? $context['host'] : null,
			'runtime'          => isset( $context['runtime'] ) ? $context['runtime'] : null,
			'declared'         => $preview['declared'],
			'found'            => $preview['found'],
			'missing'          => $preview['missing'],
			'hashes'           => $hashes,
			'primary_runtime'  => $primary_runtime,
			'primary_variable' => $primary_variable,
		);
		$stored      = $this->lock->run(
			function () use ( $observation ) {
				wp_cache_delete( self::OPTION, 'options' );
				wp_cache_delete( 'notoptions', 'options' );
				$history   = $this->read_history();
				$history[] = $observation;
				$history   = self::within_budget( array_slice( $history, -self::MAX_OBSERVATIONS ) );
				if ( array() === $history ) {
					return new WP_Error(
						'wpca_observation_too_large',
						/* translators: %d: size in KiB. */
						sprintf( __( 'This observation alone is larger than the history\'s budget of %d KiB (too many declared variables); it was not recorded.', 'wp-coding-agents-runtimes' ), self::MAX_BYTES / 1024 ),
						array( 'status' => 507 )
					);
				}
				$fenced = $this->lock->fence();
				if ( is_wp_error( $fenced ) ) {
					return $fenced;
				}
				update_option( self::OPTION, $history, false );
				if ( ! self::database_holds( $history ) ) {
					return new WP_Error(
						'wpca_not_stored',
						__( 'The database did not keep the observation (another plugin refused the write, or the database failed); nothing was recorded.', 'wp-coding-agents-runtimes' ),
						array( 'status' => 503 )
					);
				}
				return $observation;
			}
		);
		if ( ! is_wp_error( $stored ) ) {
			delete_option( self::LEGACY_OPTION );
		}
		return $stored;
	}

	/**
	 * The newest observations whose serialized history fits MAX_BYTES (oldest evicted first).
	 *
	 * @param array[] $history Observations, oldest first.
	 * @return array[] Possibly empty when the newest alone does not fit.
	 */
	private static function within_budget( array $history ): array {
		$bytes = strlen( maybe_serialize( $history ) );
		while ( array() !== $history && $bytes > self::MAX_BYTES ) {
			array_shift( $history );
			$bytes = strlen( maybe_serialize( $history ) );
		}
		return $history;
	}

	/**
	 * Whether the options row now holds exactly this history, read from the database
	 * (not the cache): update_option() answers false both for a refused write and for an
	 * unchanged value, and a filter can swallow a write while answering success.
	 *
	 * @param array[] $history The history just written.
	 * @return bool
	 */
	private static function database_holds( array $history ): bool {
		global $wpdb;
		$row = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM `$wpdb->options` WHERE option_name = %s", self::OPTION ) );
		wp_cache_delete( self::OPTION, 'options' );
		return maybe_serialize( $history ) === $row;
	}

	/**
	 * The short keyed hash of a value: HMAC-SHA256 keyed with a site secret, so the same
	 * session gives the same hash on this site, and nobody without the secret can test
	 * guesses against a stored hash.
	 *
	 * @param string $value Trimmed value.
	 * @return string
	 */
	public static function value_hash( string $value ): string {
		return substr( hash_hmac( 'sha256', 'wpca-observation|' . $value, wp_salt( 'auth' ) ), 0, self::HASH_LENGTH );
	}

	/**
	 * The kept observations, newest first.
	 *
	 * @return array[]
	 */
	public function observations(): array {
		return array_reverse( $this->read_history() );
	}

	/**
	 * The newest observation as the last verification report, or null.
	 *
	 * @return array|null
	 */
	public function last(): ?array {
		$history = $this->read_history();
		if ( array() === $history ) {
			return null;
		}
		$newest = end( $history );
		$report = array( 'recorded_at' => $newest['observed_at'] ) + $newest;
		unset( $report['observed_at'] );
		$report['primary_hash'] = null !== $newest['primary_variable'] && isset( $newest['hashes'][ $newest['primary_variable'] ] )
			? $newest['hashes'][ $newest['primary_variable'] ]
			: null;
		return $report;
	}

	/**
	 * The observation window in days (a setting; the default when unset or unreadable).
	 *
	 * @return int
	 */
	public function window_days(): int {
		// The database hands back a stored integer as a string.
		$days = filter_var(
			get_option( self::WINDOW_OPTION, null ),
			FILTER_VALIDATE_INT,
			array(
				'options' => array(
					'min_range' => Schema::WINDOW_DAYS_MIN,
					'max_range' => Schema::WINDOW_DAYS_MAX,
				),
			)
		);
		return false === $days ? Schema::WINDOW_DAYS_DEFAULT : $days;
	}

	/**
	 * Stores a validated observation window.
	 *
	 * @param int $days Days, validated by the route's schema (REST\Observation_Settings_Controller).
	 */
	public function set_window_days( int $days ): void {
		update_option( self::WINDOW_OPTION, (int) $days, false );
	}

	/**
	 * The stored history, oldest first, read defensively: entries this plugin cannot read are skipped.
	 *
	 * @return array[]
	 */
	private function read_history(): array {
		$stored = get_option( self::OPTION, array() );
		if ( ! is_array( $stored ) ) {
			return array();
		}
		$history = array();
		foreach ( $stored as $entry ) {
			if ( is_array( $entry ) && isset( $entry['observed_at'] ) && is_string( $entry['observed_at'] ) ) {
				$history[] = self::normalised( $entry );
			}
		}
		return $history;
	}

	/**
	 * One stored observation in the documented shape.
	 *
	 * @param array $entry Stored observation.
	 * @return array
	 */
	private static function normalised( array $entry ): array {
		$hashes = array();
		if ( isset( $entry['hashes'] ) && is_array( $entry['hashes'] ) ) {
			foreach ( $entry['hashes'] as $name => $hash ) {
				if ( is_string( $name ) && is_string( $hash ) ) {
					$hashes[ $name ] = $hash;
				}
			}
		}
		return array(
			'observed_at'      => $entry['observed_at'],
			'recorded_by'      => self::string_or_null( $entry, 'recorded_by' ),
			'source'           => isset( $entry['source'] ) && in_array( $entry['source'], Schema::VERIFICATION_SOURCES, true ) ? $entry['source'] : 'admin',
			'host'             => self::string_or_null( $entry, 'host' ),
			'runtime'          => self::string_or_null( $entry, 'runtime' ),
			'declared'         => self::names( $entry, 'declared' ),
			'found'            => self::names( $entry, 'found' ),
			'missing'          => self::names( $entry, 'missing' ),
			'hashes'           => $hashes,
			'primary_runtime'  => self::string_or_null( $entry, 'primary_runtime' ),
			'primary_variable' => self::string_or_null( $entry, 'primary_variable' ),
		);
	}

	/**
	 * A stored string, or null.
	 *
	 * @param array  $stored Stored observation.
	 * @param string $key    Key.
	 * @return string|null
	 */
	private static function string_or_null( array $stored, string $key ): ?string {
		return isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ? $stored[ $key ] : null;
	}

	/**
	 * A stored list of variable names (strings only).
	 *
	 * @param array  $stored Stored observation.
	 * @param string $key    Key.
	 * @return string[]
	 */
	private static function names( array $stored, string $key ): array {
		if ( ! isset( $stored[ $key ] ) || ! is_array( $stored[ $key ] ) ) {
			return array();
		}
		return array_values( array_filter( $stored[ $key ], 'is_string' ) );
	}
}
