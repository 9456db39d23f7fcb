<?php
/**
 * Detection of Data Machine Code from a real plugin file in the test site's plugins folder.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\Filter_Consumer_Probe;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;

/**
 * DMC absent, inactive, too old, current; the version thresholds; the filter probe.
 */
class DMCDetectorTest extends Test_Case {

	/**
	 * Files a test wrote outside the plugin.
	 *
	 * @var string[]
	 */
	private $files = array();

	/**
	 * Observers a test hooked.
	 *
	 * @var callable[]
	 */
	private $observers = array();

	protected function tearDown(): void {
		DMC_Fixture::remove();
		foreach ( $this->files as $file ) {
			unlink( $file );
		}
		foreach ( $this->observers as $observer ) {
			remove_filter( Filter_Publisher::HOOK, $observer, PHP_INT_MIN );
		}
		parent::tearDown();
	}

	private function status() {
		return ( new DMC_Detector( new Filter_Consumer_Probe() ) )->status();
	}

	public function test_absent() {
		$status = $this->status();

		$this->assertSame( 'absent', $status['state'] );
		$this->assertFalse( $status['installed'] );
		$this->assertFalse( $status['active'] );
		$this->assertNull( $status['version'] );
		$this->assertSame(
			array(
				'origin_session' => null,
				'lock_owner'     => null,
			),
			$status['consumes']
		);
		$this->assertSame( 'data-machine-code/data-machine-code.php', $status['plugin_file'] );
		$this->assertStringEndsWith( '/wp-admin/plugins.php', $status['plugins_url'] );
	}

	public function test_installed_but_inactive() {
		DMC_Fixture::install( '0.60.0', false );

		$status = $this->status();

		$this->assertSame( 'inactive', $status['state'] );
		$this->assertTrue( $status['installed'] );
		$this->assertFalse( $status['active'] );
		$this->assertSame( '0.60.0', $status['version'] );
	}

	public function test_active_but_too_old_to_read_signatures() {
		DMC_Fixture::install( '0.44.9' );

		$status = $this->status();

		$this->assertSame( 'too_old', $status['state'] );
		$this->assertTrue( $status['active'] );
		$this->assertSame(
			array(
				'origin_session' => false,
				'lock_owner'     => false,
			),
			$status['consumes']
		);
	}

	public function test_current_version_consumes_both() {
		DMC_Fixture::install( '0.60.0' );

		$status = $this->status();

		$this->assertSame( 'active', $status['state'] );
		$this->assertFalse( $status['network_active'] );
		$this->assertSame(
			array(
				'origin_session' => true,
				'lock_owner'     => true,
			),
			$status['consumes']
		);
	}

	/**
	 * @dataProvider versions
	 */
	public function test_version_thresholds( $version, $origin_session, $lock_owner ) {
		DMC_Fixture::install( $version );

		$consumes = $this->status()['consumes'];

		$this->assertSame( $origin_session, $consumes['origin_session'], "origin session at $version" );
		$this->assertSame( $lock_owner, $consumes['lock_owner'], "lock owner at $version" );
	}

	public function versions() {
		return array(
			'0.44'   => array( '0.44', false, false ),
			'0.45'   => array( '0.45', true, false ),
			'0.45.0' => array( '0.45.0', true, false ),
			'0.47.7' => array( '0.47.7', true, false ),
			'0.47.8' => array( '0.47.8', true, true ),
			'0.48'   => array( '0.48', true, true ),
			'1.0.0'  => array( '1.0.0', true, true ),
		);
	}

	public function test_a_header_without_version_is_active_with_unknown_consumption() {
		DMC_Fixture::install( null );

		$status = $this->status();

		$this->assertSame( 'active', $status['state'] );
		$this->assertNull( $status['version'] );
		$this->assertNull( $status['consumes']['origin_session'] );
	}

	public function test_users_who_cannot_activate_plugins_get_no_plugins_link() {
		add_filter( 'wpca_required_capability', array( $this, 'editors' ) );
		wp_set_current_user( WPCA_TEST_SITE['users']['editor']['id'] );

		$status = $this->status();
		remove_filter( 'wpca_required_capability', array( $this, 'editors' ) );

		$this->assertNull( $status['plugins_url'] );
	}

	public function editors() {
		return 'edit_others_posts';
	}

	public function test_the_plugins_own_calls_of_the_filter_are_not_other_consumers() {
		$probe = $this->probe();

		$this->plugin_publisher()->effective();

		$this->assertFalse( $probe->report()['applied_by_other_code'] );
		$this->assertNull( $probe->report()['first_other_caller'] );
	}

	public function test_the_plugins_own_look_applies_nothing_so_no_consumer_is_seen_even_if_a_callback_throws() {
		$publisher = $this->plugin_publisher();
		$probe     = $this->probe();
		$thrower   = static function () {
			throw new \RuntimeException( 'a broken callback' );
		};
		add_filter( Filter_Publisher::HOOK, $thrower, 20 );
		$applied = did_filter( Filter_Publisher::HOOK );
		try {
			$publisher->effective();
			$this->assertSame( 'wpca_callback_threw', $publisher->inspection()['failures'][0]['code'], 'the error is a finding' );
		} finally {
			remove_filter( Filter_Publisher::HOOK, $thrower, 20 );
		}
		$this->assertSame( $applied, did_filter( Filter_Publisher::HOOK ), 'the filter was not applied: the consumer probe has nothing to pass over' );
		$this->assertFalse( $probe->report()['applied_by_other_code'] );
	}

	public function test_another_consumer_is_named_by_file_and_line_and_the_probe_then_steps_aside() {
		$probe = $this->probe();
		$file  = WP_CONTENT_DIR . '/wpca-test-consumer.php';
		file_put_contents( $file, "<?php\nreturn apply_filters( 'datamachine_code_worktree_runtime_signatures', array() );\n" );
		$this->files[] = $file;
		$before        = did_filter( Filter_Publisher::HOOK );

		include $file;

		$report = $probe->report();
		$this->assertTrue( $report['applied_by_other_code'] );
		$this->assertSame(
			array(
				'file' => 'wp-content/wpca-test-consumer.php',
				'line' => 2,
			),
			$report['first_other_caller']
		);
		$this->assertSame( $before + 1, $report['applied_in_request'] );
		$this->assertTrue( $probe->observe(), 'once another caller is seen, the observer may unhook' );
	}

	/**
	 * A probe hooked the way the plugin hooks its own, through a test observer.
	 *
	 * @return Filter_Consumer_Probe
	 */
	private function probe() {
		$probe    = new Filter_Consumer_Probe();
		$observer = static function ( $signatures ) use ( $probe ) {
			$probe->observe();
			return $signatures;
		};
		add_filter( Filter_Publisher::HOOK, $observer, PHP_INT_MIN );
		$this->observers[] = $observer;
		return $probe;
	}
}
