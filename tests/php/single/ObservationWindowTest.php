<?php
/**
 * The window rule of the observation summary: which published runtimes are flagged.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Evidence\Observation_Summary;

/**
 * Observation_Summary::summarize() against hand-made histories, at exact window edges.
 */
class ObservationWindowTest extends Test_Case {

	public const NOW = 1795000000;

	public const SIGNATURES = array(
		'kimaki'   => array(
			'session_id' => 'KIMAKI_SESSION_ID',
			'thread_id'  => 'KIMAKI_THREAD_ID',
		),
		'opencode' => array(
			'session_id' => 'OPENCODE_SESSION_ID',
			'run_id'     => 'OPENCODE_RUN_ID',
		),
	);

	/**
	 * An observation seen `$age` seconds before NOW.
	 *
	 * @param int      $age    Seconds before NOW.
	 * @param string[] $found  Variables found.
	 * @param string   $host   Host.
	 * @param string[] $hashes Hash per found variable.
	 * @return array
	 */
	private static function observation( $age, array $found, $host = 'agent-1', array $hashes = array() ) {
		return array(
			'observed_at' => gmdate( 'c', self::NOW - $age ),
			'host'        => $host,
			'found'       => $found,
			'hashes'      => $hashes,
		);
	}

	/**
	 * Flag per runtime id.
	 *
	 * @param array[] $observations Newest first.
	 * @param int     $days         Window.
	 * @return array<string, bool>
	 */
	private static function flags( array $observations, $days = 14 ) {
		$summary = ( new Observation_Summary() )->summarize( self::SIGNATURES, $observations, $days, self::NOW );
		return array_column( $summary['runtimes'], 'flagged', 'id' );
	}

	public function test_no_observation_at_all_flags_nothing() {
		$this->assertSame(
			array(
				'kimaki'   => false,
				'opencode' => false,
			),
			self::flags( array() )
		);
	}

	public function test_a_runtime_never_observed_is_flagged_once_anything_is_observed() {
		$this->assertSame(
			array(
				'kimaki'   => true,
				'opencode' => false,
			),
			self::flags( array( self::observation( 60, array( 'OPENCODE_RUN_ID' ) ) ) )
		);
	}

	public function test_the_window_start_itself_is_within_and_one_second_before_is_not() {
		$edge = 14 * DAY_IN_SECONDS;

		$this->assertFalse( self::flags( array( self::observation( $edge, array( 'KIMAKI_THREAD_ID', 'OPENCODE_RUN_ID' ) ) ) )['kimaki'] );
		$this->assertTrue( self::flags( array( self::observation( $edge + 1, array( 'KIMAKI_THREAD_ID', 'OPENCODE_RUN_ID' ) ) ) )['kimaki'] );
	}

	public function test_the_window_length_is_the_setting() {
		$observations = array( self::observation( 2 * DAY_IN_SECONDS, array( 'KIMAKI_SESSION_ID', 'OPENCODE_RUN_ID' ) ) );

		$this->assertFalse( self::flags( $observations, 2 )['kimaki'] );
		$this->assertTrue( self::flags( $observations, 1 )['kimaki'] );
	}

	public function test_a_clock_ahead_of_ours_counts_as_within() {
		$this->assertFalse( self::flags( array( self::observation( -3600, array( 'KIMAKI_SESSION_ID' ) ) ) )['kimaki'] );
	}

	public function test_any_one_variable_within_the_window_keeps_the_runtime_unflagged() {
		$observations = array(
			self::observation( 60, array( 'KIMAKI_THREAD_ID' ) ),
			self::observation( 30 * DAY_IN_SECONDS, array( 'KIMAKI_SESSION_ID', 'OPENCODE_SESSION_ID' ) ),
		);

		$this->assertSame(
			array(
				'kimaki'   => false,
				'opencode' => true,
			),
			self::flags( $observations )
		);
	}

	public function test_per_variable_last_seen_host_times_and_distinct_values() {
		$observations = array(
			self::observation( 60, array( 'KIMAKI_SESSION_ID' ), 'newest-host', array( 'KIMAKI_SESSION_ID' => 'aaaaaaaaaaaa' ) ),
			self::observation( 120, array( 'KIMAKI_SESSION_ID' ), 'older-host', array( 'KIMAKI_SESSION_ID' => 'bbbbbbbbbbbb' ) ),
			self::observation( 180, array( 'KIMAKI_SESSION_ID' ), 'older-host', array( 'KIMAKI_SESSION_ID' => 'aaaaaaaaaaaa' ) ),
		);

		$summary = ( new Observation_Summary() )->summarize( self::SIGNATURES, $observations, 14, self::NOW );

		$this->assertSame( array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ), array_column( $summary['variables'], 'name' ) );
		$this->assertSame(
			array(
				'runtime'         => 'kimaki',
				'subkey'          => 'session_id',
				'name'            => 'KIMAKI_SESSION_ID',
				'last_seen_at'    => gmdate( 'c', self::NOW - 60 ),
				'last_seen_host'  => 'newest-host',
				'times_seen'      => 3,
				'distinct_values' => 2,
			),
			$summary['variables'][0]
		);
		$this->assertNull( $summary['variables'][1]['last_seen_at'] );
		$this->assertSame( 0, $summary['variables'][1]['times_seen'] );
		$this->assertSame( gmdate( 'c', self::NOW - 60 ), $summary['runtimes'][0]['last_seen_at'] );
		$this->assertSame( 14, $summary['window_days'] );
	}
}
