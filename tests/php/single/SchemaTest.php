<?php
/**
 * The validation table of docs/rest-api.md: through the REST API (the controllers'
 * schemas, validated by WordPress, and Input_Rules) and through Signature_Rules (what
 * the adopter and the no-JavaScript form check with), which must agree.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Runtimes_Controller;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;

/**
 * Ids, subkeys, env var names, labels and field maps.
 */
class SchemaTest extends Test_Case {

	/**
	 * Asserts a `rest_invalid_param`-shaped error with this code and field.
	 *
	 * @param string $code   Expected code.
	 * @param string $field  Expected field in data.params.
	 * @param array  $result `[ status, data ]` from call().
	 */
	private function assertRejected( string $code, string $field, array $result ) {
		list( $status, $data ) = $result;
		$this->assertSame( 400, $status );
		$this->assertSame( $code, $data['code'] );
		$this->assertSame( 400, $data['data']['status'] );
		$this->assertSame( array( $field ), array_keys( $data['data']['params'] ) );
	}

	/**
	 * @return array[]
	 */
	public function id_cases() {
		return array(
			'plain'              => array( 'kimaki', true ),
			'with dash'          => array( 'claude-code', true ),
			'digits after start' => array( 'a1-2b', true ),
			'64 chars'           => array( str_repeat( 'a', 64 ), true ),
			'all digits'         => array( '123', false ),
			'integer'            => array( 123, false ),
			'underscore'         => array( 'a_b', false ),
			'leading dash'       => array( '-a', false ),
			'trailing dash'      => array( 'a-', false ),
			'double dash'        => array( 'a--b', false ),
			'uppercase'          => array( 'A', false ),
			'65 chars'           => array( str_repeat( 'a', 65 ), false ),
			'empty'              => array( '', false ),
			'trailing newline'   => array( "a\n", false ),
			'array'              => array( array( 'a' ), false ),
			'null'               => array( null, false ),
		);
	}

	/**
	 * @dataProvider id_cases
	 *
	 * @param mixed $id    Candidate.
	 * @param bool  $valid Expected.
	 */
	public function test_runtime_ids( $id, $valid ) {
		$result = Signature_Rules::check_id( $id );
		if ( is_string( $id ) && '' !== $id ) {
			$rest = $this->call( 'PUT', '/runtimes/' . rawurlencode( $id ), array( 'fields' => array( 'a' => 'B' ) ) );
		}

		if ( $valid ) {
			$this->assertTrue( $result );
			$this->assertSame( 201, $rest[0] );
			return;
		}
		$this->assertSame( 'wpca_invalid_id', $result->get_error_code() );
		$this->assertSame( 400, $result->get_error_data()['status'] );
		$this->assertSame( array( 'id' ), array_keys( $result->get_error_data()['params'] ) );
		$this->assertStringContainsString( 'id', $result->get_error_message() );
		if ( isset( $rest ) ) {
			$this->assertRejected( 'wpca_invalid_id', 'id', $rest );
			$this->assertSame( $result->get_error_message(), $rest[1]['message'] );
		}
		$this->assertNull( $this->stored(), 'Nothing was stored.' );
	}

	/**
	 * @return array[]
	 */
	public function field_maps() {
		$sixteen = array();
		for ( $i = 1; $i <= 16; $i++ ) {
			$sixteen[ 'k' . $i ] = 'ENV_' . $i;
		}
		return array(
			'preset'                 => array( array( 'session_id' => 'KIMAKI_SESSION_ID' ), true ),
			'16 subkeys'             => array( $sixteen, true ),
			'lowercase env name'     => array( array( 'a' => '_lower_1' ), true ),
			'64-char subkey'         => array( array( str_repeat( 's', 64 ) => 'X' ), true ),
			'128-char env name'      => array( array( 'a' => str_repeat( 'E', 128 ) ), true ),
			'17 subkeys'             => array( $sixteen + array( 'k17' => 'ENV_17' ), false ),
			'empty'                  => array( array(), false ),
			'not an object'          => array( 'KIMAKI_SESSION_ID', false ),
			'null'                   => array( null, false ),
			'list'                   => array( array( 'KIMAKI_SESSION_ID' ), false ),
			'uppercase subkey'       => array( array( 'Session' => 'X' ), false ),
			'digit-first subkey'     => array( array( '1a' => 'X' ), false ),
			'dash in subkey'         => array( array( 'a-b' => 'X' ), false ),
			'65-char subkey'         => array( array( str_repeat( 's', 65 ) => 'X' ), false ),
			'subkey with newline'    => array( array( "a\n" => 'X' ), false ),
			'empty env name'         => array( array( 'a' => '' ), false ),
			'digit-first env name'   => array( array( 'a' => '1X' ), false ),
			'env name with dash'     => array( array( 'a' => 'A-B' ), false ),
			'env name with newline'  => array( array( 'a' => "A\n" ), false ),
			'129-char env name'      => array( array( 'a' => str_repeat( 'E', 129 ) ), false ),
			'nested object'          => array( array( 'a' => array( 'b' => 'C' ) ), false ),
			'number as env name'     => array( array( 'a' => 5 ), false ),
		);
	}

	/**
	 * @dataProvider field_maps
	 *
	 * @param mixed $fields Candidate.
	 * @param bool  $valid  Expected.
	 */
	public function test_field_maps( $fields, $valid ) {
		$result = Signature_Rules::check_fields( $fields );
		$rest   = $this->call( 'PUT', '/runtimes/custom', array( 'fields' => $fields ) );

		if ( $valid ) {
			$this->assertSame( $fields, $result );
			$this->assertSame( 201, $rest[0] );
			$this->assertSame( $fields, $rest[1]['fields'] );
			return;
		}
		$this->assertSame( 'wpca_invalid_fields', $result->get_error_code() );
		$this->assertSame( array( 'fields' ), array_keys( $result->get_error_data()['params'] ) );
		$this->assertRejected( 'wpca_invalid_fields', 'fields', $rest );
		$this->assertNull( $this->stored(), 'Nothing was stored.' );
	}

	public function test_labels_are_plain_text_of_at_most_100_characters() {
		$label = static function ( $label ) {
			return array(
				'fields' => array( 'a' => 'B' ),
				'label'  => $label,
			);
		};
		$tags  = $this->call( 'PUT', '/runtimes/tags', $label( '<b>Bold</b> agent' ) );
		$max   = $this->call( 'PUT', '/runtimes/max', $label( str_repeat( 'é', 100 ) ) );
		$long  = $this->call( 'PUT', '/runtimes/long', $label( str_repeat( 'x', 101 ) ) );

		$this->assertSame( 'Bold agent', $tags[1]['label'] );
		$this->assertSame( str_repeat( 'é', 100 ), $max[1]['label'] );
		$this->assertRejected( 'wpca_invalid_label', 'label', $long );
	}

	/**
	 * @return array[]
	 */
	public function bodies() {
		$fields = array( 'a' => 'B' );
		return array(
			'no fields on PUT'  => array( array( 'enabled' => true ), false, 'wpca_missing_fields', 'fields' ),
			'null fields'       => array( array( 'fields' => null ), false, 'wpca_invalid_fields', 'fields' ),
			'null enabled'      => array( array( 'fields' => $fields, 'enabled' => null ), false, 'wpca_invalid_enabled', 'enabled' ),
			'unknown property'  => array( array( 'fields' => $fields, 'id' => 'x' ), false, 'wpca_unknown_property', 'id' ),
			'string enabled'    => array( array( 'fields' => $fields, 'enabled' => 'true' ), false, 'wpca_invalid_enabled', 'enabled' ),
			'number enabled'    => array( array( 'fields' => $fields, 'enabled' => 1 ), false, 'wpca_invalid_enabled', 'enabled' ),
			'array label'       => array( array( 'fields' => $fields, 'label' => array( 'x' ) ), false, 'wpca_invalid_label', 'label' ),
			'null label'        => array( array( 'fields' => $fields, 'label' => null ), false, 'wpca_invalid_label', 'label' ),
			'markup-only label' => array( array( 'fields' => $fields, 'label' => '<b></b><script>x</script>' ), false, 'wpca_invalid_label', 'label' ),
			'empty PATCH'       => array( array(), true, 'wpca_empty_patch', 'body' ),
			'list body'         => array( array( 1, 2 ), false, 'wpca_invalid_body', 'body' ),
			'scalar body'       => array( 'x', true, 'wpca_invalid_body', 'body' ),
		);
	}

	/**
	 * @dataProvider bodies
	 *
	 * @param mixed  $body     Body.
	 * @param bool   $is_patch PATCH rather than PUT.
	 * @param string $code     Expected error code.
	 * @param string $field    Expected field in data.params.
	 */
	public function test_request_bodies( $body, $is_patch, $code, $field ) {
		$this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'a' => 'B' ) ) );
		$before = $this->stored();

		$result = $this->call( $is_patch ? 'PATCH' : 'PUT', '/runtimes/custom', is_string( $body ) ? wp_json_encode( $body ) : $body );

		$this->assertRejected( $code, $field, $result );
		$this->assertSame( $before, $this->stored(), 'Nothing changed.' );
	}

	public function test_an_empty_label_is_accepted_and_means_the_default() {
		list( $status, $item ) = $this->call( 'PATCH', '/runtimes/kimaki', array( 'label' => '  ' ) );

		$this->assertSame( 200, $status );
		$this->assertSame( 'Kimaki', $item['label'] );
	}

	public function test_a_route_without_a_body_accepts_none_or_an_empty_object_only() {
		$unknown = $this->call( 'POST', '/signatures/repair', array( 'force' => true ) );

		$this->assertSame( 200, $this->call( 'POST', '/signatures/repair' )[0] );
		$this->assertSame( 200, $this->call( 'POST', '/signatures/repair', '{}' )[0] );
		$this->assertRejected( 'wpca_unknown_property', 'force', $unknown );
		$this->assertStringContainsString( 'takes no body', $unknown[1]['message'] );
		$this->assertRejected( 'wpca_invalid_body', 'body', $this->call( 'POST', '/signatures/repair', array( 1 ) ) );
	}

	public function test_the_item_schema_describes_every_property_of_an_item() {
		$schema = Plugin::rest_controller( Runtimes_Controller::class )->get_public_item_schema();
		$item   = $this->store()->get_item( 'kimaki' );

		$this->assertSame( array_keys( $item ), array_keys( $schema['properties'] ) );
		$this->assertTrue( rest_validate_value_from_schema( $item, $schema ) );
	}
}
