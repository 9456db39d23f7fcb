<?php
/**
 * The checks every write makes before it acts (REST\Controller: its preconditions and its
 * mapper of WordPress's validation errors): the id in the URL, then the body, then
 * If-Match and ?force; a request wrong in several ways is answered with the first, alike
 * on every route, and changes nothing.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

/**
 * Through the REST server.
 */
class PreconditionsTest extends Test_Case {

	/**
	 * Sends a request with a JSON body and an If-Match header.
	 *
	 * @param string $method   Method.
	 * @param string $route    Route below the namespace.
	 * @param mixed  $body     JSON body (null: none).
	 * @param string $if_match If-Match header (null: none).
	 * @param array  $query    Query parameters.
	 * @return array `[ status, code ]`.
	 */
	private function send( $method, $route, $body, $if_match, $query = array() ) {
		$request = new WP_REST_Request( $method, '/wp-coding-agents/v1' . $route );
		$request->set_query_params( $query );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( wp_json_encode( $body ) );
		}
		if ( null !== $if_match ) {
			$request->set_header( 'If-Match', $if_match );
		}
		$response = rest_do_request( $request );
		$data     = $response->get_data();
		return array( $response->get_status(), isset( $data['code'] ) ? $data['code'] : null );
	}

	public function test_each_route_answers_the_first_failed_check_and_changes_nothing() {
		$this->send( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ), null );
		$before = array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );

		$bad_body = array( 'unknown' => 1 );
		$bad_tag  = 'no quotes';
		// Method, route (%s: the id), a valid body (null: none), the code a bad body gets
		// (null: the route reads no body).
		$routes = array(
			array( 'PUT', '/runtimes/%s', array( 'fields' => array( 'session_id' => 'D' ) ), 'wpca_unknown_property' ),
			array( 'PATCH', '/runtimes/%s', array( 'label' => 'L' ), 'wpca_unknown_property' ),
			array( 'DELETE', '/runtimes/%s', null, null ),
			array( 'POST', '/runtimes/%s/reset', null, 'wpca_unknown_property' ),
			array( 'PUT', '/order', array( 'order' => array( 'custom' ) ), 'wpca_unknown_property' ),
		);
		foreach ( $routes as list( $method, $route, $body, $body_code ) ) {
			$label  = "$method $route";
			$has_id = false !== strpos( $route, '%s' );
			if ( $has_id ) {
				$this->assertSame( array( 400, 'wpca_invalid_id' ), $this->send( $method, sprintf( $route, 'Bad_Id' ), $bad_body, $bad_tag ), "$label: the id first" );
			}
			$url = sprintf( $route, 'custom' );
			if ( null !== $body_code ) {
				$this->assertSame( array( 400, $body_code ), $this->send( $method, $url, $bad_body, $bad_tag ), "$label: then the body" );
			}
			$this->assertSame( array( 400, 'wpca_invalid_if_match' ), $this->send( $method, $url, $body, $bad_tag ), "$label: then If-Match" );
			$this->assertSame( array( 400, 'wpca_invalid_force' ), $this->send( $method, $url, $body, null, array( 'force' => 'maybe' ) ), "$label: and ?force" );
			$this->assertSame( $before, array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) ), "$label changed nothing" );
		}
	}

	public function test_routes_without_conditions_check_the_id_and_then_the_body() {
		$this->assertSame( array( 400, 'wpca_invalid_id' ), $this->send( 'GET', '/runtimes/Bad_Id', null, null ) );
		$this->assertSame( array( 400, 'wpca_invalid_id' ), $this->send( 'POST', '/foreign-signatures/Bad_Id/adopt', array( 'unknown' => 1 ), null ) );
		$this->assertSame( array( 400, 'wpca_unknown_property' ), $this->send( 'POST', '/signatures/repair', array( 'unknown' => 1 ), null ) );
		$this->assertSame( array( 400, 'wpca_unknown_property' ), $this->send( 'POST', '/attribution/preview', array( 'unknown' => 1 ), null ) );
		$this->assertSame( array( 400, 'wpca_invalid_body' ), $this->send( 'PUT', '/attribution/observation-settings', array( 1, 2 ), null ) );
		// No If-Match check where there is nothing to conflict with: a malformed one is ignored.
		$this->assertSame( 200, $this->send( 'POST', '/attribution/preview', array( 'env' => array() ), 'no quotes' )[0] );
	}

	public function test_without_the_capability_an_invalid_request_is_401_or_403_before_any_400() {
		$invalid = array(
			array( 'PUT', '/runtimes/Bad_Id', array( 'fields' => 5 ) ),
			array( 'PUT', '/runtimes/custom', array( 'nope' => 1 ) ),
			array( 'PUT', '/runtimes/custom', 'x' ),
			array( 'PATCH', '/runtimes/custom', array( 'enabled' => 'yes' ) ),
			array( 'PUT', '/order', array() ),
			array( 'POST', '/attribution/preview', array( 'env' => 'x' ) ),
			array( 'PUT', '/attribution/observation-settings', array( 'window_days' => 0 ) ),
		);
		$callers = array(
			array( 0, 401 ),
			array( (int) WPCA_TEST_SITE['users']['subscriber']['id'], 403 ),
		);
		foreach ( $callers as list( $user, $status ) ) {
			wp_set_current_user( $user );
			foreach ( $invalid as list( $method, $route, $body ) ) {
				$this->assertSame( array( $status, 'rest_forbidden' ), $this->send( $method, $route, $body, null ), "$method $route as user $user" );
			}
		}
		wp_set_current_user( (int) WPCA_TEST_SITE['users']['admin']['id'] );
		$this->assertSame( array( 400, 'wpca_invalid_id' ), $this->send( 'PUT', '/runtimes/Bad_Id', array( 'fields' => 5 ), null ), 'The admin gets the 400.' );
	}

	public function test_routes_match_whatever_the_case_of_their_path_like_every_wordpress_route() {
		foreach ( array( '/RUNTIMES', '/Runtimes/kimaki', '/DMC', '/Attribution/Summary', '/attribution/OBSERVATIONS', '/Foreign-Signatures' ) as $route ) {
			$this->assertSame( 200, $this->send( 'GET', $route, null, null )[0], $route );
		}
	}
}
