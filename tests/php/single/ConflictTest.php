<?php
/**
 * Revisions, ETags and If-Match: a write based on an outdated read is refused, not applied.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

/**
 * Through the REST server.
 */
class ConflictTest extends Test_Case {

	private function send( $method, $route, $body = null, $if_match = null ) {
		$request = new WP_REST_Request( $method, '/wp-coding-agents/v1' . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( wp_json_encode( $body ) );
		}
		if ( null !== $if_match ) {
			$request->set_header( 'If-Match', $if_match );
		}
		return rest_do_request( $request );
	}

	private function stored_options() {
		return array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_every_read_and_write_answers_the_etag_and_each_change_moves_the_revision() {
		$created = $this->send( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		$read    = $this->send( 'GET', '/runtimes/custom' );

		$this->assertSame( '"' . $read->get_data()['etag'] . '"', $read->get_headers()['ETag'] );
		$this->assertSame( $created->get_headers()['ETag'], $read->get_headers()['ETag'] );
		$this->assertSame( 1, $read->get_data()['revision'] );
		$this->assertMatchesRegularExpression( '/^"[0-9a-f]{16}"$/', $this->send( 'GET', '/runtimes' )->get_headers()['ETag'] );

		$changed = $this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'Mine' ), $read->get_headers()['ETag'] );
		$this->assertSame( 200, $changed->get_status() );
		$this->assertSame( 2, $changed->get_data()['revision'] );
		$this->assertNotSame( $read->get_headers()['ETag'], $changed->get_headers()['ETag'] );
	}

	public function test_a_write_with_an_outdated_etag_is_412_with_the_current_item_and_changes_nothing() {
		$this->send( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		$loaded = $this->send( 'GET', '/runtimes/custom' )->get_headers()['ETag'];
		$this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'Changed by someone else' ) );
		$before = $this->stored_options();

		foreach ( array(
			array( 'PUT', array( 'fields' => array( 'session_id' => 'MINE' ) ) ),
			array( 'PATCH', array( 'enabled' => false ) ),
			array( 'DELETE', null ),
		) as list( $method, $body ) ) {
			$response = $this->send( $method, '/runtimes/custom', $body, $loaded );
			$this->assertSame( 412, $response->get_status(), $method );
			$error = $response->get_data();
			$this->assertSame( 'wpca_conflict', $error['code'] );
			$this->assertStringContainsString( 'admin', $error['message'], 'It says who changed it.' );
			$this->assertSame( 'Changed by someone else', $error['data']['current']['label'], 'It carries the current item.' );
			$this->assertSame( $before, $this->stored_options(), "$method changed nothing" );
		}
		$this->assertSame( 200, $this->send( 'PATCH', '/runtimes/custom', array( 'enabled' => false ), '"nomatch", ' . $this->send( 'GET', '/runtimes/custom' )->get_headers()['ETag'] )->get_status(), 'Any listed ETag matches.' );
	}

	public function test_an_edit_of_dmcs_option_by_other_code_also_moves_the_etag() {
		$this->send( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		$loaded = $this->send( 'GET', '/runtimes/custom' )->get_headers()['ETag'];
		update_option( Signature_Store::OPTION, array( 'custom' => array( 'session_id' => 'EDITED_BY_HAND' ) ), false );

		$this->assertSame( 412, $this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'x' ), $loaded )->get_status() );
	}

	public function test_put_order_with_an_outdated_etag_is_412_and_with_the_current_one_reorders() {
		foreach ( array( 'one', 'two' ) as $id ) {
			$this->send( 'PUT', '/runtimes/' . $id, array( 'fields' => array( 'session_id' => 'S' ) ) );
		}
		$loaded = $this->send( 'GET', '/runtimes' )->get_headers()['ETag'];
		$this->send( 'PUT', '/runtimes/three', array( 'fields' => array( 'session_id' => 'S' ) ) );

		$stale = $this->send( 'PUT', '/order', array( 'order' => array( 'two', 'one', 'three' ) ), $loaded );
		$this->assertSame( 412, $stale->get_status() );
		$this->assertSame( array( 'one', 'two', 'three', 'kimaki', 'opencode' ), array_column( $stale->get_data()['data']['current'], 'id' ) );

		$current = $this->send( 'GET', '/runtimes' )->get_headers()['ETag'];
		$this->assertSame( 200, $this->send( 'PUT', '/order', array( 'order' => array( 'two', 'one', 'three' ) ), $current )->get_status() );
	}

	public function test_without_if_match_writes_behave_as_before_and_a_malformed_header_is_400() {
		$this->assertSame( 201, $this->send( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) )->get_status() );
		$this->assertSame( 200, $this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'L' ) )->get_status() );

		$bad = $this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'M' ), 'no-quotes' );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'wpca_invalid_if_match', $bad->get_data()['code'] );
		$this->assertSame( 'L', $this->store()->get_item( 'custom' )['label'] );
		$this->assertSame( 200, $this->send( 'PATCH', '/runtimes/custom', array( 'label' => 'M' ), '*' )->get_status() );
		$this->assertSame( 412, $this->send( 'PATCH', '/runtimes/nobody-yet', array( 'label' => 'M' ), '*' )->get_status() );
	}
}
