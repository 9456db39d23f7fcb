<?php
/**
 * The registry's transitions are pure: who writes is handed in, not looked up, and the
 * errors come from the rules themselves.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Registry_Items;
use WP_Coding_Agents\Runtimes\Rules\Registry_Rules;
use WP_Coding_Agents\Runtimes\Rules\Registry_State;

/**
 * Transitions on an empty state, with no request, user or Application Password around.
 */
class RegistryRulesTest extends Test_Case {

	private const INSTALLER = array(
		'source' => 'installer',
		'user'   => 'installer-bot',
	);

	private const ADMIN = array(
		'source' => 'admin',
		'user'   => 'someone',
	);

	private const FIELDS = array( 'session_id' => 'AGENT_SESSION_ID' );

	private static function empty_state() {
		return Registry_State::from_stored(
			array(
				'valid'    => array(),
				'raw'      => array(),
				'invalid'  => array(),
				'problems' => array(),
			),
			null
		);
	}

	public function test_the_actor_handed_in_decides_ownership() {
		$rules = new Registry_Rules();

		list( $state, $result ) = $rules->put( self::empty_state(), self::INSTALLER, 'agent', array( 'fields' => self::FIELDS ) );
		$this->assertTrue( $result['created'] );
		$this->assertSame( array( 'installer', 'installer-bot' ), array( $result['item']['source'], $result['item']['updated_by'] ) );
		$this->assertSame( self::FIELDS, $result['item']['declared']['fields'] );

		list( $state, $result ) = $rules->patch( $state, self::ADMIN, 'agent', array( 'enabled' => false ) );
		$this->assertSame( array( 'admin', 'someone' ), array( $result['item']['source'], $result['item']['updated_by'] ) );
		$this->assertSame( array( 'enabled' ), $result['item']['overridden'] );

		// The installer declares again: the admin's choice stands.
		list( , $result ) = $rules->put( $state, self::INSTALLER, 'agent', array( 'fields' => self::FIELDS ) );
		$this->assertFalse( $result['item']['enabled'] );
		$this->assertSame( array( 'enabled' ), $result['item']['overridden'] );
	}

	public function test_errors_come_from_the_rules() {
		$rules = new Registry_Rules();

		$missing = $rules->patch( self::empty_state(), self::ADMIN, 'nobody', array( 'enabled' => true ) );
		$this->assertInstanceOf( \WP_Error::class, $missing );
		$this->assertSame( 'wpca_runtime_not_found', $missing->get_error_code() );
		$this->assertSame( 404, $missing->get_error_data()['status'] );
		$this->assertSame( 'wpca_runtime_not_found', $rules->reset( self::empty_state(), self::ADMIN, 'nobody' )->get_error_code() );

		list( $state, $result ) = $rules->put( self::empty_state(), self::ADMIN, 'agent', array( 'fields' => self::FIELDS ) );
		$stale                  = $rules->patch( $state, self::ADMIN, 'agent', array( 'enabled' => false ), array( 'if_match' => array( 'stale' ) ) );
		$this->assertSame( 'wpca_conflict', $stale->get_error_code() );
		$this->assertSame( 412, $stale->get_error_data()['status'] );
		$this->assertSame( $result['item'], $stale->get_error_data()['current'] );

		$current = $rules->patch( $state, self::ADMIN, 'agent', array( 'enabled' => false ), array( 'if_match' => array( $result['item']['etag'] ) ) );
		$this->assertIsArray( $current );
		$this->assertSame( 'wpca_conflict', $rules->reorder( $state, array( 'agent' ), array( 'if_match' => array( 'stale' ) ) )->get_error_code() );
		$this->assertSame( array( null, Registry_Items::items_of( $state ) ), $rules->reorder( $state, array( 'agent' ), array( 'if_match' => array( Registry_Items::order_etag( $state ) ) ) ) );
	}
}
