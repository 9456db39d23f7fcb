<?php
/**
 * Byte budgets and honest writes: the observation history can never reach the database's
 * packet limit, and a write the database did not keep is an error, never `recorded: true`.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Verification_Log's budget and read-back.
 */
class StorageBudgetTest extends Test_Case {

	/**
	 * Registers the largest registry the rules allow (64 runtimes × 16 fields, 128-byte
	 * names) and answers an environment setting as many of its variables as a request may send.
	 *
	 * @return array<string, string>
	 */
	private function register_largest_registry(): array {
		$env = array();
		for ( $r = 0; $r < Schema::MAX_RUNTIMES; $r++ ) {
			$fields = array();
			for ( $f = 0; $f < Schema::MAX_FIELDS; $f++ ) {
				$name              = str_pad( sprintf( 'AGENT_R%02d_F%02d_', $r, $f ), Schema::ENV_NAME_MAX_LENGTH, 'X' );
				$fields[ "f{$f}" ] = $name;
				$env[ $name ]      = "value-{$r}-{$f}";
			}
			$this->assertIsArray( $this->store()->put( "rt{$r}", array( 'fields' => $fields ) ) );
		}
		return array_slice( $env, 0, Schema::ENV_MAX_VARIABLES, true );
	}

	public function test_the_history_of_the_largest_registry_stays_under_its_byte_budget_keeping_the_newest() {
		$env = $this->register_largest_registry();
		for ( $i = 1; $i <= 5; $i++ ) {
			$this->assertSame( 200, $this->observe( $env, array( 'host' => "host-{$i}" ) ) );
		}

		global $wpdb;
		$bytes = strlen( $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM `$wpdb->options` WHERE option_name = %s", Verification_Log::OPTION ) ) );
		$this->assertLessThanOrEqual( Verification_Log::MAX_BYTES, $bytes );
		$hosts = array_column( ( new Verification_Log() )->observations(), 'host' );
		$this->assertSame( 'host-5', $hosts[0], 'the newest observation is kept' );
		$this->assertLessThan( 5, count( $hosts ), 'the oldest were evicted to stay under the budget' );

		list( $status, $screen ) = $this->call( 'GET', '/screen' );
		$this->assertSame( 200, $status );
		$preload = strlen( wp_json_encode( $screen ) );
		fwrite( STDERR, sprintf( "\nGET /screen preload with the largest registry and a full history: %d bytes (history row %d bytes)\n", $preload, $bytes ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- the measured figure docs/security.md states.
		$this->assertLessThan( (int) ( 2.5 * 1024 * 1024 ), $preload, 'the ceiling docs/security.md states for the largest registry the rules allow' );
	}

	public function test_a_write_the_database_did_not_keep_is_a_coded_error_not_recorded() {
		$this->register_presets();
		$this->assertSame( 200, $this->observe( array( 'KIMAKI_SESSION_ID' => 'kept' ) ) );
		$refuse = static function ( $value, $old ) {
			return $old;
		};
		add_filter( 'pre_update_option_' . Verification_Log::OPTION, $refuse, 10, 2 );

		list( $status, $body ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => array( 'KIMAKI_SESSION_ID' => 'refused' ),
				'record' => true,
			)
		);
		remove_filter( 'pre_update_option_' . Verification_Log::OPTION, $refuse, 10 );

		$this->assertSame( 503, $status );
		$this->assertSame( 'wpca_not_stored', $body['code'] );
		$this->assertArrayNotHasKey( 'recorded', $body );
		$this->assertCount( 1, ( new Verification_Log() )->observations(), 'nothing was recorded' );
	}

	public function test_a_registry_write_the_database_did_not_keep_is_a_coded_error_and_changes_nothing() {
		$this->register_presets();
		$refuse = static function ( $value, $old ) {
			return $old;
		};
		add_filter( 'pre_update_option_' . Signature_Store::META_OPTION, $refuse, 10, 2 );

		list( $status, $body ) = $this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'CUSTOM_SESSION_ID' ) ) );
		remove_filter( 'pre_update_option_' . Signature_Store::META_OPTION, $refuse, 10 );

		$this->assertSame( 503, $status );
		$this->assertSame( 'wpca_not_stored', $body['code'] );
		self::forget_cached_options();
		$this->assertArrayNotHasKey( 'custom', $this->stored() );
		list( $status ) = $this->call( 'GET', '/runtimes/custom' );
		$this->assertSame( 404, $status );
	}
}
