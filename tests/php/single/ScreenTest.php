<?php
/**
 * GET /screen and the screen embedded in a write's answer (`?_embed=wpca:screen`).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Screen_Controller;
use WP_REST_Request;

/**
 * One request brings everything the screen shows that a change can alter.
 */
class ScreenTest extends Test_Case {

	/**
	 * A request dispatched in-process, answered as the server serves it: with `$embed`
	 * the embeddable links are embedded, as `?_embed=…` asks over HTTP.
	 *
	 * @param string      $method  Method.
	 * @param string      $path    Path below the namespace.
	 * @param array|null  $body    JSON body.
	 * @param array|false $embed   Relations to embed, or false.
	 * @param array       $headers Request headers.
	 * @return array{0: int, 1: array, 2: array} Status, JSON data, headers.
	 */
	private function served( $method, $path, $body = null, $embed = false, array $headers = array() ) {
		$request = new WP_REST_Request( $method, '/' . Plugin::REST_NAMESPACE . $path );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( wp_json_encode( $body ) );
		}
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$response = rest_do_request( $request );
		$data     = json_decode( wp_json_encode( rest_get_server()->response_to_data( $response, $embed ) ), true );
		return array( $response->get_status(), $data, $response->get_headers() );
	}

	/**
	 * Data without what differs from one read to the next in one process: how many times
	 * this request applied DMC's filter (GET /dmc counts them).
	 *
	 * @param array $data Screen or GET /dmc data.
	 * @return array
	 */
	private static function settled( array $data ) {
		unset( $data['filter']['applied_in_request'], $data['dmc']['filter']['applied_in_request'] );
		return $data;
	}

	public function test_each_part_is_what_its_own_route_answers() {
		$this->register_presets();
		list( $status, $screen ) = $this->served( 'GET', '/screen' );

		$this->assertSame( 200, $status );
		foreach ( Screen_Controller::PARTS as $key => $route ) {
			list( , $own ) = $this->served( 'GET', $route );
			$this->assertSame( self::settled( $own ), self::settled( $screen[ $key ] ), $key );
		}
		list( , , $headers ) = $this->served( 'GET', '/runtimes' );
		$this->assertSame( '"' . $screen['order_etag'] . '"', $headers['ETag'] );
		$keys = array_keys( $screen );
		sort( $keys );
		$expected = array_merge( array_keys( Screen_Controller::PARTS ), array( 'order_etag' ) );
		sort( $expected );
		$this->assertSame( $expected, $keys );
	}

	public function test_a_write_embeds_the_screen_it_left() {
		list( , $before ) = $this->served( 'GET', '/screen' );
		$kimaki           = $before['runtimes'][0];

		list( $status, $written ) = $this->served(
			'PATCH',
			'/runtimes/kimaki',
			array( 'enabled' => true ),
			array( Screen_Controller::REL ),
			array( 'If-Match' => '"' . $kimaki['etag'] . '"' )
		);

		$this->assertSame( 200, $status );
		$screen = $written['_embedded'][ Screen_Controller::REL ][0];
		$this->assertSame( 'kimaki', $screen['runtimes'][0]['id'] );
		$this->assertTrue( $screen['runtimes'][0]['enabled'] );
		$this->assertSame( $written['etag'], $screen['runtimes'][0]['etag'] );
		$this->assertSame( array( 'kimaki' ), array_keys( $screen['signatures']['signatures'] ) );
		list( , $after ) = $this->served( 'GET', '/screen' );
		$this->assertSame( self::settled( $after ), self::settled( $screen ) );
	}

	public function test_every_write_of_the_screen_links_it_and_reads_do_not() {
		$this->register_presets();
		$writes = array(
			array( 'PUT', '/runtimes/my-agent', array( 'fields' => array( 'session_id' => 'MY_AGENT_SESSION_ID' ) ) ),
			array( 'PATCH', '/runtimes/my-agent', array( 'label' => 'My agent' ) ),
			array( 'DELETE', '/runtimes/my-agent', null ),
			array( 'POST', '/signatures/repair', null ),
			array( 'PUT', '/attribution/observation-settings', array( 'window_days' => 30 ) ),
		);
		foreach ( $writes as list( $method, $path, $body ) ) {
			list( $status, $data ) = $this->served( $method, $path, $body );
			$this->assertLessThan( 300, $status, "$method $path" );
			$this->assertTrue( $data['_links'][ Screen_Controller::REL ][0]['embeddable'], "$method $path" );
		}
		list( , $item ) = $this->served( 'GET', '/runtimes/kimaki' );
		$this->assertArrayNotHasKey( '_links', $item );
	}

	public function test_a_refused_write_embeds_nothing_and_changes_nothing() {
		$this->register_presets();
		$stored = $this->stored();

		list( $status, $refused ) = $this->served(
			'PATCH',
			'/runtimes/kimaki',
			array( 'enabled' => false ),
			array( Screen_Controller::REL ),
			array( 'If-Match' => '"0000000000000000"' )
		);

		$this->assertSame( 412, $status );
		$this->assertSame( 'wpca_conflict', $refused['code'] );
		$this->assertArrayNotHasKey( '_embedded', $refused );
		$this->assertSame( $stored, $this->stored() );
	}

	public function test_only_those_who_manage_runtimes_read_it() {
		foreach ( array( 0 => 401, WPCA_TEST_SITE['users']['editor']['id'] => 403 ) as $user => $expected ) {
			wp_set_current_user( $user );
			list( $status, $data ) = $this->served( 'GET', '/screen' );
			$this->assertSame( $expected, $status );
			$this->assertSame( 'rest_forbidden', $data['code'] );
		}
	}

	public function test_its_schema_is_made_of_the_routes_own_schemas() {
		$schema = rest_do_request( new WP_REST_Request( 'OPTIONS', '/' . Plugin::REST_NAMESPACE . '/screen' ) )->get_data()['schema'];

		$this->assertSame( 'wpca-screen', $schema['title'] );
		$this->assertSame( 'wpca-runtime', $schema['properties']['runtimes']['items']['title'] );
		$this->assertSame( 'wpca-signatures', $schema['properties']['signatures']['title'] );
		$this->assertSame( 'string', $schema['properties']['order_etag']['type'] );
	}
}
