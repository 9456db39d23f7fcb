<?php
/**
 * Input at the edges of its standards: entity tags (RFC 9110), JSON integers beyond PHP's,
 * Unicode direction controls in labels.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

/**
 * Through the REST server. The entity-tag and label tests failed before: `If-Match: "*"`
 * and `If-Match: W/"<current>"` wrote (200), a label kept U+202E.
 */
class EdgeInputTest extends Test_Case {

	private function send( $method, $route, $body = null, $if_match = null ) {
		$request = new WP_REST_Request( $method, '/wp-coding-agents/v1' . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : wp_json_encode( $body ) );
		}
		if ( null !== $if_match ) {
			$request->set_header( 'If-Match', $if_match );
		}
		$response = rest_do_request( $request );
		return array( $response->get_status(), $response->get_data() );
	}

	private function stored_options() {
		return array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_only_a_bare_star_is_the_wildcard_and_tags_compare_strongly() {
		$this->register_presets();
		list( , $item ) = $this->send( 'GET', '/runtimes/kimaki' );
		$etag           = $item['etag'];
		$before         = $this->stored_options();

		// RFC 9110 13.1.1: "*" in quotes is an entity tag like any other, matching none of ours.
		foreach ( array( '"*"', 'W/"' . $etag . '"', '"*", "nope"' ) as $header ) {
			list( $status, $data ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => 'K' ), $header );
			$this->assertSame( 412, $status, $header );
			$this->assertSame( 'wpca_conflict', $data['code'], $header );
		}
		$this->assertSame( $before, $this->stored_options() );

		// The wildcard is a header of its own, never a member of a list.
		list( $status, $data ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => 'K' ), '"' . $etag . '", *' );
		$this->assertSame( 400, $status );
		$this->assertSame( 'wpca_invalid_if_match', $data['code'] );
		$this->assertSame( $before, $this->stored_options() );

		list( $status ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => 'K' ), ' * ' );
		$this->assertSame( 200, $status );
		list( , $item ) = $this->send( 'GET', '/runtimes/kimaki' );
		list( $status ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => 'L' ), '"nope", "' . $item['etag'] . '"' );
		$this->assertSame( 200, $status );
	}

	/**
	 * JSON numbers PHP cannot hold as an integer: a float, a number beyond PHP_INT_MAX
	 * (json_decode() makes it a float), PHP_INT_MAX itself. (Already a 400 before this
	 * test was written: the JSON type check Input_Rules gained with the REST controllers;
	 * the issue's TypeError was the code before that.)
	 */
	public function test_integers_beyond_any_page_are_a_400_naming_the_field() {
		foreach ( array( '1e300', '-1e300', '99999999999999999999', (string) PHP_INT_MAX, (string) PHP_INT_MIN, '1.5', '"2"', 'true' ) as $number ) {
			foreach ( array( 'page', 'per_page' ) as $field ) {
				list( $status, $data ) = $this->send( 'GET', '/attribution/worktrees', '{"' . $field . '":' . $number . '}' );
				$this->assertSame( 400, $status, "$field $number" );
				$this->assertSame( "wpca_invalid_$field", $data['code'], "$field $number" );
				$this->assertSame( array( $field ), array_keys( $data['data']['params'] ), "$field $number" );
			}
		}
		foreach ( array( '1e300', '99999999999999999999', (string) PHP_INT_MAX, '-1' ) as $number ) {
			list( $status, $data ) = $this->send( 'PUT', '/attribution/observation-settings', '{"window_days":' . $number . '}' );
			$this->assertSame( 400, $status, "window_days $number" );
			$this->assertSame( 'wpca_invalid_window_days', $data['code'] );
		}
	}

	public function test_labels_lose_direction_controls_so_they_display_as_sent() {
		$this->register_presets();
		list( $status, $item ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => "Kimaki \u{202E}gnp.exe\u{202C} \u{2066}bot\u{2069}\u{200F}" ) );
		$this->assertSame( 200, $status );
		$this->assertSame( 'Kimaki gnp.exe bot', $item['label'] );

		// A label of direction controls alone would silently become the default label.
		list( $status, $data ) = $this->send( 'PATCH', '/runtimes/kimaki', array( 'label' => "\u{202E}\u{202D}" ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'wpca_invalid_label', $data['code'] );

		// Stored before (or by other code): shown without them.
		$meta                                = $this->stored( Signature_Store::META_OPTION );
		$meta['runtimes']['kimaki']['label'] = "evil\u{202E}ikamik";
		update_option( Signature_Store::META_OPTION, $meta, false );
		self::forget_cached_options();
		list( , $item ) = $this->send( 'GET', '/runtimes/kimaki' );
		$this->assertSame( 'evilikamik', $item['label'] );
	}
}
