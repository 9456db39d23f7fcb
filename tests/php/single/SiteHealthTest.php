<?php
/**
 * The Site Health test, taken from WordPress's own list of tests and run as Site Health runs it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Admin\Site_Health;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Site_Health;

/**
 * Tools → Site Health: "Data Machine Code can attribute worktrees to coding-agent sessions".
 */
class SiteHealthTest extends Test_Case {

	/**
	 * Another plugin's callback that replaces kimaki's signature after ours.
	 *
	 * @var callable|null
	 */
	private $override;

	/**
	 * The other findings assume DMC is there; the DMC tests remove or change it.
	 */
	protected function setUp(): void {
		parent::setUp();
		DMC_Fixture::install( '0.60.0' );
	}

	protected function tearDown(): void {
		DMC_Fixture::remove();
		if ( $this->override ) {
			remove_filter( Filter_Publisher::HOOK, $this->override, 20 );
		}
		parent::tearDown();
	}

	/**
	 * Runs the plugin's test the way Site Health does: found in `WP_Site_Health::get_tests()`.
	 *
	 * @return array
	 */
	private function run_test() {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$tests = WP_Site_Health::get_tests();
		$this->assertArrayHasKey( Site_Health::TEST, $tests['direct'] );
		$result = call_user_func( $tests['direct'][ Site_Health::TEST ]['test'] );
		$this->assertSame( Site_Health::TEST, $result['test'] );
		$this->assertSame( array( 'label', 'color' ), array_keys( $result['badge'] ) );
		return $result;
	}

	public function test_nothing_published_is_a_recommended_improvement() {
		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'No coding-agent runtime is published', $result['label'] );
		$this->assertStringContainsString( 'records no agent session', $result['description'] );
		$this->assertStringContainsString( 'tools.php?page=wpca-runtimes', $result['actions'] );
	}

	public function test_published_runtimes_pass_and_are_listed_in_precedence_order() {
		$this->register_presets();

		$result = $this->run_test();

		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'kimaki, opencode', $result['description'] );
		$this->assertStringContainsString( 'Data Machine Code 0.60.0 is active and reads them.', $result['description'] );
		$this->assertStringNotContainsString( 'workspace locks', $result['description'] );
	}

	public function test_a_dmc_whose_locks_read_no_signatures_passes_and_says_so() {
		$this->register_presets();
		DMC_Fixture::install( '0.47.7' );

		$result = $this->run_test();

		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'Its workspace locks record no session ids: they read the signatures only in releases after 0.47.7.', $result['description'] );
	}

	/**
	 * @dataProvider missing_dmc
	 */
	public function test_never_good_without_a_dmc_that_reads_signatures( $version, $active, $label, $detail ) {
		$this->register_presets();
		DMC_Fixture::remove();
		if ( null !== $version ) {
			DMC_Fixture::install( $version, $active );
		}

		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( $label, $result['label'] );
		$this->assertStringContainsString( $detail, $result['description'] );
		$this->assertStringContainsString( 'nothing consumes them yet, so no worktree records which agent session created it', $result['description'] );
	}

	public function missing_dmc() {
		return array(
			'absent'   => array( null, false, 'Data Machine Code is not installed', 'Data Machine Code (data-machine-code/data-machine-code.php) was not found.' ),
			'inactive' => array( '0.60.0', false, 'Data Machine Code is not active', 'Data Machine Code 0.60.0 is installed but not active on this site.' ),
			'too old'  => array( '0.44.2', true, 'Data Machine Code is too old to read runtime signatures', 'Data Machine Code 0.44.2 is active, but only 0.45 and later read runtime signatures.' ),
		);
	}

	public function test_stored_entries_that_cannot_be_published_are_reported() {
		update_option(
			Signature_Store::OPTION,
			array(
				'kimaki' => Presets::get( 'kimaki' )['fields'],
				'a_b'    => array( 'session_id' => 'UNDERSCORE_ID' ),
			),
			false
		);

		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Some stored runtime signatures cannot be published', $result['label'] );
		$this->assertStringContainsString( '1 stored runtime signature entry is not valid', $result['description'] );
	}

	public function test_a_signature_overridden_by_other_code_is_reported() {
		$this->register_presets();
		$this->override = static function ( $signatures ) {
			$signatures['kimaki'] = array( 'session_id' => 'SOMETHING_ELSE' );
			return $signatures;
		};
		add_filter( Filter_Publisher::HOOK, $this->override, 20 );

		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Other code overrides a coding-agent runtime signature', $result['label'] );
		$description = wp_specialchars_decode( $result['description'], ENT_QUOTES );
		$this->assertStringContainsString( 'Runtime "kimaki": Other code (', $description );
		$this->assertStringContainsString( 'SiteHealthTest.php:', $description );
		// The finding links to the runtime on the screen.
		$this->assertStringContainsString( 'tools.php?page=wpca-runtimes&runtime=kimaki">Show kimaki on the Agent Runtimes screen</a>', $description );
	}

	public function test_an_agent_process_that_exposed_no_session_id_is_reported() {
		$this->store()->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		// Set, but not a URL: DMC drops it, so nothing is captured although kimaki was seen.
		$this->observe( array( 'KIMAKI_THREAD_URL' => 'discord.com/not-a-url' ) );

		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'The last agent verification found no session id', $result['label'] );
		$this->assertStringContainsString( 'found no session id among the declared variables', $result['description'] );
	}

	public function test_a_published_runtime_no_agent_process_was_seen_exporting_is_flagged() {
		$this->register_presets();
		// Published before the observation window: agent processes have had their chance.
		$this->published_days_ago( 'opencode', 30 );
		$this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ) );

		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( "No agent process was seen exporting a published runtime's variables", wp_specialchars_decode( $result['label'], ENT_QUOTES ) );
		$description = wp_specialchars_decode( $result['description'], ENT_QUOTES );
		$this->assertStringContainsString( 'Runtime "opencode": None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was ever seen in an agent process', $description );
		$this->assertStringContainsString( 'runtime=opencode">Show opencode on the Agent Runtimes screen</a>', $description );
		$this->assertStringNotContainsString( 'Runtime "kimaki"', $description );
		$this->assertSame( 1, substr_count( $result['description'], '<li>' ) );
	}

	public function test_a_runtime_published_a_minute_ago_is_not_flagged_while_it_waits_for_an_agent_process() {
		$this->register_presets();
		$this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ) );

		$this->assertSame( 'good', $this->run_test()['status'] );
	}

	public function test_a_runtime_last_seen_before_the_window_is_flagged_with_the_date() {
		$this->store()->put( 'opencode', array( 'fields' => Presets::get( 'opencode' )['fields'] ) );
		$this->published_days_ago( 'opencode', 30 );
		$this->observe( array( 'OPENCODE_RUN_ID' => 'run-1' ) );
		$stored                   = $this->stored( Verification_Log::OPTION );
		$stored[0]['observed_at'] = gmdate( 'c', time() - 15 * DAY_IN_SECONDS );
		update_option( Verification_Log::OPTION, $stored, false );

		$description = wp_specialchars_decode( $this->run_test()['description'], ENT_QUOTES );
		$this->assertStringContainsString( 'Runtime "opencode": None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was seen in an agent process in the last 14 days (last ', $description );

		( new Verification_Log() )->set_window_days( 30 );
		$this->assertSame( 'good', $this->run_test()['status'] );
	}

	public function test_without_any_observation_nothing_is_flagged() {
		$this->register_presets();

		$this->assertSame( 'good', $this->run_test()['status'] );
	}

	public function test_every_finding_is_listed_the_most_fundamental_as_the_label() {
		update_option( Signature_Store::OPTION, array( 'a_b' => array( 'session_id' => 'UNDERSCORE_ID' ) ), false );

		$result = $this->run_test();

		$this->assertSame( 2, substr_count( $result['description'], '<li>' ) );
		$this->assertSame( 'No coding-agent runtime is published', $result['label'] );
		$this->assertStringContainsString( 'is not valid for Data Machine Code', $result['description'] );
	}

	public function test_only_people_who_may_manage_runtimes_get_the_link() {
		wp_set_current_user( 0 ); // As in WordPress's weekly cron check.

		$result = $this->run_test();

		$this->assertSame( '', $result['actions'] );
	}
}
