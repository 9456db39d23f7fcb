<?php
/**
 * Per declared variable, where and when an agent process last exported it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Evidence;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: reads the signatures DMC sees against the observation history. A runtime is
 * flagged when the site has observations (verify is in use) but none within the window
 * saw any of the runtime's variables: its signature most likely names variables nothing
 * exports (a "dead env-var contract").
 */
class Observation_Summary {

	/**
	 * The summary.
	 *
	 * @param array<string, array<string, string>> $signatures   Cleaned effective signatures, in filter order.
	 * @param array[]                              $observations Observations, newest first (Verification_Log::observations()).
	 * @param int                                  $window_days  Window in days.
	 * @param int                                  $now          Unix time to measure the window from.
	 * @return array{window_days: int, variables: array[], runtimes: array[]}
	 */
	public function summarize( array $signatures, array $observations, int $window_days, int $now ): array {
		$window_start = $now - $window_days * DAY_IN_SECONDS;
		$variables    = array();
		$runtimes     = array();
		foreach ( $signatures as $id => $fields ) {
			$runtime_seen = null;
			foreach ( $fields as $subkey => $name ) {
				$variable    = $this->variable( (string) $id, (string) $subkey, $name, $observations );
				$variables[] = $variable;
				if ( null !== $variable['last_seen_at'] && ( null === $runtime_seen || $variable['last_seen_at'] > $runtime_seen ) ) {
					$runtime_seen = $variable['last_seen_at'];
				}
			}
			$runtimes[] = array(
				'id'           => (string) $id,
				'last_seen_at' => $runtime_seen,
				'flagged'      => array() !== $observations && ! $this->is_within( $runtime_seen, $window_start ),
			);
		}
		return array(
			'window_days' => (int) $window_days,
			'variables'   => $variables,
			'runtimes'    => $runtimes,
		);
	}

	/**
	 * One declared variable against the history.
	 *
	 * @param string  $runtime      Runtime id.
	 * @param string  $subkey       Subkey.
	 * @param string  $name         Variable name.
	 * @param array[] $observations Observations, newest first.
	 * @return array
	 */
	private function variable( string $runtime, string $subkey, string $name, array $observations ): array {
		$variable = array(
			'runtime'         => $runtime,
			'subkey'          => $subkey,
			'name'            => $name,
			'last_seen_at'    => null,
			'last_seen_host'  => null,
			'times_seen'      => 0,
			'distinct_values' => 0,
		);
		$hashes   = array();
		foreach ( $observations as $observation ) {
			if ( ! in_array( $name, $observation['found'], true ) ) {
				continue;
			}
			if ( 0 === $variable['times_seen'] ) {
				$variable['last_seen_at']   = $observation['observed_at'];
				$variable['last_seen_host'] = $observation['host'];
			}
			++$variable['times_seen'];
			if ( isset( $observation['hashes'][ $name ] ) ) {
				$hashes[ $observation['hashes'][ $name ] ] = true;
			}
		}
		$variable['distinct_values'] = count( $hashes );
		return $variable;
	}

	/**
	 * Whether a moment is within the window (its start included; a clock ahead counts as within).
	 *
	 * @param string|null $moment       ISO 8601 time, or null for never.
	 * @param int         $window_start Unix time the window starts.
	 * @return bool
	 */
	private function is_within( ?string $moment, int $window_start ): bool {
		if ( null === $moment ) {
			return false;
		}
		$time = strtotime( $moment );
		return false !== $time && $time >= $window_start;
	}
}
