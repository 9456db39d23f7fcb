<?php
/**
 * Whatever sits in the published option, nothing warns and the valid parts still publish.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Corrupted or foreign values of `datamachine_code_worktree_runtime_signatures`.
 * The base class fails any test during which PHP raised a notice or warning.
 */
class CorruptedOptionTest extends Test_Case {

	/**
	 * A value mixing valid and invalid entries, as a hand edit or another plugin might leave it.
	 *
	 * @return array
	 */
	private static function mixed_value() {
		return array(
			123          => array( 'session_id' => 'DIGIT_ID' ),
			'good'       => array(
				'session_id' => 'GOOD_SESSION_ID',
				'BadKey'     => 'X',
				'thread_id'  => '',
				'nested'     => array( 'deep' => array( 'deeper' => 'Y' ) ),
				0            => 'INT_SUBKEY',
				'run_id'     => 'GOOD_RUN_ID',
			),
			'not-array'  => 'KIMAKI_SESSION_ID',
			'a_b'        => array( 'session_id' => 'UNDERSCORE' ),
			'empty'      => array(),
			'all-bad'    => array( 'x' => null ),
			'obj'        => (object) array( 'session_id' => 'OBJ' ),
			'bad-env'    => array(
				'session_id' => 'has space',
				'ok'         => 'OK_ENV',
			),
		);
	}

	public function test_a_string_publishes_nothing_and_is_reported() {
		update_option( Signature_Store::OPTION, 'garbage', false );

		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ) );
		$problems = $this->store()->problems();
		$this->assertSame( 'wpca_invalid_option', $problems[0]['code'] );
		$this->assertSame( '', $problems[0]['id'] );
		$this->assertSame( array( 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
	}

	/**
	 * @return array[]
	 */
	public function scalars() {
		return array(
			'integer' => array( 42 ),
			'true'    => array( true ),
			'float'   => array( 1.5 ),
			'object'  => array( (object) array( 'kimaki' => array( 'session_id' => 'X' ) ) ),
		);
	}

	/**
	 * @dataProvider scalars
	 *
	 * @param mixed $value Stored value.
	 */
	public function test_other_non_arrays_publish_nothing( $value ) {
		update_option( Signature_Store::OPTION, $value, false );

		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ) );
		$this->assertSame( 'wpca_invalid_option', $this->store()->problems()[0]['code'] );
	}

	public function test_valid_entries_and_pairs_publish_and_the_rest_is_reported() {
		update_option( Signature_Store::OPTION, self::mixed_value(), false );

		$this->assertSame(
			array(
				'good'    => array(
					'session_id' => 'GOOD_SESSION_ID',
					'run_id'     => 'GOOD_RUN_ID',
				),
				'bad-env' => array( 'ok' => 'OK_ENV' ),
			),
			apply_filters( Filter_Publisher::HOOK, array() )
		);

		$problems = array_map(
			static function ( $problem ) {
				return $problem['id'] . ( isset( $problem['subkey'] ) ? '/' . $problem['subkey'] : '' ) . ' ' . $problem['code'];
			},
			$this->store()->problems()
		);
		$this->assertSame(
			array(
				'123 wpca_invalid_id',
				'good/BadKey wpca_invalid_subkey',
				'good/thread_id wpca_invalid_env_name',
				'good/nested wpca_invalid_env_name',
				'good/0 wpca_invalid_subkey',
				'not-array wpca_invalid_entry',
				'a_b wpca_invalid_id',
				'empty wpca_empty_entry',
				'all-bad/x wpca_invalid_env_name',
				'all-bad wpca_empty_entry',
				'obj wpca_invalid_entry',
				'bad-env/session_id wpca_invalid_env_name',
			),
			$problems
		);
		foreach ( $this->store()->problems() as $problem ) {
			$this->assertNotSame( '', $problem['message'] );
		}
	}

	public function test_the_runtimes_list_shows_the_valid_entries_as_external() {
		update_option( Signature_Store::OPTION, self::mixed_value(), false );

		$items = $this->store()->list_items();

		$this->assertSame( array( 'good', 'bad-env', 'kimaki', 'opencode' ), self::ids( $items ) );
		$this->assertSame( 'external', $items[0]['source'] );
	}

	public function test_an_unrelated_write_keeps_what_it_cannot_read_and_only_repair_drops_it() {
		update_option( Signature_Store::OPTION, self::mixed_value(), false );

		$this->store()->put( 'kimaki', array( 'fields' => array( 'session_id' => 'KIMAKI_SESSION_ID' ) ) );

		$stored = $this->stored();
		$this->assertSame( self::mixed_value()['good'], $stored['good'] );
		$this->assertArrayHasKey( 123, $stored );
		$this->assertArrayHasKey( 'a_b', $stored );
		$this->assertSame( array( 'session_id' => 'KIMAKI_SESSION_ID' ), $stored['kimaki'] );

		$this->assertTrue( $this->store()->repair() );

		$this->assertSame(
			array(
				'good'    => array(
					'session_id' => 'GOOD_SESSION_ID',
					'run_id'     => 'GOOD_RUN_ID',
				),
				'bad-env' => array( 'ok' => 'OK_ENV' ),
				'kimaki'  => array( 'session_id' => 'KIMAKI_SESSION_ID' ),
			),
			$this->stored()
		);
		$this->assertSame( array(), $this->store()->problems() );
		$this->assertSame( 'off', $this->autoload_of( Signature_Store::OPTION ) );
	}

	public function test_repair_of_a_string_leaves_no_option() {
		update_option( Signature_Store::OPTION, 'garbage', false );

		$this->store()->repair();

		$this->assertNull( $this->stored() );
		$this->assertSame( array(), $this->store()->problems() );
	}

	public function test_a_corrupted_metadata_option_is_ignored() {
		$this->store()->put( 'custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		foreach ( array( 'junk', array( 'runtimes' => 'junk' ), array( 'runtimes' => array( 'custom' => 'junk', 5 => array() ) ) ) as $meta ) {
			update_option( Signature_Store::META_OPTION, $meta, false );

			$item = $this->store()->get_item( 'custom' );

			$this->assertSame( 'external', $item['source'] );
			$this->assertSame( array( 'session_id' => 'C' ), $item['fields'] );
		}
	}
}
