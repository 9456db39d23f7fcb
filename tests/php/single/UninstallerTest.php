<?php
/**
 * Uninstalling removes everything; deactivating keeps it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Coding_Agents\Runtimes\Storage\Uninstaller;

/**
 * Uninstaller on a single site.
 */
class UninstallerTest extends Test_Case {

	public const PLUGIN = 'wp-coding-agents-runtimes/plugin.php';

	private function register_runtimes() {
		$this->store()->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$this->store()->put( 'custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		$this->store()->patch( 'custom', array( 'enabled' => false ) );
		add_option( Signature_Store::LOCK_OPTION, '0|left-behind', '', false );
		$env = array( 'KIMAKI_SESSION_ID' => 'k-1' );
		( new Verification_Log() )->record( ( new Attribution_Resolver() )->preview( $this->stored(), $env ), $env, 'kimaki', 'KIMAKI_SESSION_ID' );
		( new Verification_Log() )->set_window_days( 7 );
		add_option( Verification_Log::LOCK_OPTION, '0|left-behind', '', false );
		add_option( Verification_Log::LEGACY_OPTION, array( 'recorded_at' => '2026-11-01T00:00:00+00:00' ), '', false );
	}

	public function test_uninstall_deletes_every_option_the_plugin_wrote() {
		$this->register_runtimes();

		foreach ( Uninstaller::OPTIONS as $option ) {
			$this->assertNotNull( $this->stored( $option ), "$option before" );
		}

		Uninstaller::run();

		foreach ( Uninstaller::OPTIONS as $option ) {
			$this->assertNull( $this->stored( $option ), $option );
		}
		$this->assertSame( array( Signature_Store::OPTION, Signature_Store::META_OPTION, Signature_Store::LOCK_OPTION, Verification_Log::OPTION, Verification_Log::LOCK_OPTION, Verification_Log::WINDOW_OPTION, Verification_Log::LEGACY_OPTION ), Uninstaller::OPTIONS );
	}

	public function test_deactivation_keeps_the_data() {
		$this->register_runtimes();
		delete_option( Signature_Store::LOCK_OPTION );
		$before = array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );

		deactivate_plugins( self::PLUGIN, true );
		try {
			$this->assertFalse( is_plugin_active( self::PLUGIN ) );
			$this->assertSame( $before, array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) ) );
		} finally {
			activate_plugin( self::PLUGIN );
		}
		$this->assertTrue( is_plugin_active( self::PLUGIN ) );
	}

	public function test_uninstall_php_only_runs_inside_wordpress_uninstall() {
		$this->register_runtimes();
		$this->assertFalse( defined( 'WP_UNINSTALL_PLUGIN' ) );

		$output = shell_exec( 'php ' . escapeshellarg( dirname( __DIR__, 3 ) . '/uninstall.php' ) . ' 2>&1' );

		$this->assertSame( '', (string) $output );
		$this->assertIsArray( $this->stored() );
	}

	/**
	 * WordPress's own uninstall path: the plugin deactivated, then `uninstall_plugin()` in a
	 * fresh PHP process (so none of the plugin's classes are loaded) runs uninstall.php.
	 */
	public function test_wordpress_uninstall_of_the_inactive_plugin_removes_every_option() {
		$this->register_runtimes();
		deactivate_plugins( self::PLUGIN, true );
		try {
			$output = shell_exec(
				'echo ' . escapeshellarg( 'require_once ABSPATH . "wp-admin/includes/plugin.php"; uninstall_plugin( "' . self::PLUGIN . '" ); echo "done";' )
				. ' | php ' . escapeshellarg( dirname( __DIR__, 3 ) . '/scripts/lib/wp-eval.php' )
				. ' ' . escapeshellarg( WPCA_TEST_SITE['wpDir'] ) . ' ' . escapeshellarg( WPCA_TEST_SITE['url'] ) . ' 2>&1'
			);
		} finally {
			activate_plugin( self::PLUGIN );
		}

		$this->assertSame( 'done', (string) $output );
		foreach ( Uninstaller::OPTIONS as $option ) {
			$this->assertNull( $this->stored( $option ), $option );
		}
	}

	/**
	 * Every row of this site's options table (transients included), name => value.
	 *
	 * @return array<string, string>
	 */
	public static function options_table() {
		global $wpdb;
		return array_column( $wpdb->get_results( "SELECT option_name, option_value FROM $wpdb->options ORDER BY option_name", ARRAY_A ), 'option_value', 'option_name' );
	}

	/**
	 * Sends a request to the test site as the admin (Application Password), as an installer does.
	 */
	public static function over_http( $method, $route, $body = null ) {
		$admin    = WPCA_TEST_SITE['users']['admin'];
		$response = wp_remote_request(
			WPCA_TEST_SITE['restUrl'] . 'wp-coding-agents/v1' . $route,
			array(
				'method'  => $method,
				'headers' => array(
					'Authorization' => 'Basic ' . base64_encode( $admin['username'] . ':' . $admin['appPassword'] ),
					'Content-Type'  => 'application/json',
				),
				'body'    => null === $body ? null : wp_json_encode( $body ),
				'timeout' => 30,
			)
		);
		return (int) wp_remote_retrieve_response_code( $response );
	}

	/**
	 * Not a hand-kept list: the whole options table before activation equals the table after
	 * uninstall, whatever the plugin wrote in between through every route that writes.
	 * Only WordPress's own record of which plugins are active may differ.
	 */
	public function test_the_options_table_after_uninstall_equals_the_table_before_activation() {
		deactivate_plugins( self::PLUGIN, true );
		wp_cache_flush();
		$before = self::options_table();
		try {
			activate_plugin( self::PLUGIN );
			foreach ( array(
				array( 'PUT', '/runtimes/kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) ),
				array( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'C' ) ) ),
				array( 'PATCH', '/runtimes/custom', array( 'enabled' => false ) ),
				array( 'PATCH', '/runtimes/opencode', array( 'label' => 'OC' ) ),
				array( 'PUT', '/order', array( 'order' => array( 'custom', 'kimaki', 'opencode' ) ) ),
				array( 'POST', '/attribution/preview', array( 'env' => array( 'KIMAKI_SESSION_ID' => 'k-1' ), 'record' => true ) ),
				array( 'PUT', '/attribution/observation-settings', array( 'window_days' => 7 ) ),
				array( 'POST', '/signatures/repair', null ),
				array( 'DELETE', '/runtimes/opencode', null ),
			) as list( $method, $route, $body ) ) {
				$this->assertLessThan( 300, self::over_http( $method, $route, $body ), "$method $route" );
			}
			foreach ( array( '/runtimes', '/runtimes/kimaki', '/signatures', '/attribution/observations', '/attribution/observation-settings' ) as $route ) {
				$this->assertSame( 200, self::over_http( 'GET', $route ), "GET $route" );
			}
			// A write killed while holding its locks leaves their rows behind.
			add_option( Signature_Store::LOCK_OPTION, '0|left-behind', '', false );
			add_option( Verification_Log::LOCK_OPTION, '0|left-behind', '', false );
			wp_cache_flush();
			$this->assertNotSame( $before, self::options_table(), 'The plugin wrote something.' );

			deactivate_plugins( self::PLUGIN, true );
			$output = shell_exec(
				'echo ' . escapeshellarg( 'require_once ABSPATH . "wp-admin/includes/plugin.php"; uninstall_plugin( "' . self::PLUGIN . '" ); echo "done";' )
				. ' | php ' . escapeshellarg( dirname( __DIR__, 3 ) . '/scripts/lib/wp-eval.php' )
				. ' ' . escapeshellarg( WPCA_TEST_SITE['wpDir'] ) . ' ' . escapeshellarg( WPCA_TEST_SITE['url'] ) . ' 2>&1'
			);
			$this->assertSame( 'done', (string) $output );
			wp_cache_flush();
			$after = self::options_table();
		} finally {
			activate_plugin( self::PLUGIN );
		}

		// WordPress's own: which plugins are active, and a cache core refreshes on any request.
		foreach ( array( $before, $after ) as $index => $table ) {
			foreach ( array_keys( $table ) as $option ) {
				if ( in_array( $option, array( 'active_plugins', 'recently_activated' ), true ) || 1 === preg_match( '/^_site_transient_(timeout_)?wp_theme_files_patterns-/', $option ) ) {
					unset( $table[ $option ] );
				}
			}
			0 === $index ? $before = $table : $after = $table;
		}
		$this->assertSame( array(), array_diff_key( $after, $before ), 'Rows left behind by the plugin.' );
		$this->assertSame( $before, $after );
	}
}
