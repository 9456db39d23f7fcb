<?php
/**
 * Base class: clean plugin options around every test, and no PHP notice, warning or
 * deprecation allowed while a test runs.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use PHPUnit\Framework\TestCase;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Coding_Agents\Runtimes\Storage\Uninstaller;
use WP_REST_Request;

/**
 * Shared set-up for the plugin's tests.
 */
abstract class Test_Case extends TestCase {

	/**
	 * The presets' signatures as the contract writes them, in precedence order.
	 */
	public const PRESET_SIGNATURES = array(
		'kimaki'   => array(
			'session_id' => 'KIMAKI_SESSION_ID',
			'thread_id'  => 'KIMAKI_THREAD_ID',
			'thread_url' => 'KIMAKI_THREAD_URL',
		),
		'opencode' => array(
			'session_id' => 'OPENCODE_SESSION_ID',
			'run_id'     => 'OPENCODE_RUN_ID',
		),
	);

	/**
	 * PHP errors raised during the test.
	 *
	 * @var string[]
	 */
	private $php_errors = array();

	/**
	 * Resets the options, logs in as the admin, starts recording PHP errors.
	 */
	protected function setUp(): void {
		parent::setUp();
		self::reset_options();
		wp_set_current_user( (int) WPCA_TEST_SITE['users']['admin']['id'] );
		$this->php_errors = array();
		set_error_handler(
			function ( $level, $message, $file, $line ) {
				$this->php_errors[] = "$message ($file:$line)";
				return true;
			}
		);
	}

	/**
	 * Fails the test if PHP complained, then cleans up.
	 */
	protected function tearDown(): void {
		restore_error_handler();
		self::reset_options();
		unset( $GLOBALS['wp_rest_application_password_uuid'] );
		wp_set_current_user( 0 );
		$this->assertSame( array(), $this->php_errors, 'PHP raised notices, warnings or deprecations.' );
		parent::tearDown();
	}

	/**
	 * Deletes every option the plugin writes.
	 */
	protected static function reset_options() {
		foreach ( Uninstaller::OPTIONS as $option ) {
			delete_option( $option );
			wp_cache_delete( $option, 'options' );
		}
	}

	/**
	 * A store on the site's real options.
	 *
	 * @return Signature_Store
	 */
	protected function store() {
		return new Signature_Store( new Option_Lock( Signature_Store::LOCK_OPTION ) );
	}

	/**
	 * Registers both presets (kimaki, then opencode) with their default fields.
	 */
	protected function register_presets() {
		foreach ( array( 'kimaki', 'opencode' ) as $id ) {
			$this->store()->put( $id, array( 'fields' => Presets::get( $id )['fields'] ) );
		}
	}

	/**
	 * Moves a runtime's last change (its publication, as far as the plugin knows) back in time.
	 *
	 * @param string $id   Runtime id.
	 * @param int    $days Days ago.
	 */
	protected function published_days_ago( $id, $days ) {
		$meta                                  = get_option( Signature_Store::META_OPTION );
		$meta['runtimes'][ $id ]['updated_at'] = gmdate( 'c', time() - $days * DAY_IN_SECONDS );
		update_option( Signature_Store::META_OPTION, $meta, false );
	}

	/**
	 * Dispatches a request in-process through WordPress's REST server, as the current user.
	 *
	 * @param string     $method Method.
	 * @param string     $path   Path under the plugin's namespace.
	 * @param mixed|null $body   JSON body (raw string when a string).
	 * @return array{0: int, 1: mixed} Status and the data as a client decodes it.
	 */
	protected function call( $method, $path, $body = null ) {
		$request = new WP_REST_Request( $method, '/' . Plugin::REST_NAMESPACE . $path );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : wp_json_encode( $body ) );
		}
		$response = rest_do_request( $request );
		$data     = json_decode( wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );
		return array( $response->get_status(), $data );
	}

	/**
	 * Records one observation the way `bin/runtime-signature verify` does (POST
	 * /attribution/preview with `record`), as the current user.
	 *
	 * @param array $env     The agent process's environment.
	 * @param array $context `host` / `runtime`.
	 * @return int Status.
	 */
	protected function observe( array $env, array $context = array() ) {
		list( $status ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => $env,
				'record' => true,
			) + $context
		);
		return $status;
	}

	/**
	 * The publisher instance the plugin hooked onto DMC's filter.
	 *
	 * @return Filter_Publisher
	 */
	protected function plugin_publisher() {
		global $wp_filter;
		$this->assertNotEmpty( $wp_filter[ Filter_Publisher::HOOK ]->callbacks[ Filter_Publisher::PRIORITY ] ?? array(), 'The plugin hooks DMC\'s filter at its priority.' );
		return Plugin::publisher();
	}

	/**
	 * Forgets this process's cached copies of the plugin's options (another process,
	 * a PHP worker of the test site, may have written them).
	 */
	protected static function forget_cached_options() {
		foreach ( Uninstaller::OPTIONS as $option ) {
			wp_cache_delete( $option, 'options' );
		}
		wp_cache_delete( 'notoptions', 'options' );
	}

	/**
	 * The published option as stored in the database right now.
	 *
	 * @return mixed
	 */
	protected function stored( $option = Signature_Store::OPTION ) {
		self::forget_cached_options();
		return get_option( $option, null );
	}

	/**
	 * Autoload flag of an option row.
	 *
	 * @param string $option Option name.
	 * @return string|null
	 */
	protected function autoload_of( $option ) {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM $wpdb->options WHERE option_name = %s", $option ) );
	}

	/**
	 * Ids of a list of items.
	 *
	 * @param array[] $items Items.
	 * @return string[]
	 */
	protected static function ids( array $items ) {
		return array_column( $items, 'id' );
	}
}
