<?php
/**
 * A writer whose lock was taken over (it held it past the abandonment threshold) never commits.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Record;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * The stale writer stalls inside its critical section (in a real hook it fires there) while
 * another request, whose abandonment threshold (injected: 0 s) that stall has outlasted,
 * takes the lock over and commits its own change.
 */
class LockFencingTest extends Test_Case {

	/**
	 * Another request taking over a lock it finds held, and writing under it.
	 *
	 * @param string   $lock_option Lock row.
	 * @param callable $change      The other request's change.
	 */
	private static function take_over( string $lock_option, callable $change ): void {
		$result = ( new Option_Lock( $lock_option, 1.0, 0.0 ) )->run( $change );
		if ( is_wp_error( $result ) ) {
			throw new \RuntimeException( $result->get_error_message() );
		}
	}

	public function test_a_registry_writer_whose_lock_was_taken_over_answers_lock_lost_and_writes_nothing() {
		$this->register_presets();
		$taken_over = false;
		$stall      = static function ( $step ) use ( &$taken_over ) {
			if ( 'begin' !== $step || $taken_over ) {
				return;
			}
			$taken_over = true;
			self::take_over(
				Signature_Store::LOCK_OPTION,
				static function () {
					update_option( Signature_Store::OPTION, array( 'newer' => array( 'session_id' => 'NEWER_SESSION_ID' ) ), false );
				}
			);
		};
		add_action( Signature_Record::STEP_ACTION, $stall );

		$error = $this->store()->put( 'stale', array( 'fields' => array( 'session_id' => 'STALE_SESSION_ID' ) ) );
		remove_action( Signature_Record::STEP_ACTION, $stall );

		$this->assertTrue( $taken_over );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'wpca_lock_lost', $error->get_error_code() );
		$this->assertSame( 503, $error->get_error_data()['status'] );
		self::forget_cached_options();
		$this->assertSame( array( 'newer' => array( 'session_id' => 'NEWER_SESSION_ID' ) ), $this->stored(), "the newer writer's change stands; the stale one wrote nothing" );
		$this->assertArrayNotHasKey( Signature_Record::INTENT, (array) $this->stored( Signature_Store::META_OPTION ), 'no write-ahead intent either' );
		$this->assertNull( $this->stored( Signature_Store::LOCK_OPTION ) );
	}

	public function test_an_observation_writer_whose_lock_was_taken_over_answers_lock_lost_and_records_nothing() {
		$this->register_presets();
		$this->assertSame( 200, $this->observe( array( 'KIMAKI_SESSION_ID' => 'first' ) ) );
		$taken_over = false;
		$stall      = static function ( $value ) use ( &$taken_over ) {
			if ( ! $taken_over ) {
				$taken_over = true;
				self::take_over( Verification_Log::LOCK_OPTION, '__return_null' );
			}
			return $value;
		};
		add_filter( 'option_' . Verification_Log::OPTION, $stall );

		list( $status, $body ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => array( 'KIMAKI_SESSION_ID' => 'stale' ),
				'record' => true,
			)
		);
		remove_filter( 'option_' . Verification_Log::OPTION, $stall );

		$this->assertTrue( $taken_over );
		$this->assertSame( 503, $status );
		$this->assertSame( 'wpca_lock_lost', $body['code'] );
		$this->assertCount( 1, ( new Verification_Log() )->observations(), 'nothing was recorded' );
		$this->assertNull( $this->stored( Verification_Log::LOCK_OPTION ) );
	}
}
