<?php
/**
 * With a persistent object cache shared by the workers, a stale `notoptions` written back
 * by another worker does not make the registry look empty.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Core keeps every absent option of a site in ONE cached array, `notoptions`, which every
 * get_option() miss (of any option) rewrites whole. A worker that loaded it while the
 * registry's options were absent writes that copy back after a register added them; from
 * then on get_option() answers "absent" for them without asking the database.
 */
class StaleNotoptionsTest extends Test_Case {

	protected function setUp(): void {
		parent::setUp();
		if ( ! wp_using_ext_object_cache() ) {
			$this->markTestSkipped( 'Needs the shared persistent object cache: node scripts/test-site.mjs start --object-cache.' );
		}
	}

	/**
	 * Puts into the shared cache what a racing worker writes back: its copy of `notoptions`,
	 * taken before the register, listing both options as absent; then forgets this
	 * process's runtime copies, so the next read is a fresh worker's.
	 */
	private static function race_stale_notoptions() {
		$stale = wp_cache_get( 'notoptions', 'options' );
		$stale = is_array( $stale ) ? $stale : array();
		foreach ( array( Signature_Store::OPTION, Signature_Store::META_OPTION ) as $option ) {
			$stale[ $option ] = true;
		}
		wp_cache_set( 'notoptions', $stale, 'options' );
		wp_cache_flush_runtime();
	}

	public function test_a_registered_runtime_is_read_despite_a_stale_notoptions() {
		$this->assertSame( 201, $this->call( 'PUT', '/runtimes/c4-r1', array( 'fields' => array( 'session_id' => 'C4_SESSION_ID' ) ) )[0] );
		self::race_stale_notoptions();

		list( $status, $data ) = $this->call( 'GET', '/runtimes/c4-r1' );
		$this->assertSame( 200, $status, 'The runtime just registered is found: ' . wp_json_encode( $data ) );
		$this->assertSame( array( 'session_id' => 'C4_SESSION_ID' ), $data['fields'] );
		$this->assertTrue( $data['enabled'] );
	}

	public function test_dmc_is_not_handed_an_empty_map_by_a_stale_notoptions() {
		$this->store()->put( 'c4-r1', array( 'fields' => array( 'session_id' => 'C4_SESSION_ID' ) ) );
		self::race_stale_notoptions();
		$this->plugin_publisher()->forget_published();

		$this->assertSame(
			array( 'c4-r1' => array( 'session_id' => 'C4_SESSION_ID' ) ),
			apply_filters( Filter_Publisher::HOOK, array() )
		);
	}

	public function test_the_repaired_cache_answers_the_next_read_without_the_database() {
		$this->store()->put( 'c4-r1', array( 'fields' => array( 'session_id' => 'C4_SESSION_ID' ) ) );
		self::race_stale_notoptions();
		$this->store()->get_item( 'c4-r1' );
		wp_cache_flush_runtime();

		$notoptions = wp_cache_get( 'notoptions', 'options' );
		$this->assertFalse( isset( $notoptions[ Signature_Store::OPTION ] ), 'The published option is no longer listed as absent.' );
		$this->assertFalse( isset( $notoptions[ Signature_Store::META_OPTION ] ), 'The metadata option is no longer listed as absent.' );
		$this->assertIsArray( get_option( Signature_Store::OPTION, null ) );
	}

	/**
	 * Database queries a callback runs.
	 *
	 * @param callable $callback Callback.
	 * @return int
	 */
	private static function queries( callable $callback ) {
		global $wpdb;
		$before = $wpdb->num_queries;
		$callback();
		return $wpdb->num_queries - $before;
	}

	public function test_a_read_from_the_cache_costs_no_query() {
		$this->store()->put( 'c4-r1', array( 'fields' => array( 'session_id' => 'C4_SESSION_ID' ) ) );
		$this->store()->get_item( 'c4-r1' );

		$this->assertSame( 0, self::queries( fn() => $this->store()->get_item( 'c4-r1' ) ) );
	}

	public function test_an_empty_registry_is_confirmed_with_one_query_and_leaves_the_cache_alone() {
		$this->store()->get_item( 'c4-r1' );

		$this->assertSame( 1, self::queries( fn() => $this->store()->get_item( 'c4-r1' ) ) );
		$notoptions = wp_cache_get( 'notoptions', 'options' );
		$this->assertTrue( isset( $notoptions[ Signature_Store::OPTION ], $notoptions[ Signature_Store::META_OPTION ] ), 'Both options are still listed as absent.' );
	}
}
