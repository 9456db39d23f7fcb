<?php
/**
 * Uninstall on a multisite network (run with WPCA_MULTISITE=1 --testsuite multisite).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Coding_Agents\Runtimes\Storage\Uninstaller;

/**
 * @group multisite
 */
class MultisiteUninstallTest extends Test_Case {

	/**
	 * Sites created by the test.
	 *
	 * @var int[]
	 */
	private $created_sites = array();

	protected function setUp(): void {
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'Needs the multisite network: run with WPCA_MULTISITE=1.' );
		}
		parent::setUp();
	}

	protected function tearDown(): void {
		foreach ( $this->created_sites as $site_id ) {
			// Core's site deletion walks the site's uploads folder and warns when it does not exist.
			switch_to_blog( $site_id );
			wp_upload_dir( null, true, true );
			restore_current_blog();
			wp_delete_site( $site_id );
		}
		$this->created_sites = array();
		parent::tearDown();
	}

	public function test_uninstall_deletes_the_options_on_every_site_of_the_network() {
		for ( $i = 1; $i <= 2; $i++ ) {
			$site_id = wp_insert_site(
				array(
					'domain' => 'example.org',
					'path'   => '/wpca-site-' . $i . '-' . wp_rand() . '/',
				)
			);
			$this->assertIsInt( $site_id );
			$this->created_sites[] = $site_id;
		}
		$sites  = array_merge( array( get_main_site_id() ), $this->created_sites );
		$tables = array();
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			wp_cache_flush();
			$tables[ $site_id ] = self::options_table();
			restore_current_blog();
		}
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			$this->store()->put( 'custom-' . $site_id, array( 'fields' => array( 'session_id' => 'SITE_' . $site_id ) ) );
			$env = array( 'SITE_' . $site_id => 'session-' . $site_id );
			( new Verification_Log() )->record( ( new Attribution_Resolver() )->preview( $this->stored(), $env ), $env, 'custom-' . $site_id, 'SITE_' . $site_id );
			$this->assertSame( 'custom-' . $site_id, $this->stored( Verification_Log::OPTION )[0]['primary_runtime'], "observation on site $site_id" );
			restore_current_blog();
		}
		switch_to_blog( $this->created_sites[0] );
		$this->assertSame( array( 'custom-' . $this->created_sites[0] ), array_keys( $this->stored() ), 'Each site has its own registration.' );
		restore_current_blog();

		Uninstaller::run();

		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			foreach ( Uninstaller::OPTIONS as $option ) {
				$this->assertNull( $this->stored( $option ), "$option on site $site_id" );
			}
			wp_cache_flush();
			$this->assertSame( $tables[ $site_id ], self::options_table(), "The whole options table of site $site_id is as before." );
			restore_current_blog();
		}
		$this->assertSame( get_main_site_id(), get_current_blog_id() );
	}

	public function test_the_store_is_per_site() {
		$this->assertTrue( is_multisite() );
		$this->store()->put( 'main-only', array( 'fields' => array( 'session_id' => 'MAIN' ) ) );

		$this->assertSame( array( 'main-only' ), array_keys( $this->stored() ) );
		$this->assertSame( array( 'main-only', 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
		$this->assertNull( get_site_option( Signature_Store::OPTION, null ), 'Nothing is stored network-wide.' );
	}

	/**
	 * Every row of the current site's options table (transients included), name => value.
	 *
	 * @return array<string, string>
	 */
	private static function options_table() {
		global $wpdb;
		return array_column( $wpdb->get_results( "SELECT option_name, option_value FROM $wpdb->options ORDER BY option_name", ARRAY_A ), 'option_value', 'option_name' );
	}
}
