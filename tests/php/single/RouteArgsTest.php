<?php
/**
 * Every endpoint's args, registered on `rest_api_init` like core's, are described alike by
 * the namespace index and by OPTIONS, whatever requests came before.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_REST_Request;

/**
 * Through the REST server, in one process.
 */
class RouteArgsTest extends Test_Case {

	/**
	 * The endpoints of a runtime as a response describes them, by method.
	 *
	 * @param array $route Route data (index or OPTIONS).
	 * @return array[] Args by method.
	 */
	private static function args_by_method( array $route ) {
		$args = array();
		foreach ( $route['endpoints'] as $endpoint ) {
			foreach ( $endpoint['methods'] as $method ) {
				$args[ $method ] = $endpoint['args'];
			}
		}
		return $args;
	}

	public function test_a_read_then_the_index_then_options_each_describe_every_endpoint_once() {
		$this->assertSame( 200, rest_do_request( new WP_REST_Request( 'GET', '/wp-coding-agents/v1/runtimes/kimaki' ) )->get_status() );

		$index = rest_do_request( new WP_REST_Request( 'GET', '/wp-coding-agents/v1' ) )->get_data();
		$route = $index['routes']['/wp-coding-agents/v1/runtimes/(?P<id>[^/]+)'];
		$this->assertCount( 4, $route['endpoints'], 'GET, PUT, PATCH, DELETE, each once' );
		$args = self::args_by_method( $route );
		$this->assertSame( array( 'GET', 'PUT', 'PATCH', 'DELETE' ), array_keys( $args ) );
		$this->assertSame( array( 'id', 'fields', 'enabled', 'label', 'preset' ), array_keys( $args['PUT'] ) );
		$this->assertStringContainsString( 'Required, unless preset is sent.', $args['PUT']['fields']['description'] );
		$this->assertTrue( $args['PUT']['enabled']['default'] );
		$this->assertArrayHasKey( 'env', $index['routes']['/wp-coding-agents/v1/attribution/preview']['endpoints'][0]['args'] );

		$this->assertSame( 200, rest_do_request( new WP_REST_Request( 'GET', '/wp-coding-agents/v1/runtimes' ) )->get_status() );
		$options = rest_do_request( new WP_REST_Request( 'OPTIONS', '/wp-coding-agents/v1/runtimes/kimaki' ) )->get_data();
		$this->assertSame( array_keys( $args ), array_keys( self::args_by_method( $options ) ) );
		$this->assertSame( $args['PATCH'], self::args_by_method( $options )['PATCH'] );
	}
}
