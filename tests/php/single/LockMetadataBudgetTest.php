<?php
/**
 * DMC's 8,192-byte lock metadata budget, measured with the same encoding DMC uses.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_REST_Request;

/**
 * The edges: exactly 8,192 bytes, one over, a multibyte character at the 300-byte cut.
 */
class LockMetadataBudgetTest extends Test_Case {

	/** Bytes `,"runtime_ids":` adds to the metadata JSON besides the value. */
	public const KEY_OVERHEAD = 15;

	private function budget() {
		return new Lock_Metadata_Budget();
	}

	/**
	 * Runtime ids whose lock metadata JSON is exactly this long: 300-byte values, the last one shortened.
	 *
	 * @param int $total Wanted total bytes.
	 * @return array
	 */
	private function runtime_ids_totalling( $total ) {
		$ids   = array();
		$index = 0;
		while ( $this->budget()->measure( $ids )['total_bytes'] < $total ) {
			$ids['agent'][ 'k' . $index++ ] = str_repeat( 'v', 300 );
		}
		$last                  = 'k' . ( $index - 1 );
		$over                  = $this->budget()->measure( $ids )['total_bytes'] - $total;
		$ids['agent'][ $last ] = str_repeat( 'v', 300 - $over );
		return $ids;
	}

	/**
	 * What DMC reads back from a stored lock (WorkspaceLockStore::decode_metadata()).
	 *
	 * @param string $stored Stored JSON.
	 * @return array
	 */
	private static function dmc_reads_back( $stored ) {
		$decoded = json_decode( $stored, true );
		return is_array( $decoded ) ? $decoded : array();
	}

	public function test_dmcs_own_keys_at_their_largest_take_the_stated_margin() {
		$empty = $this->budget()->measure( array() );

		$this->assertSame( 3203, $empty['reserved_bytes'] );
		$this->assertSame( 3203, $empty['total_bytes'] );
		$this->assertSame( 0, $empty['runtime_ids_bytes'] );
		$this->assertSame( 8192, $empty['budget'] );
	}

	public function test_exactly_8192_bytes_fit_and_read_back_whole() {
		$ids = $this->runtime_ids_totalling( 8192 );

		$measured = $this->budget()->measure( $ids );

		$this->assertSame( 8192, $measured['total_bytes'] );
		$this->assertTrue( $measured['fits'] );
		$this->assertSame( $measured['reserved_bytes'] + self::KEY_OVERHEAD + $measured['runtime_ids_bytes'], $measured['total_bytes'] );
		$this->assertSame( $ids, self::dmc_reads_back( Lock_Metadata_Budget::stored( $ids ) )['owner_context']['runtime_ids'] );
	}

	public function test_one_byte_over_loses_the_whole_lock_metadata() {
		$ids = $this->runtime_ids_totalling( 8193 );

		$measured = $this->budget()->measure( $ids );

		$this->assertSame( 8193, $measured['total_bytes'] );
		$this->assertFalse( $measured['fits'] );
		// DMC stores the JSON cut at 8,192 bytes, which no longer parses: nothing reads back.
		$this->assertSame( 8192, strlen( Lock_Metadata_Budget::stored( $ids ) ) );
		$this->assertSame( array(), self::dmc_reads_back( Lock_Metadata_Budget::stored( $ids ) ) );
	}

	public function test_a_multibyte_character_split_by_the_300_byte_cut_is_measured_as_wordpress_encodes_it() {
		$signatures = array( 'kimaki' => array( 'session_id' => 'KIMAKI_SESSION_ID' ) );
		$resolver   = new Attribution_Resolver();
		// 299 ASCII bytes and a two-byte "é": DMC's substr( …, 0, 300 ) keeps half of it.
		$split = $resolver->lock_owner_ids( $signatures, array( 'KIMAKI_SESSION_ID' => str_repeat( 'a', 299 ) . 'é' ) );
		$this->assertSame( 300, strlen( $split['kimaki']['session_id'] ) );
		$this->assertFalse( mb_check_encoding( $split['kimaki']['session_id'], 'UTF-8' ) );

		// wp_json_encode() repairs the invalid byte as one "?", as it does for DMC.
		$this->assertSame( strlen( '{"kimaki":{"session_id":"' . str_repeat( 'a', 299 ) . '?"}}' ), $this->budget()->measure( $split )['runtime_ids_bytes'] );

		// Whole multibyte characters are escaped: 150 "é" (300 bytes) take 900 bytes of JSON.
		$whole = $resolver->lock_owner_ids( $signatures, array( 'KIMAKI_SESSION_ID' => str_repeat( 'é', 150 ) ) );
		$this->assertSame( strlen( '{"kimaki":{"session_id":""}}' ) + 900, $this->budget()->measure( $whole )['runtime_ids_bytes'] );
	}

	public function test_slashes_count_escaped_as_dmc_stores_them() {
		$ids = array( 'kimaki' => array( 'thread_url' => 'https://discord.com/channels/1/2' ) );

		$this->assertSame( strlen( '{"kimaki":{"thread_url":"https:\/\/discord.com\/channels\/1\/2"}}' ), $this->budget()->measure( $ids )['runtime_ids_bytes'] );
	}

	public function test_the_presets_fit_at_300_bytes_a_value_and_sixteen_values_do_not() {
		$presets = array(
			'kimaki'   => Presets::get( 'kimaki' )['fields'],
			'opencode' => Presets::get( 'opencode' )['fields'],
		);
		$this->assertTrue( $this->budget()->worst_case( $presets )['fits'] );

		$many = array();
		foreach ( array( 'a', 'b', 'c', 'd' ) as $id ) {
			$many[ "agent-$id" ] = array(
				'session_id' => 'S',
				'thread_id'  => 'T',
				'run_id'     => 'R',
				'channel_id' => 'C',
			);
		}
		$worst = $this->budget()->worst_case( $many );
		$this->assertFalse( $worst['fits'] );
		$this->assertGreaterThan( 8192, $worst['total_bytes'] );
	}

	public function test_the_preview_and_the_registry_report_the_budget_over_rest() {
		foreach ( array( 'a', 'b', 'c', 'd' ) as $id ) {
			$this->store()->put(
				"agent-$id",
				array(
					'fields' => array(
						'session_id' => 'S_' . strtoupper( $id ),
						'thread_id'  => 'T_' . strtoupper( $id ),
						'run_id'     => 'R_' . strtoupper( $id ),
						'channel_id' => 'C_' . strtoupper( $id ),
					),
				)
			);
		}

		$signatures = rest_do_request( new WP_REST_Request( 'GET', '/wp-coding-agents/v1/signatures' ) )->get_data();
		$this->assertFalse( $signatures['lock_budget']['fits'] );

		$request = new WP_REST_Request( 'POST', '/wp-coding-agents/v1/attribution/preview' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( wp_json_encode( array( 'env' => array( 'S_A' => 'session-1' ) ) ) );
		$preview = rest_do_request( $request )->get_data();
		$this->assertTrue( $preview['lock_budget']['fits'] );
		$this->assertSame( strlen( '{"agent-a":{"session_id":"session-1"}}' ), $preview['lock_budget']['runtime_ids_bytes'] );
	}
}
