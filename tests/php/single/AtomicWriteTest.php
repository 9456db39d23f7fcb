<?php
/**
 * A write killed at each step (kill -9 of the PHP process doing it) leaves the registry
 * exactly as before or exactly as after, and DMC's option valid at every moment.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Published_Option_Reader;
use WP_Coding_Agents\Runtimes\Storage\Signature_Record;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Each scenario changes both options (the published one and the metadata), which is where
 * a half-done write could lose a mapping.
 */
class AtomicWriteTest extends Test_Case {

	/** Steps of Signature_Record::write() a process is stopped at, then killed. */
	public const STEPS = array( 'begin', 'intent', 'published', 'done' );

	public const CUSTOM = array( 'session_id' => 'CUSTOM_SESSION_ID' );

	/**
	 * Kills counted over the class (printed at the end for the README's figures).
	 *
	 * @var int
	 */
	private static $kills = 0;

	public static function tearDownAfterClass(): void {
		fwrite( STDERR, "\nAtomicWriteTest: " . self::$kills . " PHP processes killed (kill -9) inside a write, every one left the old or the new state\n" );
		parent::tearDownAfterClass();
	}

	/**
	 * Scenarios: a REST request changing both options, from a registry of three runtimes.
	 *
	 * @return array[] `name => [ method, route, body|null ]`.
	 */
	public function scenarios() {
		return array(
			'disable a runtime (its mapping moves to the metadata)' => array( 'PATCH', '/runtimes/custom', array( 'enabled' => false ) ),
			'register a runtime'                                    => array( 'PUT', '/runtimes/added', array( 'fields' => array( 'run_id' => 'ADDED_RUN_ID' ) ) ),
			'delete a runtime'                                      => array( 'DELETE', '/runtimes/kimaki', null ),
			'reorder'                                               => array( 'PUT', '/order', array( 'order' => array( 'custom', 'off', 'kimaki' ) ) ),
		);
	}

	private function set_up_registry() {
		self::reset_options();
		$store = $this->store();
		$store->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$store->put( 'off', array( 'fields' => array( 'thread_id' => 'OFF_THREAD_ID' ) ) );
		$store->patch( 'off', array( 'enabled' => false ) );
		$store->put( 'custom', array( 'fields' => self::CUSTOM ) );
	}

	/**
	 * What a reader sees now, from the database: the items (without timestamps and the ETags
	 * digesting them, which differ between runs) and the filter's value, which is what DMC receives.
	 *
	 * @return array
	 */
	private function observed() {
		self::forget_cached_options();
		$items = array_map(
			static function ( array $item ) {
				unset( $item['updated_at'], $item['etag'] );
				return $item;
			},
			$this->store()->list_items()
		);
		return array(
			'items'      => $items,
			'signatures' => apply_filters( Signature_Store::OPTION, array() ),
		);
	}

	/**
	 * The option DMC's filter is built from must hold one whole valid value.
	 *
	 * @param string $when Message.
	 */
	private function assert_dmc_option_is_valid( $when ) {
		$stored = $this->stored();
		$this->assertTrue( null === $stored || is_array( $stored ), $when );
		$this->assertSame( array(), ( new Published_Option_Reader() )->problems( $stored ), $when );
	}

	/**
	 * @dataProvider scenarios
	 */
	public function test_a_write_killed_at_any_step_leaves_the_old_or_the_new_state( $method, $route, $body ) {
		$this->set_up_registry();
		$before = $this->observed();
		$this->assertLessThan( 300, rest_do_request( $this->request( $method, $route, $body ) )->get_status() );
		$after = $this->observed();
		$this->assertNotSame( $before, $after, 'The scenario changes something.' );

		foreach ( self::STEPS as $step ) {
			$this->set_up_registry();
			$worker = $this->start_worker( $method, $route, $body, $step );
			try {
				$expected = $this->observed();
				$this->assertTrue( $expected === $before || $expected === $after, "while stopped at $step: neither the old nor the new state\n" . wp_json_encode( $expected ) );
				$this->assert_dmc_option_is_valid( "while stopped at $step" );
			} finally {
				// Also when an assertion failed: a paused worker left alive would finish its write later.
				$this->kill( $worker );
			}
			$this->assertSame( $expected, $this->observed(), "after kill -9 at $step" );
			$this->assert_dmc_option_is_valid( "after kill -9 at $step" );
			$this->assertSame( $expected['signatures'], $this->signatures_over_http(), "a PHP worker of the site after kill -9 at $step" );

			// The dead process left its lock row; the lock takes such a row over once stale (LockTest).
			delete_option( Signature_Store::LOCK_OPTION );
			$this->store()->put( 'later', array( 'fields' => array( 'run_id' => 'LATER_RUN_ID' ) ) );
			$meta = $this->stored( Signature_Store::META_OPTION );
			$this->assertArrayNotHasKey( Signature_Record::INTENT, $meta, "the next write after a kill at $step finishes the record" );
			$this->assertSame( $expected['signatures'] + array( 'later' => array( 'run_id' => 'LATER_RUN_ID' ) ), $this->stored(), "DMC's option after the next write (kill at $step)" );
		}
	}

	private function request( $method, $route, $body ) {
		$request = new \WP_REST_Request( $method, '/wp-coding-agents/v1' . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( wp_json_encode( $body ) );
		}
		return $request;
	}

	/**
	 * A PHP process that runs the request through the REST server and stops at a step.
	 *
	 * @return array{process: resource, pipes: array}
	 */
	private function start_worker( $method, $route, $body, $step ) {
		$code    = sprintf(
			'wp_set_current_user( %d );
			add_action( %s, static function ( $step ) {
				if ( %s === $step ) {
					echo "paused\n";
					sleep( 60 );
				}
			} );
			$request = new WP_REST_Request( %s, %s );
			$body = %s;
			if ( null !== $body ) {
				$request->set_header( "Content-Type", "application/json" );
				$request->set_body( $body );
			}
			$status = rest_do_request( $request )->get_status();
			echo "finished $status\n";',
			(int) WPCA_TEST_SITE['users']['admin']['id'],
			var_export( Signature_Record::STEP_ACTION, true ),
			var_export( $step, true ),
			var_export( $method, true ),
			var_export( '/wp-coding-agents/v1' . $route, true ),
			var_export( null === $body ? null : wp_json_encode( $body ), true )
		);
		$process = proc_open(
			array( PHP_BINARY, dirname( __DIR__, 3 ) . '/scripts/lib/wp-eval.php', WPCA_TEST_SITE['wpDir'], WPCA_TEST_SITE['url'] ),
			array( array( 'pipe', 'r' ), array( 'pipe', 'w' ), array( 'pipe', 'w' ) ),
			$pipes
		);
		fwrite( $pipes[0], $code );
		fclose( $pipes[0] );
		$line = $this->read_line( $pipes[1], 20 );
		if ( "paused\n" !== $line ) {
			$this->fail( "The write never reached step $step: " . $line . stream_get_contents( $pipes[2] ) );
		}
		return array(
			'process' => $process,
			'pipes'   => $pipes,
		);
	}

	private function read_line( $pipe, $timeout ) {
		$read   = array( $pipe );
		$write  = null;
		$except = null;
		if ( 0 === stream_select( $read, $write, $except, $timeout ) ) {
			return '(timeout)';
		}
		return (string) fgets( $pipe );
	}

	private function kill( array $worker ) {
		$this->assertTrue( proc_get_status( $worker['process'] )['running'] );
		proc_terminate( $worker['process'], 9 );
		do {
			usleep( 10000 );
			$status = proc_get_status( $worker['process'] );
		} while ( $status['running'] );
		$this->assertTrue( $status['signaled'] );
		$this->assertSame( 9, $status['termsig'] );
		fclose( $worker['pipes'][1] );
		fclose( $worker['pipes'][2] );
		proc_close( $worker['process'] );
		++self::$kills;
	}

	/**
	 * What DMC would receive in another process: the filter value, from GET /signatures.
	 */
	private function signatures_over_http() {
		$admin    = WPCA_TEST_SITE['users']['admin'];
		$response = wp_remote_get(
			WPCA_TEST_SITE['restUrl'] . 'wp-coding-agents/v1/signatures',
			array(
				'headers' => array( 'Authorization' => 'Basic ' . base64_encode( $admin['username'] . ':' . $admin['appPassword'] ) ),
				'timeout' => 20,
			)
		);
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ) );
		return json_decode( wp_remote_retrieve_body( $response ), true )['signatures'];
	}
}
