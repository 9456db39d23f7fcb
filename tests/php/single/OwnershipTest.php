<?php
/**
 * Installer vs admin: an installer declares, an admin decides, and neither loses the other's work.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_REST_Request;

/**
 * Through the REST server: writes with an Application Password are the installer's, others the admin's.
 */
class OwnershipTest extends Test_Case {

	/**
	 * One request, as the installer (Application Password) or as the admin (the screen).
	 *
	 * @return \WP_REST_Response
	 */
	private function send( $as, $method, $route, $body = null, array $query = array() ) {
		if ( 'installer' === $as ) {
			$GLOBALS['wp_rest_application_password_uuid'] = wp_generate_uuid4();
		} else {
			unset( $GLOBALS['wp_rest_application_password_uuid'] );
		}
		$request = new WP_REST_Request( $method, '/wp-coding-agents/v1' . $route );
		$request->set_query_params( $query );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( wp_json_encode( $body ) );
		}
		$response = rest_do_request( $request );
		unset( $GLOBALS['wp_rest_application_password_uuid'] );
		return $response;
	}

	private function install_kimaki( array $query = array() ) {
		return $this->send(
			'installer',
			'PUT',
			'/runtimes/kimaki',
			array(
				'fields'  => Presets::get( 'kimaki' )['fields'],
				'enabled' => true,
			),
			$query
		);
	}

	private function admin_edits_kimaki() {
		$this->assertSame( 200, $this->send( 'admin', 'PATCH', '/runtimes/kimaki', array( 'enabled' => false ) )->get_status() );
		$edited = Presets::get( 'kimaki' )['fields'] + array( 'channel_id' => 'KIMAKI_CHANNEL_ID' );
		$this->assertSame( 200, $this->send( 'admin', 'PATCH', '/runtimes/kimaki', array( 'fields' => $edited ) )->get_status() );
		return $edited;
	}

	public function test_reinstalling_keeps_what_the_admin_switched_off_and_edited() {
		$this->assertSame( 201, $this->install_kimaki()->get_status() );
		$edited = $this->admin_edits_kimaki();

		$upgrade = $this->install_kimaki();

		$this->assertSame( 200, $upgrade->get_status() );
		$item = $upgrade->get_data();
		$this->assertFalse( $item['enabled'], 'The admin switched it off; the upgrade does not re-publish it.' );
		$this->assertSame( $edited, (array) $item['fields'], "The admin's channel_id stays." );
		$this->assertSame( array( 'fields', 'enabled' ), $item['overridden'] );
		$this->assertSame( Presets::get( 'kimaki' )['fields'], (array) $item['declared']['fields'] );
		$this->assertTrue( $item['declared']['enabled'] );
		$this->assertArrayNotHasKey( 'kimaki', apply_filters( 'datamachine_code_worktree_runtime_signatures', array() ) );
	}

	public function test_a_new_declaration_is_recorded_and_applies_where_the_admin_changed_nothing() {
		$this->install_kimaki();
		$this->send( 'admin', 'PATCH', '/runtimes/kimaki', array( 'enabled' => false ) );

		$declared = array( 'session_id' => 'KIMAKI_SESSION_ID_V2' );
		$item     = $this->send( 'installer', 'PUT', '/runtimes/kimaki', array( 'fields' => $declared ) )->get_data();

		$this->assertSame( $declared, (array) $item['fields'], 'Fields the admin never touched follow the installer.' );
		$this->assertFalse( $item['enabled'] );
		$this->assertSame( array( 'enabled' ), $item['overridden'] );
	}

	public function test_reset_applies_the_declaration_again_in_one_request() {
		$this->install_kimaki();
		$this->admin_edits_kimaki();

		$reset = $this->send( 'admin', 'POST', '/runtimes/kimaki/reset' );

		$this->assertSame( 200, $reset->get_status() );
		$item = $reset->get_data();
		$this->assertSame( array(), $item['overridden'] );
		$this->assertTrue( $item['enabled'] );
		$this->assertSame( Presets::get( 'kimaki' )['fields'], (array) $item['fields'] );
		$this->assertSame( Presets::get( 'kimaki' )['fields'], apply_filters( 'datamachine_code_worktree_runtime_signatures', array() )['kimaki'] );
		// After a reset the installer is in charge again.
		$this->send( 'installer', 'PATCH', '/runtimes/kimaki', array( 'enabled' => false ) );
		$this->assertFalse( $this->store()->get_item( 'kimaki' )['enabled'] );
	}

	public function test_reset_of_a_runtime_no_installer_declared_is_refused() {
		$this->send( 'admin', 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );

		$response = $this->send( 'admin', 'POST', '/runtimes/custom/reset' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'wpca_nothing_declared', $response->get_data()['code'] );
		$this->assertSame( 404, $this->send( 'admin', 'POST', '/runtimes/nobody/reset' )->get_status() );
	}

	public function test_force_lets_the_installer_take_over() {
		$this->install_kimaki();
		$this->admin_edits_kimaki();

		$item = $this->install_kimaki( array( 'force' => 'true' ) )->get_data();

		$this->assertTrue( $item['enabled'] );
		$this->assertSame( Presets::get( 'kimaki' )['fields'], (array) $item['fields'] );
		$this->assertSame( array(), $item['overridden'] );
		$this->assertSame( 'wpca_invalid_force', $this->install_kimaki( array( 'force' => 'yes' ) )->get_data()['code'] );
	}

	public function test_an_admin_choice_equal_to_the_declaration_hands_the_property_back() {
		$this->install_kimaki();
		$this->send( 'admin', 'PATCH', '/runtimes/kimaki', array( 'enabled' => false ) );
		$this->send( 'admin', 'PATCH', '/runtimes/kimaki', array( 'enabled' => true ) );

		$this->assertSame( array(), $this->store()->get_item( 'kimaki' )['overridden'] );
		$this->send( 'installer', 'PATCH', '/runtimes/kimaki', array( 'enabled' => false ) );
		$this->assertFalse( $this->store()->get_item( 'kimaki' )['enabled'] );
	}
}
