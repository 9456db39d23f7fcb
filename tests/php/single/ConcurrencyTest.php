<?php
/**
 * Simultaneous writes over real HTTP against the test site's PHP workers.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

/**
 * The option lock keeps every concurrent registration.
 */
class ConcurrencyTest extends Test_Case {

	/**
	 * Sends requests all at once.
	 *
	 * @param array[] $requests `[ method, path, body|null ]`.
	 * @return array[] `[ status, decoded body ]` in request order.
	 */
	private function send_all( array $requests ) {
		$admin   = WPCA_TEST_SITE['users']['admin'];
		$multi   = curl_multi_init();
		$handles = array();
		foreach ( $requests as list( $method, $path, $body ) ) {
			$handle = curl_init( rtrim( WPCA_TEST_SITE['restUrl'], '/' ) . '/wp-coding-agents/v1' . $path );
			curl_setopt_array(
				$handle,
				array(
					CURLOPT_CUSTOMREQUEST  => $method,
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_USERPWD        => $admin['username'] . ':' . $admin['appPassword'],
					CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json' ),
					CURLOPT_POSTFIELDS     => null === $body ? '' : wp_json_encode( $body ),
					CURLOPT_TIMEOUT        => 60,
				)
			);
			curl_multi_add_handle( $multi, $handle );
			$handles[] = $handle;
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );

		$results = array();
		foreach ( $handles as $handle ) {
			$results[] = array( curl_getinfo( $handle, CURLINFO_RESPONSE_CODE ), json_decode( (string) curl_multi_getcontent( $handle ), true ) );
			curl_multi_remove_handle( $multi, $handle );
			curl_close( $handle );
		}
		curl_multi_close( $multi );
		return $results;
	}

	public function test_fifty_simultaneous_puts_of_distinct_runtimes_are_all_registered() {
		$requests = array();
		for ( $i = 1; $i <= 50; $i++ ) {
			$requests[] = array( 'PUT', '/runtimes/agent-' . $i, array( 'fields' => array( 'session_id' => 'AGENT_' . $i . '_SESSION_ID' ) ) );
		}

		$results = $this->send_all( $requests );

		$this->assertSame( array_fill( 0, 50, 201 ), array_column( $results, 0 ) );
		$stored = $this->stored();
		$this->assertCount( 50, $stored );
		for ( $i = 1; $i <= 50; $i++ ) {
			$this->assertSame( array( 'session_id' => 'AGENT_' . $i . '_SESSION_ID' ), $stored[ 'agent-' . $i ] );
		}
		self::forget_cached_options();
		$this->assertCount( 52, $this->store()->list_items() );
		$this->assertNull( $this->stored( 'wpca_runtimes_lock' ), 'Every request released the lock.' );
	}

	public function test_simultaneous_toggles_and_registrations_lose_nothing() {
		// Registered by an installer, as the PATCHes below are: no admin choice to keep.
		$GLOBALS['wp_rest_application_password_uuid'] = wp_generate_uuid4();
		for ( $i = 1; $i <= 10; $i++ ) {
			$this->store()->put( 'base-' . $i, array( 'fields' => array( 'session_id' => 'BASE_' . $i ) ) );
		}
		unset( $GLOBALS['wp_rest_application_password_uuid'] );
		$requests = array();
		for ( $i = 1; $i <= 10; $i++ ) {
			$requests[] = array( 'PATCH', '/runtimes/base-' . $i, array( 'enabled' => false ) );
			$requests[] = array( 'PUT', '/runtimes/new-' . $i, array( 'fields' => array( 'run_id' => 'NEW_' . $i ) ) );
		}

		$results = $this->send_all( $requests );
		self::forget_cached_options();

		$this->assertSame( array(), array_diff( array_column( $results, 0 ), array( 200, 201 ) ) );
		$items = $this->store()->list_items();
		$this->assertCount( 22, $items );
		$this->assertSame( 10, count( array_filter( array_column( $items, 'enabled' ) ) ) );
		$this->assertSame( array_map( static fn( $i ) => 'base-' . $i, range( 1, 10 ) ), array_slice( self::ids( $items ), 0, 10 ), 'Disabled runtimes keep their place.' );
	}
}
