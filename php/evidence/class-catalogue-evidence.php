<?php
/**
 * What this site observed of the variables the catalogue describes.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Evidence;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: sets each catalogue variable's claim (who sets it, per upstream) against the
 * observation history (`bin/runtime-signature verify` runs), so the screen shows what was
 * observed wherever it contradicts the claim. Never claims an observation: `observed` and
 * `contradicted` come only from the history.
 *
 * - `times_seen`: kept observations that found the variable set, whichever process made them.
 * - `checks`: kept observations from processes that said they were this runtime
 *   (`verify --runtime <id>`) and read the variable (it was published then); only these can
 *   show that the runtime does not export it, since verify reads published variables only.
 * - `summary`: the sentence the screen shows for it (null when nothing was observed).
 * - `confidence`: `observed` (seen here, as upstream says), `contradicted` (seen although
 *   upstream never sets it, or never seen in the runtime's own checks although upstream says
 *   it sets it), `not_seen` (checked, never seen, which upstream does not contradict: a
 *   variable only a bridge exports) or `documented` (nothing observed: upstream's word only).
 */
class Catalogue_Evidence {

	/**
	 * Each entry's variables with their evidence.
	 *
	 * @param array<string, array> $entries      Catalogue entries (Runtime_Catalogue::read()).
	 * @param array[]              $observations Observations, newest first (Verification_Log::observations()).
	 * @return array<string, array> The entries, each variable given an `evidence`.
	 */
	public function apply( array $entries, array $observations ) {
		foreach ( $entries as $id => $entry ) {
			foreach ( $entry['variables'] as $index => $variable ) {
				$entries[ $id ]['variables'][ $index ]['evidence'] = $this->evidence( (string) $id, $variable, $observations );
			}
		}
		return $entries;
	}

	/**
	 * One variable against the history.
	 *
	 * @param string  $runtime      Runtime id of the entry.
	 * @param array   $variable     Catalogue variable.
	 * @param array[] $observations Observations, newest first.
	 * @return array{confidence: string, times_seen: int, last_seen_at: string|null, checks: int, seen_in_checks: int, summary: string|null}
	 */
	private function evidence( $runtime, array $variable, array $observations ) {
		$name     = $variable['name'];
		$evidence = array(
			'times_seen'     => 0,
			'last_seen_at'   => null,
			'checks'         => 0,
			'seen_in_checks' => 0,
		);
		foreach ( $observations as $observation ) {
			$found = in_array( $name, $observation['found'], true );
			if ( $found ) {
				if ( 0 === $evidence['times_seen'] ) {
					$evidence['last_seen_at'] = $observation['observed_at'];
				}
				++$evidence['times_seen'];
			}
			if ( $runtime === $observation['runtime'] && in_array( $name, $observation['declared'], true ) ) {
				++$evidence['checks'];
				$evidence['seen_in_checks'] += $found ? 1 : 0;
			}
		}
		$confidence = self::confidence( $variable['set_by'], $evidence );
		return array( 'confidence' => $confidence ) + $evidence + array( 'summary' => self::summary( $runtime, $variable['set_by'], $confidence, $evidence ) );
	}

	/**
	 * What was observed, in one sentence for the screen (its cards and the first paint
	 * alike), or null when nothing was.
	 *
	 * @param string $runtime    Runtime id.
	 * @param string $set_by     Who upstream says sets it.
	 * @param string $confidence See confidence().
	 * @param array  $evidence   Counts.
	 * @return string|null
	 */
	private static function summary( $runtime, $set_by, $confidence, array $evidence ) {
		$seen = null === $evidence['last_seen_at'] ? null : sprintf(
			/* translators: 1: number of observations, 2: date and time. */
			_n( 'Seen here %1$d time, last %2$s.', 'Seen here %1$d times, last %2$s.', $evidence['times_seen'], 'wp-coding-agents-runtimes' ),
			$evidence['times_seen'],
			sprintf(
				/* translators: 1: date, 2: time (the site's formats). */
				__( '%1$s at %2$s', 'wp-coding-agents-runtimes' ),
				wp_date( get_option( 'date_format' ), (int) strtotime( $evidence['last_seen_at'] ) ),
				wp_date( get_option( 'time_format' ), (int) strtotime( $evidence['last_seen_at'] ) )
			)
		);
		$not_seen = sprintf(
			/* translators: 1: number of verify runs, 2: runtime id. */
			_n( 'Not seen in the %1$d verify run of %2$s that read it.', 'Not seen in any of the %1$d verify runs of %2$s that read it.', $evidence['checks'], 'wp-coding-agents-runtimes' ),
			$evidence['checks'],
			$runtime
		);
		if ( 'contradicted' === $confidence ) {
			return 'never' === $set_by && null !== $seen
				/* translators: %s: "Seen here … times, last …." */
				? sprintf( __( '%s Something on this site exports it.', 'wp-coding-agents-runtimes' ), $seen )
				: $not_seen;
		}
		if ( 'observed' === $confidence ) {
			return $seen;
		}
		return 'not_seen' === $confidence ? $not_seen : null;
	}

	/**
	 * How sure the catalogue can be of a variable on this site.
	 *
	 * @param string $set_by   Who upstream says sets it.
	 * @param array  $evidence Counts.
	 * @return string
	 */
	private static function confidence( $set_by, array $evidence ) {
		$never_seen_in_checks = $evidence['checks'] > 0 && 0 === $evidence['seen_in_checks'];
		if ( ( 'never' === $set_by && $evidence['times_seen'] > 0 ) || ( 'runtime' === $set_by && $never_seen_in_checks ) ) {
			return 'contradicted';
		}
		if ( $evidence['times_seen'] > 0 ) {
			return 'observed';
		}
		return $evidence['checks'] > 0 ? 'not_seen' : 'documented';
	}
}
