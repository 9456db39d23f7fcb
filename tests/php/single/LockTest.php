<?php
/**
 * The option-row lock around every write.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Busy, stale and released locks.
 */
class LockTest extends Test_Case {

	public const FIELDS = array( 'session_id' => 'LOCKED_ID' );

	private function store_waiting( $seconds ) {
		return new Signature_Store( new Option_Lock( Signature_Store::LOCK_OPTION, $seconds ) );
	}

	public function test_a_write_while_another_holds_the_lock_answers_busy_and_changes_nothing() {
		$held_by_other = sprintf( '%.6F|other-request', microtime( true ) );
		add_option( Signature_Store::LOCK_OPTION, $held_by_other, '', false );

		$started = microtime( true );
		$error   = $this->store_waiting( 0.3 )->put( 'custom', array( 'fields' => self::FIELDS ) );

		$this->assertGreaterThanOrEqual( 0.3, microtime( true ) - $started );
		$this->assertSame( 'wpca_busy', $error->get_error_code() );
		$this->assertSame( 503, $error->get_error_data()['status'] );
		$this->assertNull( $this->stored() );
		$this->assertSame( $held_by_other, $this->stored( Signature_Store::LOCK_OPTION ), "The other request's lock is left alone." );
	}

	public function test_an_abandoned_lock_is_taken_over() {
		add_option( Signature_Store::LOCK_OPTION, sprintf( '%.6F|crashed-request', microtime( true ) - 60 ), '', false );

		$result = $this->store_waiting( 0.3 )->put( 'custom', array( 'fields' => self::FIELDS ) );

		$this->assertTrue( $result['created'] );
		$this->assertSame( array( 'custom' => self::FIELDS ), $this->stored() );
		$this->assertNull( $this->stored( Signature_Store::LOCK_OPTION ) );
	}

	public function test_the_lock_is_released_after_every_write_even_a_rejected_one() {
		$store = $this->store();
		$store->put( 'custom', array( 'fields' => self::FIELDS ) );
		$store->reorder( array( 'nobody' ) );
		$store->patch( 'nobody', array( 'enabled' => true ) );

		$this->assertNull( $this->stored( Signature_Store::LOCK_OPTION ) );
	}
}
