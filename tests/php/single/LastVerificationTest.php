<?php
/**
 * POST /attribution/preview with `record` and GET /attribution/last-verification (the newest observation)
 * (docs/rest-api.md), dispatched in-process through WordPress's REST server.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Last_Verification_Controller;
use WP_REST_Request;

/**
 * The last verification from an agent process.
 */
class LastVerificationTest extends Test_Case {

	public const BASE = '/wp-coding-agents/v1';

	/** An agent process's environment: kimaki's session and thread URL, opencode's run id, and an unrelated secret. */
	public const AGENT_ENV = array(
		'KIMAKI_SESSION_ID' => 'kimaki-session-1',
		'KIMAKI_THREAD_URL' => 'https://discord.com/channels/1/2',
		'OPENCODE_RUN_ID'   => 'run-value-9',
		'SECRET_TOKEN'      => 'top-secret-7c1f',
	);

	protected function setUp(): void {
		parent::setUp();
		$this->register_presets();
	}

	public function test_without_record_nothing_is_stored_and_there_is_no_last_verification() {
		list( $status, $preview )        = $this->call( 'POST', '/attribution/preview', array( 'env' => self::AGENT_ENV ) );
		list( $false_status, $explicit ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => self::AGENT_ENV,
				'record' => false,
			)
		);
		list( $last_status, $last )      = $this->call( 'GET', '/attribution/last-verification' );

		$this->assertSame( array( 200, 200 ), array( $status, $false_status ) );
		$this->assertFalse( $preview['recorded'] );
		$this->assertFalse( $explicit['recorded'] );
		$this->assertNull( $this->stored( Verification_Log::OPTION ) );
		$this->assertSame( array( 200, array( 'verification' => null ) ), array( $last_status, $last ) );
		$this->assertTrue( rest_validate_value_from_schema( $last, Plugin::rest_controller( Last_Verification_Controller::class )->get_public_item_schema() ) );
	}

	public function test_record_from_an_agent_process_stores_names_and_hashes_only() {
		// bin/runtime-signature authenticates with an Application Password.
		$GLOBALS['wp_rest_application_password_uuid'] = wp_generate_uuid4();

		list( $status, $preview )   = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => self::AGENT_ENV,
				'record' => true,
			)
		);
		list( $last_status, $last ) = $this->call( 'GET', '/attribution/last-verification' );

		$this->assertSame( 200, $status );
		$this->assertTrue( $preview['recorded'] );
		$this->assertSame( 'kimaki-session-1', $preview['origin_session']['primary_id'] );
		$this->assertSame( 200, $last_status );
		$this->assertSame( array( 'verification' ), array_keys( $last ) );
		$this->assertTrue( rest_validate_value_from_schema( $last, Plugin::rest_controller( Last_Verification_Controller::class )->get_public_item_schema() ) );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', $last['verification']['recorded_at'] );
		unset( $last['verification']['recorded_at'] );
		$hash = Verification_Log::value_hash( 'kimaki-session-1' );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{12}$/', $hash );
		$this->assertSame(
			array(
				'recorded_by'      => WPCA_TEST_SITE['users']['admin']['username'],
				'source'           => 'installer',
				'host'             => null,
				'runtime'          => null,
				'declared'         => array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ),
				'found'            => array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_RUN_ID' ),
				'missing'          => array( 'KIMAKI_THREAD_ID', 'OPENCODE_SESSION_ID' ),
				'hashes'           => array(
					'KIMAKI_SESSION_ID' => $hash,
					'KIMAKI_THREAD_URL' => Verification_Log::value_hash( 'https://discord.com/channels/1/2' ),
					'OPENCODE_RUN_ID'   => Verification_Log::value_hash( 'run-value-9' ),
				),
				'primary_runtime'  => 'kimaki',
				'primary_variable' => 'KIMAKI_SESSION_ID',
				'primary_hash'     => $hash,
			),
			$last['verification']
		);

		$stored = $this->stored( Verification_Log::OPTION );
		$this->assertSame( 'off', $this->autoload_of( Verification_Log::OPTION ) );
		$serialized = maybe_serialize( $stored );
		foreach ( array( 'kimaki-session-1', 'https://discord.com/channels/1/2', 'run-value-9', 'top-secret-7c1f', 'SECRET_TOKEN' ) as $not_kept ) {
			$this->assertStringNotContainsString( $not_kept, $serialized );
		}
	}

	public function test_a_record_from_the_admin_screen_is_marked_admin_and_replaces_the_previous_one() {
		$GLOBALS['wp_rest_application_password_uuid'] = wp_generate_uuid4();
		$this->observe( self::AGENT_ENV );
		unset( $GLOBALS['wp_rest_application_password_uuid'] );

		// No session_id: the first runtime that captured anything provides the primary id.
		$this->observe( array( 'OPENCODE_RUN_ID' => 'run-only' ) );
		list( , $response ) = $this->call( 'GET', '/attribution/last-verification' );
		$last               = $response['verification'];

		$this->assertSame( 'admin', $last['source'] );
		$this->assertSame( array( 'OPENCODE_RUN_ID' ), $last['found'] );
		$this->assertSame( 'OPENCODE_RUN_ID', $last['primary_variable'] );
		$this->assertSame( Verification_Log::value_hash( 'run-only' ), $last['primary_hash'] );
		$this->assertSame( 'opencode', $last['primary_runtime'] );
		// The earlier observation is kept, not overwritten.
		$this->assertCount( 2, ( new Verification_Log() )->observations() );
	}

	public function test_a_process_without_any_declared_variable_records_no_primary_id() {
		$this->observe( array( 'UNRELATED' => 'x' ) );
		list( , $response ) = $this->call( 'GET', '/attribution/last-verification' );
		$last               = $response['verification'];

		$this->assertSame( array(), $last['found'] );
		$this->assertSame( $last['declared'], $last['missing'] );
		$this->assertNull( $last['primary_variable'] );
		$this->assertNull( $last['primary_hash'] );
		$this->assertNull( $last['primary_runtime'] );
		$this->assertSame( array(), $last['hashes'] );
	}

	/**
	 * @return array[]
	 */
	public function bad_records() {
		return array(
			'string "true"' => array( 'true' ),
			'number 1'      => array( 1 ),
			'null'          => array( null ),
			'object'        => array( array( 'yes' => true ) ),
		);
	}

	/**
	 * @dataProvider bad_records
	 *
	 * @param mixed $record Not a JSON boolean.
	 */
	public function test_record_must_be_a_boolean_and_a_rejected_request_stores_nothing( $record ) {
		list( $status, $error ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => self::AGENT_ENV,
				'record' => $record,
			)
		);

		$this->assertSame( 400, $status );
		$this->assertSame( 'wpca_invalid_record', $error['code'] );
		$this->assertArrayHasKey( 'record', $error['data']['params'] );
		$this->assertNull( $this->stored( Verification_Log::OPTION ) );
	}

	public function test_other_properties_are_still_unknown() {
		list( $status, $error ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'  => array(),
				'save' => true,
			)
		);

		$this->assertSame( array( 400, 'wpca_unknown_property' ), array( $status, $error['code'] ) );
		$this->assertStringContainsString( 'env, record, host, runtime', $error['message'] );
	}

	public function test_the_last_verification_needs_the_capability() {
		$this->observe( self::AGENT_ENV );
		foreach ( array( 0 => 401, WPCA_TEST_SITE['users']['editor']['id'] => 403 ) as $user => $expected ) {
			wp_set_current_user( $user );
			list( $status, $error ) = $this->call( 'GET', '/attribution/last-verification' );
			$record_status          = $this->observe( array() );

			$this->assertSame( array( $expected, 'rest_forbidden', $expected ), array( $status, $error['code'], $record_status ), "user $user" );
		}
		$stored = $this->stored( Verification_Log::OPTION );
		$this->assertCount( 1, $stored );
		$this->assertSame( array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_RUN_ID' ), $stored[0]['found'] );
	}

	public function test_an_unreadable_stored_report_counts_as_none() {
		update_option( Verification_Log::OPTION, 'not a report', false );

		list( $status, $last ) = $this->call( 'GET', '/attribution/last-verification' );

		$this->assertSame( array( 200, array( 'verification' => null ) ), array( $status, $last ) );
	}

	public function test_options_describe_the_routes() {
		$last    = rest_do_request( new WP_REST_Request( 'OPTIONS', self::BASE . '/attribution/last-verification' ) )->get_data();
		$preview = rest_do_request( new WP_REST_Request( 'OPTIONS', self::BASE . '/attribution/preview' ) )->get_data();

		$this->assertSame( 'wpca-last-verification', $last['schema']['title'] );
		$this->assertSame( array( 'GET' ), $last['methods'] );
		$this->assertSame( 'object', $last['schema']['type'] );
		$this->assertSame( array( 'verification' ), array_keys( $last['schema']['properties'] ) );
		$this->assertSame( array( 'object', 'null' ), $last['schema']['properties']['verification']['type'] );
		$this->assertArrayHasKey( 'primary_hash', $last['schema']['properties']['verification']['properties'] );
		$this->assertArrayNotHasKey( 'primary_id', $last['schema']['properties']['verification']['properties'] );
		$this->assertSame( array( 'env', 'record', 'host', 'runtime' ), array_keys( $preview['endpoints'][0]['args'] ) );
		$this->assertArrayHasKey( 'recorded', $preview['schema']['properties'] );
	}
}
