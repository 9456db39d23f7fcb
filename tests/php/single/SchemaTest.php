<?php
/**
 * The validation table of docs/rest-api.md.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Schema;

/**
 * Ids, subkeys, env var names, labels and field maps.
 */
class SchemaTest extends Test_Case {

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
		$result = Schema::validate_id( $id );

		if ( $valid ) {
			$this->assertTrue( $result );
			return;
		}
		$this->assertSame( 'wpca_invalid_id', $result->get_error_code() );
		$this->assertSame( 400, $result->get_error_data()['status'] );
		$this->assertSame( array( 'id' ), array_keys( $result->get_error_data()['params'] ) );
		$this->assertStringContainsString( 'id', $result->get_error_message() );
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
		$result = Schema::validate_fields( $fields );

		if ( $valid ) {
			$this->assertSame( $fields, $result );
			return;
		}
		$this->assertSame( 'wpca_invalid_fields', $result->get_error_code() );
		$this->assertSame( array( 'fields' ), array_keys( $result->get_error_data()['params'] ) );
	}

	public function test_labels_are_plain_text_of_at_most_100_characters() {
		$tags = Schema::validate_runtime_body(
			array(
				'fields' => array( 'a' => 'B' ),
				'label'  => '<b>Bold</b> agent',
			),
			false
		);
		$max  = Schema::validate_runtime_body(
			array(
				'fields' => array( 'a' => 'B' ),
				'label'  => str_repeat( 'é', 100 ),
			),
			false
		);
		$long = Schema::validate_runtime_body(
			array(
				'fields' => array( 'a' => 'B' ),
				'label'  => str_repeat( 'x', 101 ),
			),
			false
		);

		$this->assertSame( 'Bold agent', $tags['label'] );
		$this->assertSame( str_repeat( 'é', 100 ), $max['label'] );
		$this->assertSame( 'wpca_invalid_label', $long->get_error_code() );
	}

	/**
	 * @return array[]
	 */
	public function bodies() {
		$fields = array( 'a' => 'B' );
		return array(
			'no fields on PUT'  => array( array( 'enabled' => true ), false, 'wpca_missing_fields', 'fields' ),
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
		$result = Schema::validate_runtime_body( $body, $is_patch );

		$this->assertSame( $code, $result->get_error_code() );
		$this->assertSame( 400, $result->get_error_data()['status'] );
		$this->assertSame( array( $field ), array_keys( $result->get_error_data()['params'] ) );
	}

	public function test_an_empty_label_is_accepted_and_means_the_default() {
		$empty = Schema::validate_runtime_body( array( 'label' => '  ' ), true );

		$this->assertSame( array( 'label' => '' ), $empty );
	}

	public function test_a_route_without_a_body_accepts_none_or_an_empty_object_only() {
		$unknown = Schema::validate_no_body( array( 'force' => true ) );

		$this->assertTrue( Schema::validate_no_body( null ) );
		$this->assertTrue( Schema::validate_no_body( array() ) );
		$this->assertSame( 'wpca_unknown_property', $unknown->get_error_code() );
		$this->assertSame( array( 'force' ), array_keys( $unknown->get_error_data()['params'] ) );
		$this->assertStringContainsString( 'takes no body', $unknown->get_error_message() );
		$this->assertSame( 'wpca_invalid_body', Schema::validate_no_body( array( 1 ) )->get_error_code() );
	}

	public function test_the_item_schema_describes_every_property_of_an_item() {
		$schema = Schema::get_item_schema();
		$item   = $this->store()->get_item( 'kimaki' );

		$this->assertSame( array_keys( $item ), array_keys( $schema['properties'] ) );
		$this->assertTrue( rest_validate_value_from_schema( $item, $schema ) );
	}
}
