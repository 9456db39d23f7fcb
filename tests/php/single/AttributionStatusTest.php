<?php
/**
 * One answer per runtime, judged from the evidence the plugin really keeps: the registry,
 * the filter, the observation history, DMC's presence and DMC's records, read through
 * GET /attribution/status as the screen, Site Health and the ability read it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;

/**
 * GET /attribution/status.
 */
class AttributionStatusTest extends Test_Case {

	/**
	 * Filter callbacks a test added, removed afterwards.
	 *
	 * @var array<int, array{0: callable, 1: int}>
	 */
	private $filters = array();

	protected function setUp(): void {
		parent::setUp();
		DMC_Fixture::install( '0.60.0' );
		delete_option( DMC_Worktree_Records::OPTION );
	}

	protected function tearDown(): void {
		foreach ( $this->filters as list( $callback, $priority ) ) {
			remove_filter( Filter_Publisher::HOOK, $callback, $priority );
		}
		delete_option( DMC_Worktree_Records::OPTION );
		DMC_Fixture::remove();
		parent::tearDown();
	}

	/**
	 * The verdicts by runtime id.
	 *
	 * @return array<string, array>
	 */
	private function status() {
		list( $status, $data ) = $this->call( 'GET', '/attribution/status' );
		$this->assertSame( 200, $status, wp_json_encode( $data ) );
		return array_column( $data['runtimes'], null, 'id' );
	}

	/**
	 * A link of a verdict's chain.
	 *
	 * @param array  $verdict A runtime's verdict.
	 * @param string $step    declared, published, seen or recorded.
	 * @return array
	 */
	private static function link( array $verdict, $step ) {
		return array_column( $verdict['chain'], null, 'step' )[ $step ];
	}

	/**
	 * Stores observations as `bin/runtime-signature verify` leaves them, dated in the past.
	 *
	 * @param array[] $observations `{ days_ago, found, runtime? }`, any order.
	 */
	private function observed( array $observations ) {
		$history = array();
		foreach ( $observations as $observation ) {
			$history[] = array(
				'observed_at'      => gmdate( 'c', time() - (int) ( $observation['days_ago'] * DAY_IN_SECONDS ) ),
				'recorded_by'      => 'admin',
				'source'           => 'installer',
				'host'             => 'bridge-host',
				'runtime'          => isset( $observation['runtime'] ) ? $observation['runtime'] : null,
				'declared'         => $observation['found'],
				'found'            => $observation['found'],
				'missing'          => array(),
				'hashes'           => array(),
				'primary_runtime'  => null,
				'primary_variable' => null,
			);
		}
		usort(
			$history,
			static function ( $a, $b ) {
				return strcmp( $a['observed_at'], $b['observed_at'] );
			}
		);
		update_option( Verification_Log::OPTION, $history, false );
	}

	/**
	 * DMC's worktree records, as DMC writes them.
	 *
	 * @param array<string, array> $rows Handle => `{ days_ago, ids }`.
	 */
	private function recorded( array $rows ) {
		$stored = array();
		foreach ( $rows as $handle => $row ) {
			$stored[ $handle ] = array(
				'repo'           => 'site',
				'branch'         => $handle,
				'created_at'     => gmdate( 'Y-m-d H:i:s', time() - (int) ( $row['days_ago'] * DAY_IN_SECONDS ) ),
				'origin_session' => array( 'ids' => $row['ids'] ),
			);
		}
		update_option( DMC_Worktree_Records::OPTION, $stored, false );
	}

	/**
	 * Adds a filter callback for this test.
	 *
	 * @param callable $callback Callback.
	 * @param int      $priority Priority.
	 */
	private function add_filter( callable $callback, $priority ) {
		add_filter( Filter_Publisher::HOOK, $callback, $priority );
		$this->filters[] = array( $callback, $priority );
	}

	public function test_presets_never_registered_are_not_published_and_say_how_to_publish() {
		$status = $this->status();
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $status ) );
		foreach ( $status as $verdict ) {
			$this->assertSame( 'not_published', $verdict['verdict'] );
			$this->assertSame( 'preset', $verdict['cause'] );
			$this->assertSame( 'info', $verdict['severity'] );
			$this->assertSame( 'publish', $verdict['action']['kind'] );
			$this->assertSame( 'runtimes', $verdict['action']['view'] );
			$this->assertSame( array( 'done', 'failed', 'skipped', 'skipped' ), array_column( $verdict['chain'], 'state' ) );
		}
		$this->assertStringEndsWith( 'tools.php?page=wpca-runtimes&runtime=kimaki', $status['kimaki']['url'] );
	}

	public function test_a_runtime_published_a_minute_ago_is_waiting_for_the_first_agent_process() {
		$this->register_presets();
		$this->observed( array( array( 'days_ago' => 3, 'found' => array( 'OTHER_VAR' ) ) ) );
		$kimaki = $this->status()['kimaki'];
		$this->assertSame( 'waiting', $kimaki['verdict'] );
		$this->assertSame( 'just_published', $kimaki['cause'] );
		$this->assertSame( 'info', $kimaki['severity'] );
		$this->assertSame( 'Waiting for the first agent process', $kimaki['headline'] );
		$this->assertSame( 'verify', $kimaki['action']['kind'] );
		$this->assertStringContainsString( '--runtime kimaki', $kimaki['action']['label'] );
		$this->assertSame( 1, $kimaki['position'] );
		$this->assertSame( 'waiting', self::link( $kimaki, 'seen' )['state'] );
		$this->assertStringContainsString( 'DMC reads it in position 1 of 2.', self::link( $kimaki, 'published' )['text'] );
	}

	public function test_variables_no_process_exported_since_before_the_window_are_named() {
		$this->register_presets();
		$this->published_days_ago( 'opencode', 30 );
		$this->published_days_ago( 'kimaki', 30 );
		$this->observed(
			array(
				array(
					'days_ago' => 20,
					'found'    => array( 'KIMAKI_SESSION_ID' ),
				),
				array(
					'days_ago' => 1,
					'found'    => array( 'SOMETHING_ELSE' ),
				),
			)
		);
		$status   = $this->status();
		$opencode = $status['opencode'];
		$this->assertSame( 'not_observed', $opencode['verdict'] );
		$this->assertSame( 'never', $opencode['cause'] );
		$this->assertSame( 'warning', $opencode['severity'] );
		$this->assertSame( 'Variables never observed', $opencode['headline'] );
		$this->assertStringContainsString( 'None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was ever seen', $opencode['reason'] );
		$this->assertSame( 'edit', $opencode['action']['kind'] );
		$this->assertSame( array( 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ), array_column( $opencode['variables'], 'name' ) );

		$kimaki = $status['kimaki'];
		$this->assertSame( 'not_observed', $kimaki['verdict'] );
		$this->assertSame( 'not_in_window', $kimaki['cause'] );
		$this->assertStringContainsString( 'in the last 14 days (last ', $kimaki['reason'] );
	}

	public function test_a_process_that_says_it_is_the_runtime_but_lacks_its_variables_fails_it_at_once() {
		$this->register_presets();
		$this->observed(
			array(
				array(
					'days_ago' => 0,
					'found'    => array(),
					'runtime'  => 'opencode',
				),
			)
		);
		$opencode = $this->status()['opencode'];
		$this->assertSame( 'not_observed', $opencode['verdict'] );
		$this->assertSame( 'process_lacked', $opencode['cause'] );
		$this->assertStringContainsString( 'without any of OPENCODE_SESSION_ID, OPENCODE_RUN_ID', $opencode['reason'] );
	}

	public function test_seen_in_an_agent_process_but_no_worktree_yet() {
		$this->register_presets();
		$this->assertSame( 200, $this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ), array( 'host' => 'bridge-host' ) ) );
		$kimaki = $this->status()['kimaki'];
		$this->assertSame( 'not_recorded', $kimaki['verdict'] );
		$this->assertSame( 'no_worktree_since', $kimaki['cause'] );
		$this->assertSame( 'info', $kimaki['severity'] );
		$this->assertSame( 'done', self::link( $kimaki, 'seen' )['state'] );
		$this->assertStringContainsString( 'KIMAKI_SESSION_ID seen in an agent process', self::link( $kimaki, 'seen' )['text'] );
		$this->assertStringContainsString( 'on bridge-host', self::link( $kimaki, 'seen' )['text'] );
		$this->assertSame( 'waiting', self::link( $kimaki, 'recorded' )['state'] );
	}

	public function test_recorded_by_dmc_within_the_window_is_working_with_the_last_worktree() {
		$this->register_presets();
		$this->recorded(
			array(
				'site@older' => array(
					'days_ago' => 2,
					'ids'      => array( 'kimaki' => array( 'session_id' => 'k-1' ) ),
				),
				'site@newer' => array(
					'days_ago' => 0.5,
					'ids'      => array( 'kimaki' => array( 'session_id' => 'k-2' ) ),
				),
			)
		);
		$kimaki = $this->status()['kimaki'];
		$this->assertSame( 'working', $kimaki['verdict'] );
		$this->assertSame( 'good', $kimaki['severity'] );
		$this->assertNull( $kimaki['action'] );
		$this->assertStringContainsString( 'DMC recorded its session in 2 worktrees, the last site@newer', $kimaki['reason'] );
		$this->assertSame( array( 'done', 'done', 'done', 'done' ), array_column( $kimaki['chain'], 'state' ) );
	}

	public function test_records_older_than_the_window_are_not_working() {
		$this->register_presets();
		$this->recorded(
			array(
				'site@old' => array(
					'days_ago' => 20,
					'ids'      => array( 'kimaki' => array( 'session_id' => 'k-1' ) ),
				),
			)
		);
		$this->assertNotSame( 'working', $this->status()['kimaki']['verdict'] );
	}

	public function test_worktrees_recorded_without_its_values_say_the_creating_process_lacked_them() {
		$this->register_presets();
		$this->assertSame( 200, $this->observe( array( 'OPENCODE_RUN_ID' => 'r-1' ) ) );
		$this->recorded(
			array(
				'site@today' => array(
					'days_ago' => 0,
					'ids'      => array( 'kimaki' => array( 'session_id' => '' ) ),
				),
			)
		);
		$opencode = $this->status()['opencode'];
		$this->assertSame( 'not_recorded', $opencode['verdict'] );
		$this->assertSame( 'unattributed', $opencode['cause'] );
		$this->assertSame( 'warning', $opencode['severity'] );
		$this->assertStringContainsString( 'DMC recorded 1 worktree since', $opencode['reason'] );
		$this->assertSame( 'check_creator', $opencode['action']['kind'] );
	}

	public function test_without_dmc_what_is_seen_is_recorded_by_nothing() {
		DMC_Fixture::remove();
		$this->register_presets();
		$this->assertSame( 200, $this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ) ) );
		$kimaki = $this->status()['kimaki'];
		$this->assertSame( 'not_recorded', $kimaki['verdict'] );
		$this->assertSame( 'dmc_absent', $kimaki['cause'] );
		$this->assertSame( 'dmc_plugin', $kimaki['action']['kind'] );
		$this->assertNull( $kimaki['action']['view'] );
		$this->assertSame( 'Install Data Machine Code', $kimaki['action']['label'] );
	}

	public function test_other_code_replacing_a_published_runtime_overrides_it_and_is_named() {
		$this->register_presets();
		$this->add_filter(
			static function ( $signatures ) {
				$signatures['kimaki'] = array( 'session_id' => 'THEIR_KIMAKI_ID' );
				return $signatures;
			},
			20
		);
		$kimaki = $this->status()['kimaki'];
		$this->assertSame( 'overridden', $kimaki['verdict'] );
		$this->assertSame( 'warning', $kimaki['severity'] );
		$this->assertStringContainsString( 'AttributionStatusTest.php:', $kimaki['reason'] );
		$this->assertSame( 'resolve_override', $kimaki['action']['kind'] );
		$this->assertSame( 'dmc', $kimaki['action']['view'] );
	}

	public function test_entries_other_code_adds_get_a_verdict_of_their_own() {
		$this->add_filter(
			static function ( $signatures ) {
				$signatures['legacy-agent'] = array( 'session_id' => 'LEGACY_SESSION_ID' );
				$signatures['123']          = array( 'session_id' => 'NUMERIC_ID' );
				return $signatures;
			},
			10
		);
		$status = $this->status();
		$legacy = $status['legacy-agent'];
		$this->assertSame( 'other_code', $legacy['owner'] );
		$this->assertSame( 'waiting', $legacy['verdict'] );
		$this->assertSame( 'no_reports', $legacy['cause'] );
		$this->assertStringContainsString( 'Declared by other code: ', self::link( $legacy, 'declared' )['text'] );
		$this->assertStringContainsString( 'AttributionStatusTest.php:', self::link( $legacy, 'declared' )['text'] );

		// PHP makes "123" an integer key: DMC skips the entry.
		$numeric = $status['123'];
		$this->assertSame( 'not_published', $numeric['verdict'] );
		$this->assertSame( 'ignored_by_dmc', $numeric['cause'] );
		$this->assertSame( 'warning', $numeric['severity'] );
	}

	public function test_only_those_who_may_manage_runtimes_may_ask() {
		wp_set_current_user( (int) WPCA_TEST_SITE['users']['editor']['id'] );
		list( $status ) = $this->call( 'GET', '/attribution/status' );
		$this->assertSame( 403, $status );
	}
}
