<?php
/**
 * The REST API (docs/rest-api.md), dispatched in-process through WordPress's REST server.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

/**
 * Routes, status codes and error shapes.
 */
class RestTest extends Test_Case {

	public const BASE = '/wp-coding-agents/v1';

	private function snapshot() {
		return array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_every_route_needs_the_capability() {
		$routes = array(
			array( 'GET', '/runtimes' ),
			array( 'GET', '/runtimes/kimaki' ),
			array( 'PUT', '/runtimes/kimaki' ),
			array( 'PATCH', '/runtimes/kimaki' ),
			array( 'DELETE', '/runtimes/kimaki' ),
			array( 'PUT', '/order' ),
			array( 'GET', '/signatures' ),
			array( 'POST', '/signatures/repair' ),
			array( 'POST', '/attribution/preview' ),
			array( 'GET', '/attribution/last-verification' ),
			array( 'GET', '/dmc' ),
			array( 'GET', '/attribution/worktrees' ),
			array( 'GET', '/attribution/summary' ),
		);
		foreach ( array( 0 => 401, WPCA_TEST_SITE['users']['subscriber']['id'] => 403, WPCA_TEST_SITE['users']['editor']['id'] => 403 ) as $user => $status ) {
			wp_set_current_user( $user );
			foreach ( $routes as list( $method, $path ) ) {
				list( $got, $data ) = $this->call( $method, $path, array( 'fields' => array( 'a' => 'B' ) ) );
				$this->assertSame( $status, $got, "$method $path as user $user" );
				$this->assertSame( 'rest_forbidden', $data['code'] );
			}
		}
		$this->assertNull( $this->stored() );
	}

	public function test_the_capability_filter_changes_who_may_manage() {
		$allow_editors = static function () {
			return 'edit_others_posts';
		};
		add_filter( 'wpca_required_capability', $allow_editors );
		wp_set_current_user( WPCA_TEST_SITE['users']['editor']['id'] );
		list( $status ) = $this->call( 'GET', '/runtimes' );
		remove_filter( 'wpca_required_capability', $allow_editors );

		$this->assertSame( 200, $status );
	}

	public function test_put_creates_with_201_then_an_identical_repeat_answers_200_unchanged() {
		$body = array(
			'fields' => Presets::get( 'kimaki' )['fields'],
			'label'  => 'Kimaki bridge',
		);

		list( $created_status, $created ) = $this->call( 'PUT', '/runtimes/kimaki', $body );
		list( $repeat_status, $repeat )   = $this->call( 'PUT', '/runtimes/kimaki', $body );

		$this->assertSame( 201, $created_status );
		$this->assertSame( 200, $repeat_status );
		$this->assertSame( $created, $repeat );
		$this->assertSame( 'Kimaki bridge', $created['label'] );
		$this->assertTrue( $created['enabled'] );
		$this->assertSame( 'admin', $created['source'] );
		$this->assertFalse( $created['collision'] );
		list( , $list ) = $this->call( 'GET', '/runtimes' );
		$this->assertSame( array( 'kimaki', 'opencode' ), self::ids( $list ) );
	}

	public function test_get_of_an_unregistered_preset_unknown_and_invalid_ids() {
		list( $preset_status, $preset )   = $this->call( 'GET', '/runtimes/opencode' );
		list( $unknown_status, $unknown ) = $this->call( 'GET', '/runtimes/nobody' );
		list( $invalid_status, $invalid ) = $this->call( 'GET', '/runtimes/a_b' );

		$this->assertSame( array( 200, false, 'preset' ), array( $preset_status, $preset['registered'], $preset['source'] ) );
		$this->assertSame( array( 404, 'wpca_runtime_not_found' ), array( $unknown_status, $unknown['code'] ) );
		$this->assertSame( array( 400, 'wpca_invalid_id' ), array( $invalid_status, $invalid['code'] ) );
		$this->assertArrayHasKey( 'id', $invalid['data']['params'] );
	}

	/**
	 * @return array[]
	 */
	public function bad_puts() {
		$fields = array( 'session_id' => 'X_ID' );
		return array(
			'digit id'          => array( '/runtimes/123', array( 'fields' => $fields ), 'wpca_invalid_id' ),
			'underscore id'     => array( '/runtimes/a_b', array( 'fields' => $fields ), 'wpca_invalid_id' ),
			'65-char id'        => array( '/runtimes/' . str_repeat( 'a', 65 ), array( 'fields' => $fields ), 'wpca_invalid_id' ),
			'missing fields'    => array( '/runtimes/x', array( 'enabled' => true ), 'wpca_missing_fields' ),
			'empty body'        => array( '/runtimes/x', '', 'wpca_missing_fields' ),
			'unknown property'  => array( '/runtimes/x', array( 'fields' => $fields, 'colour' => 'red' ), 'wpca_unknown_property' ),
			'fields string'     => array( '/runtimes/x', array( 'fields' => 'X' ), 'wpca_invalid_fields' ),
			'fields null'       => array( '/runtimes/x', array( 'fields' => null ), 'wpca_invalid_fields' ),
			'fields list'       => array( '/runtimes/x', array( 'fields' => array( 'X' ) ), 'wpca_invalid_fields' ),
			'nested value'      => array( '/runtimes/x', array( 'fields' => array( 'a' => array( 'b' => 'C' ) ) ), 'wpca_invalid_fields' ),
			'huge env name'     => array( '/runtimes/x', array( 'fields' => array( 'a' => str_repeat( 'A', 100000 ) ) ), 'wpca_invalid_fields' ),
			'enabled string'    => array( '/runtimes/x', array( 'fields' => $fields, 'enabled' => 'yes' ), 'wpca_invalid_enabled' ),
			'enabled null'      => array( '/runtimes/x', array( 'fields' => $fields, 'enabled' => null ), 'wpca_invalid_enabled' ),
			'label object'      => array( '/runtimes/x', array( 'fields' => $fields, 'label' => array( 'a' => 1 ) ), 'wpca_invalid_label' ),
			'label too long'    => array( '/runtimes/x', array( 'fields' => $fields, 'label' => str_repeat( 'l', 101 ) ), 'wpca_invalid_label' ),
			'scalar string'     => array( '/runtimes/x', '"fields"', 'wpca_invalid_body' ),
			'scalar number'     => array( '/runtimes/x', '42', 'wpca_invalid_body' ),
			'list body'         => array( '/runtimes/x', '[{"fields":{"a":"B"}}]', 'wpca_invalid_body' ),
			'broken JSON'       => array( '/runtimes/x', '{"fields":', 'rest_invalid_json' ),
		);
	}

	/**
	 * @dataProvider bad_puts
	 *
	 * @param string $path Path.
	 * @param mixed  $body Body.
	 * @param string $code Expected code.
	 */
	public function test_bad_puts_are_400_with_our_code_and_change_nothing( $path, $body, $code ) {
		$this->store()->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$before = $this->snapshot();

		list( $status, $data ) = $this->call( 'PUT', $path, $body );

		$this->assertSame( 400, $status );
		$this->assertSame( $code, $data['code'] );
		$this->assertSame( 400, $data['data']['status'] );
		if ( 0 === strpos( $code, 'wpca_' ) ) {
			$this->assertCount( 1, $data['data']['params'] );
			$this->assertStringContainsString( (string) key( $data['data']['params'] ), $data['message'] );
		}
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_patch_toggles_and_an_empty_patch_is_rejected() {
		$this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );

		list( $status, $item )            = $this->call( 'PATCH', '/runtimes/custom', array( 'enabled' => false ) );
		list( $empty_status, $empty )     = $this->call( 'PATCH', '/runtimes/custom', array() );
		list( $missing_status, $missing ) = $this->call( 'PATCH', '/runtimes/nobody', array( 'enabled' => true ) );

		$this->assertSame( 200, $status );
		$this->assertFalse( $item['enabled'] );
		$this->assertTrue( $item['registered'] );
		$this->assertNull( $this->stored() );
		$this->assertSame( array( 400, 'wpca_empty_patch' ), array( $empty_status, $empty['code'] ) );
		$this->assertSame( array( 404, 'wpca_runtime_not_found' ), array( $missing_status, $missing['code'] ) );
	}

	public function test_delete_answers_deleted_and_previous() {
		$this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );

		list( $status, $deleted )     = $this->call( 'DELETE', '/runtimes/custom' );
		list( $again_status, $again ) = $this->call( 'DELETE', '/runtimes/custom' );
		list( $invalid_status )       = $this->call( 'DELETE', '/runtimes/A' );

		$this->assertSame( 200, $status );
		$this->assertTrue( $deleted['deleted'] );
		$this->assertSame( 'custom', $deleted['previous']['id'] );
		// The answer links to the admin screen it left (ScreenTest).
		unset( $again['_links'] );
		$this->assertSame(
			array(
				200,
				array(
					'deleted'  => false,
					'previous' => null,
				),
			),
			array( $again_status, $again )
		);
		$this->assertSame( 400, $invalid_status );
	}

	public function test_order_route() {
		$this->call( 'PUT', '/runtimes/kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );

		list( $status, $items ) = $this->call( 'PUT', '/order', array( 'order' => array( 'custom', 'kimaki' ) ) );
		foreach ( array( array( 'order' => array( 'custom' ) ), array( 'order' => 'custom,kimaki' ), array( 'order' => array( 'custom', 'kimaki' ), 'x' => 1 ), array() ) as $bad ) {
			list( $bad_status, $error ) = $this->call( 'PUT', '/order', $bad );
			$this->assertSame( 400, $bad_status );
			$this->assertContains( $error['code'], array( 'wpca_invalid_order', 'wpca_unknown_property' ) );
		}

		$this->assertSame( 200, $status );
		$this->assertSame( array( 'custom', 'kimaki', 'opencode' ), self::ids( $items ) );
		$this->assertSame( array( 'custom', 'kimaki' ), array_keys( $this->stored() ) );
	}

	public function test_signatures_report_effective_output_collisions_and_problems_and_repair_fixes_them() {
		$this->call( 'PUT', '/runtimes/kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		update_option( Signature_Store::OPTION, $this->stored() + array( 'bad_id' => array( 'a' => 'B' ) ), false );
		$theirs = static function ( $signatures ) {
			$signatures['kimaki'] = array( 'session_id' => 'THEIRS' );
			return $signatures;
		};
		add_filter( 'datamachine_code_worktree_runtime_signatures', $theirs, 1 );

		list( $status, $body ) = $this->call( 'GET', '/signatures' );
		list( , $item )        = $this->call( 'GET', '/runtimes/kimaki' );
		remove_filter( 'datamachine_code_worktree_runtime_signatures', $theirs, 1 );
		list( $repair_status, $repaired ) = $this->call( 'POST', '/signatures/repair' );

		$this->assertSame( 200, $status );
		$this->assertSame( array( 'kimaki' => array( 'session_id' => 'THEIRS' ) ), $body['signatures'] );
		$this->assertSame( array( 'kimaki' ), array_column( $body['collisions'], 'id' ) );
		$this->assertSame( array( 'bad_id' ), array_column( $body['problems'], 'id' ) );
		$this->assertTrue( $item['collision'] );
		$this->assertSame( 200, $repair_status );
		$this->assertSame( array(), $repaired['problems'] );
		$this->assertSame( array( 'kimaki' ), array_keys( $this->stored() ) );
	}

	public function test_empty_maps_are_json_objects() {
		$request = new WP_REST_Request( 'POST', self::BASE . '/attribution/preview' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{"env":{}}' );

		$signatures = wp_json_encode( rest_do_request( new WP_REST_Request( 'GET', self::BASE . '/signatures' ) )->get_data() );
		$preview    = wp_json_encode( rest_do_request( $request )->get_data() );

		$this->assertSame( '{"signatures":{},"collisions":[],"problems":[],"findings":[],"entries":[],"declared":[],"primary_variables":[],"secret_variables":[],"lock_budget":{"runtime_ids_bytes":0,"reserved_bytes":3203,"total_bytes":3203,"budget":8192,"fits":true}}', $signatures );
		$this->assertSame( '{"origin_session":null,"primary_source":null,"lock_owner":{"runtime_ids":{}},"declared":[],"found":[],"missing":[],"dropped":[],"lock_budget":{"runtime_ids_bytes":0,"reserved_bytes":3203,"total_bytes":3203,"budget":8192,"fits":true},"inventory":{"length":null,"max_length":191,"fits":true},"withheld":[],"recorded":false}', $preview );
	}

	public function test_attribution_preview_uses_the_effective_signatures() {
		$this->call( 'PUT', '/runtimes/kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );

		list( $status, $preview ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env' => array(
					'KIMAKI_SESSION_ID' => 's-1',
					'KIMAKI_THREAD_URL' => 'ftp://x',
					'UNRELATED'         => 'y',
				),
			)
		);
		list( $bad_status, $bad ) = $this->call( 'POST', '/attribution/preview', array( 'env' => array( 'A' => array( 'nested' => 1 ) ) ) );

		$this->assertSame( 200, $status );
		$this->assertSame(
			array(
				'primary_id' => 's-1',
				'ids'        => array( 'kimaki' => array( 'session_id' => 's-1' ) ),
			),
			$preview['origin_session']
		);
		$this->assertSame(
			array(
				'kimaki' => array(
					'session_id' => 's-1',
					'thread_url' => 'ftp://x',
				),
			),
			$preview['lock_owner']['runtime_ids']
		);
		$this->assertSame( array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_URL' ), $preview['found'] );
		$this->assertSame( array( 'KIMAKI_THREAD_ID' ), $preview['missing'] );
		$this->assertSame( array( 400, 'wpca_invalid_env' ), array( $bad_status, $bad['code'] ) );
	}

	public function test_options_describe_the_routes() {
		$response = rest_do_request( new WP_REST_Request( 'OPTIONS', self::BASE . '/runtimes/kimaki' ) );
		$data     = $response->get_data();

		$this->assertSame( 'wpca-runtime', $data['schema']['title'] );
		$this->assertSame( array( 'GET', 'PUT', 'PATCH', 'DELETE' ), $data['methods'] );
		$put = $data['endpoints'][1];
		$this->assertSame( array( 'id', 'fields', 'enabled', 'label', 'preset' ), array_keys( $put['args'] ) );
	}
}
