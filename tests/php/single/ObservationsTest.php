<?php
/**
 * The observation history over REST: recording, the bound, hashes, the window setting.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Observations_Controller;

/**
 * GET /attribution/observations, GET/PUT /attribution/observation-settings.
 */
class ObservationsTest extends Test_Case {

	protected function setUp(): void {
		parent::setUp();
		$this->register_presets();
	}

	public function test_observations_from_two_runtimes_are_both_kept_newest_first() {
		$this->assertSame(
			200,
			$this->observe(
				array( 'KIMAKI_SESSION_ID' => 'k-1' ),
				array(
					'host'    => 'bridge-1',
					'runtime' => 'kimaki',
				)
			)
		);
		$this->observe(
			array( 'OPENCODE_RUN_ID' => 'run-1' ),
			array(
				'host'    => 'runner.example-2',
				'runtime' => 'opencode',
			)
		);

		list( $status, $body ) = $this->call( 'GET', '/attribution/observations' );

		$this->assertSame( 200, $status );
		$this->assertTrue( rest_validate_value_from_schema( $body, Plugin::rest_controller( Observations_Controller::class )->get_public_item_schema() ) );
		$this->assertSame( array( 'opencode', 'kimaki' ), array_column( $body['observations'], 'runtime' ) );
		$this->assertSame( array( 'runner.example-2', 'bridge-1' ), array_column( $body['observations'], 'host' ) );
		$this->assertSame( array( 'OPENCODE_RUN_ID' => Verification_Log::value_hash( 'run-1' ) ), $body['observations'][0]['hashes'] );
		$this->assertSame( array( 'opencode', 'OPENCODE_RUN_ID' ), array( $body['observations'][0]['primary_runtime'], $body['observations'][0]['primary_variable'] ) );
		$seen = array_column( $body['variables'], 'last_seen_host', 'name' );
		$this->assertSame(
			array(
				'KIMAKI_SESSION_ID'   => 'bridge-1',
				'KIMAKI_THREAD_ID'    => null,
				'KIMAKI_THREAD_URL'   => null,
				'OPENCODE_SESSION_ID' => null,
				'OPENCODE_RUN_ID'     => 'runner.example-2',
			),
			$seen
		);
		$this->assertSame( array( false, false ), array_column( $body['runtimes'], 'flagged' ) );
	}

	public function test_repeated_sessions_are_told_apart_by_hash_and_the_same_one_recognised() {
		$this->observe( array( 'KIMAKI_SESSION_ID' => 'session-a' ) );
		$this->observe( array( 'KIMAKI_SESSION_ID' => ' session-a ' ) );
		$this->observe( array( 'KIMAKI_SESSION_ID' => 'session-b' ) );

		$hashes = array_column( array_column( ( new Verification_Log() )->observations(), 'hashes' ), 'KIMAKI_SESSION_ID' );

		$this->assertSame( $hashes[1], $hashes[2], 'the same value (trimmed, as DMC reads it) gives the same hash' );
		$this->assertNotSame( $hashes[0], $hashes[1] );
		list( , $body ) = $this->call( 'GET', '/attribution/observations' );
		$this->assertSame( 2, $body['variables'][0]['distinct_values'] );
		$this->assertSame( 3, $body['variables'][0]['times_seen'] );
	}

	public function test_the_history_keeps_the_last_50_and_is_not_autoloaded() {
		for ( $i = 1; $i <= Verification_Log::MAX_OBSERVATIONS + 3; $i++ ) {
			$this->observe( array( 'OPENCODE_RUN_ID' => "run-$i" ) );
		}

		$observations = ( new Verification_Log() )->observations();

		$this->assertCount( 50, $observations );
		$this->assertSame( Verification_Log::value_hash( 'run-53' ), $observations[0]['hashes']['OPENCODE_RUN_ID'] );
		$this->assertSame( Verification_Log::value_hash( 'run-4' ), $observations[49]['hashes']['OPENCODE_RUN_ID'] );
		$this->assertSame( 'off', $this->autoload_of( Verification_Log::OPTION ) );
	}

	public function test_the_pre_history_report_holding_a_value_is_dropped_on_the_first_observation() {
		update_option( Verification_Log::LEGACY_OPTION, array( 'primary_id' => 'old-secret-value' ), false );

		$this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ) );

		$this->assertNull( $this->stored( Verification_Log::LEGACY_OPTION ) );
	}

	/**
	 * @return array[]
	 */
	public function bad_contexts() {
		return array(
			'host with a space'    => array( array( 'host' => 'my host' ), 'wpca_invalid_host', 'host' ),
			'host markup'          => array( array( 'host' => '<b>x</b>' ), 'wpca_invalid_host', 'host' ),
			'host too long'        => array( array( 'host' => str_repeat( 'a', 254 ) ), 'wpca_invalid_host', 'host' ),
			'host not a string'    => array( array( 'host' => 5 ), 'wpca_invalid_host', 'host' ),
			'runtime not an id'    => array( array( 'runtime' => 'Kimaki_1' ), 'wpca_invalid_runtime', 'runtime' ),
			'runtime not a string' => array( array( 'runtime' => array( 'kimaki' ) ), 'wpca_invalid_runtime', 'runtime' ),
		);
	}

	/**
	 * @dataProvider bad_contexts
	 *
	 * @param array  $context Invalid context.
	 * @param string $code    Expected code.
	 * @param string $field   Field named.
	 */
	public function test_a_bad_host_or_runtime_is_refused_and_records_nothing( array $context, $code, $field ) {
		list( $status, $error ) = $this->call( 'POST', '/attribution/preview', array( 'env' => array( 'KIMAKI_SESSION_ID' => 'k' ), 'record' => true ) + $context );

		$this->assertSame( array( 400, $code ), array( $status, $error['code'] ) );
		$this->assertArrayHasKey( $field, $error['data']['params'] );
		$this->assertNull( $this->stored( Verification_Log::OPTION ) );
	}

	public function test_the_window_defaults_to_14_days_and_is_editable() {
		$this->assertSame( array( 200, array( 'window_days' => 14 ) ), $this->call( 'GET', '/attribution/observation-settings' ) );

		list( $status, $saved ) = $this->call( 'PUT', '/attribution/observation-settings', array( 'window_days' => 30 ) );
		unset( $saved['_links'] ); // The admin screen it left (ScreenTest).
		$this->assertSame( array( 200, array( 'window_days' => 30 ) ), array( $status, $saved ) );

		self::forget_cached_options(); // As a later request reads it: from the database, as a string.
		list( , $body ) = $this->call( 'GET', '/attribution/observations' );
		$this->assertSame( 30, $body['window_days'] );
		$this->assertSame( 'off', $this->autoload_of( Verification_Log::WINDOW_OPTION ) );
		foreach ( array( 1, 365 ) as $edge ) {
			$this->assertSame( 200, $this->call( 'PUT', '/attribution/observation-settings', array( 'window_days' => $edge ) )[0] );
		}
	}

	/**
	 * @return array[]
	 */
	public function bad_windows() {
		return array(
			'zero'         => array( array( 'window_days' => 0 ) ),
			'366'          => array( array( 'window_days' => 366 ) ),
			'negative'     => array( array( 'window_days' => -1 ) ),
			'string "14"'  => array( array( 'window_days' => '14' ) ),
			'fraction'     => array( array( 'window_days' => 14.5 ) ),
			'null'         => array( array( 'window_days' => null ) ),
			'missing'      => array( array() ),
			'unknown prop' => array( array( 'days' => 14 ) ),
		);
	}

	/**
	 * @dataProvider bad_windows
	 *
	 * @param array $body Invalid body.
	 */
	public function test_an_invalid_window_is_refused_and_changes_nothing( array $body ) {
		( new Verification_Log() )->set_window_days( 21 );

		list( $status, $error ) = $this->call( 'PUT', '/attribution/observation-settings', $body );

		$this->assertSame( 400, $status );
		$this->assertContains( $error['code'], array( 'wpca_invalid_window_days', 'wpca_unknown_property' ) );
		$this->assertNotEmpty( $error['data']['params'] );
		$this->assertSame( 21, ( new Verification_Log() )->window_days() );
	}

	public function test_the_routes_need_the_capability() {
		foreach ( array( 0 => 401, WPCA_TEST_SITE['users']['editor']['id'] => 403 ) as $user => $expected ) {
			wp_set_current_user( $user );
			$statuses = array(
				$this->call( 'GET', '/attribution/observations' )[0],
				$this->call( 'GET', '/attribution/observation-settings' )[0],
				$this->call( 'PUT', '/attribution/observation-settings', array( 'window_days' => 3 ) )[0],
			);
			$this->assertSame( array( $expected, $expected, $expected ), $statuses, "user $user" );
		}
		$this->assertSame( 14, ( new Verification_Log() )->window_days() );
	}
}
