<?php
/**
 * The screen's server-rendered form (admin-post.php): who may post it, its nonce, and
 * that it changes exactly what the admin toggled, through the REST PATCH's rules.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use RuntimeException;
use WP_Coding_Agents\Runtimes\Admin\Publish_Form_Handler;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Coding_Agents\Runtimes\Storage\Uninstaller;

/**
 * Runs the real `admin_post_` handler; wp_die() and the redirect end it with an exception
 * carrying what the browser would get.
 */
class PublishFormHandlerTest extends Test_Case {

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		add_filter( 'wp_redirect', array( $this, 'stop_at_redirect' ), PHP_INT_MAX );
	}

	protected function tearDown(): void {
		remove_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		remove_filter( 'wp_redirect', array( $this, 'stop_at_redirect' ), PHP_INT_MAX );
		delete_transient( 'wpca_form_notices_' . get_current_user_id() );
		$_POST    = array();
		$_REQUEST = array(); // phpcs:ignore Generic.PHP.DisallowRequestSuperglobal.Found -- check_admin_referer() reads the nonce from $_REQUEST, as the browser's post fills it.
		$_GET     = array();
		parent::tearDown();
	}

	public function die_handler() {
		return static function ( $message, $title, $args ) {
			throw new RuntimeException( 'die ' . ( is_array( $args ) && isset( $args['response'] ) ? $args['response'] : 500 ) . ': ' . ( is_string( $message ) ? $message : '' ) );
		};
	}

	public function stop_at_redirect( $location ) {
		throw new RuntimeException( 'redirect: ' . $location );
	}

	/**
	 * Posts the form as the browser would, with the current user's nonce unless one is given.
	 *
	 * @param array       $runtimes Posted `runtimes`.
	 * @param string|null $nonce    Nonce.
	 * @return string What ended the request ("redirect: <url>" or "die <status>: <message>").
	 */
	private function post( $runtimes, $nonce = null ) {
		$_POST    = array(
			'action'   => Publish_Form_Handler::ACTION,
			'_wpnonce' => null === $nonce ? wp_create_nonce( Publish_Form_Handler::ACTION ) : $nonce,
			'runtimes' => $runtimes,
		);
		$_REQUEST = $_POST; // phpcs:ignore Generic.PHP.DisallowRequestSuperglobal.Found -- check_admin_referer() reads the nonce from $_REQUEST, as the browser's post fills it.
		try {
			Publish_Form_Handler::handle();
		} catch ( RuntimeException $ended ) {
			return $ended->getMessage();
		}
		$this->fail( 'The handler neither redirected nor died.' );
	}

	/**
	 * The notices the screen shows after the redirect.
	 *
	 * @return array[]
	 */
	private function notices() {
		return (array) get_transient( 'wpca_form_notices_' . get_current_user_id() );
	}

	private function shown( $id, $enabled = null ) {
		$item  = $this->store()->get_item( $id );
		$entry = array(
			'etag'  => $item['etag'],
			'shown' => $item['enabled'] ? '1' : '0',
		);
		if ( $enabled ?? $item['enabled'] ) {
			$entry['enabled'] = '1';
		}
		return $entry;
	}

	private function stored_options() {
		return array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_a_toggle_is_stored_as_the_rest_patch_stores_it_and_the_admin_is_sent_back_with_a_notice() {
		$ended = $this->post(
			array(
				'kimaki'   => $this->shown( 'kimaki' ),
				'opencode' => $this->shown( 'opencode', true ),
			)
		);

		$this->assertStringStartsWith( 'redirect: ', $ended );
		$this->assertStringContainsString( 'tools.php?page=wpca-runtimes&wpca-saved=1', $ended );
		$item = $this->store()->get_item( 'opencode' );
		$this->assertTrue( $item['enabled'] );
		$this->assertSame( 'admin', $item['source'] );
		$this->assertSame( 1, $item['revision'] );
		$this->assertFalse( $this->store()->get_item( 'kimaki' )['registered'], 'Untouched toggles are not written.' );
		$this->assertSame( array( 'opencode' ), array_keys( apply_filters( 'datamachine_code_worktree_runtime_signatures', array() ) ) );
		$this->assertSame(
			array(
				array(
					'type'    => 'success',
					'message' => 'OpenCode is published to DMC.',
				),
			),
			$this->notices()
		);
	}

	public function test_a_stale_etag_does_not_overwrite_the_newer_change() {
		$page = array( 'opencode' => $this->shown( 'opencode', true ) );
		$this->store()->put( 'opencode', array( 'fields' => array( 'session_id' => 'NEWER' ), 'enabled' => false ) );
		$before = $this->stored_options();

		$this->assertStringStartsWith( 'redirect: ', $this->post( $page ) );

		$this->assertSame( $before, $this->stored_options() );
		$notices = $this->notices();
		$this->assertCount( 1, $notices );
		$this->assertSame( 'warning', $notices[0]['type'] );
		$this->assertStringContainsString( 'Runtime "opencode" was changed by admin (admin)', $notices[0]['message'] );
		$this->assertStringContainsString( 'nothing was saved', $notices[0]['message'] );
	}

	public function test_an_unknown_runtime_is_a_clear_error_and_nothing_is_applied() {
		$before = $this->stored_options();

		$this->post(
			array(
				'opencode' => $this->shown( 'opencode', true ),
				'nope'     => array(
					'etag'    => '0123456789abcdef',
					'shown'   => '0',
					'enabled' => '1',
				),
			)
		);

		$this->assertSame( $before, $this->stored_options() );
		$this->assertSame(
			array(
				array(
					'type'    => 'error',
					'message' => 'No runtime "nope" is registered. Nothing was saved.',
				),
			),
			$this->notices()
		);
	}

	public function test_malformed_entries_are_refused_and_change_nothing() {
		$before = $this->stored_options();
		foreach ( array(
			'no runtimes'   => null,
			'not a map'     => 'opencode',
			'invalid id'    => array( 'Not An Id' => $this->shown( 'opencode', true ) ),
			'no etag'       => array(
				'opencode' => array(
					'shown'   => '0',
					'enabled' => '1',
				),
			),
			'etag as array' => array(
				'opencode' => array(
					'etag'  => array( 'x' ),
					'shown' => '0',
				),
			),
			'etag not an entity tag' => array(
				'opencode' => array(
					'etag'  => 'a"b',
					'shown' => '0',
				),
			),
			'etag too long' => array(
				'opencode' => array(
					'etag'  => str_repeat( 'a', 65 ),
					'shown' => '0',
				),
			),
			'shown not 0/1' => array(
				'opencode' => array(
					'etag'  => 'abc',
					'shown' => 'yes',
				),
			),
			'enabled not 1' => array(
				'opencode' => array(
					'etag'    => 'abc',
					'shown'   => '0',
					'enabled' => 'on',
				),
			),
		) as $case => $runtimes ) {
			$this->assertStringStartsWith( 'redirect: ', $this->post( $runtimes ), $case );
			$notices = $this->notices();
			$this->assertSame( 'error', $notices[0]['type'] ?? null, $case );
			$this->assertStringEndsWith( 'Nothing was saved.', $notices[0]['message'], $case );
			$this->assertSame( $before, $this->stored_options(), $case );
		}
	}

	public function test_nothing_changed_says_so_and_writes_nothing() {
		$before = $this->stored_options();
		$this->post( array( 'kimaki' => $this->shown( 'kimaki' ) ) );
		$this->assertSame( $before, $this->stored_options() );
		$this->assertSame( 'No changes to save.', $this->notices()[0]['message'] );
	}

	public function test_a_bad_nonce_dies_and_changes_nothing() {
		$before = $this->stored_options();
		$ended  = $this->post( array( 'opencode' => $this->shown( 'opencode', true ) ), 'bad' );
		$this->assertStringStartsWith( 'die 403: ', $ended );
		$this->assertStringContainsString( 'The link you followed has expired.', $ended );
		$this->assertSame( $before, $this->stored_options() );
		$this->assertSame( array(), array_filter( $this->notices() ) );
	}

	public function test_a_user_without_the_capability_is_refused_and_changes_nothing() {
		$before = $this->stored_options();
		foreach ( array( 'subscriber', 'editor' ) as $role ) {
			wp_set_current_user( (int) WPCA_TEST_SITE['users'][ $role ]['id'] );
			$ended = $this->post( array( 'opencode' => $this->shown( 'opencode', true ) ) );
			$this->assertSame( 'die 403: Sorry, you are not allowed to manage agent runtimes.', $ended, $role );
			$this->assertSame( $before, $this->stored_options(), $role );
		}
	}

	public function test_the_notices_are_shown_once_after_the_redirect() {
		$this->post( array( 'opencode' => $this->shown( 'opencode', true ) ) );
		$_GET[ Publish_Form_Handler::DONE_ARG ] = '1';

		ob_start();
		Publish_Form_Handler::render_notices();
		$first = (string) ob_get_clean();
		ob_start();
		Publish_Form_Handler::render_notices();
		$second = (string) ob_get_clean();

		$this->assertStringContainsString( 'notice-success', $first );
		$this->assertStringContainsString( 'OpenCode is published to DMC.', $first );
		$this->assertSame( '', $second );
	}

	public function test_uninstall_deletes_the_notices_waiting_for_a_redirect() {
		global $wpdb;
		$rows = static function () use ( $wpdb ) {
			return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $wpdb->options WHERE option_name LIKE %s", '%' . $wpdb->esc_like( Publish_Form_Handler::NOTICES_TRANSIENT ) . '%' ) );
		};
		$this->post( array( 'opencode' => $this->shown( 'opencode', true ) ) );
		// With a persistent object cache transients live there (and expire), not in the table.
		$this->assertSame( wp_using_ext_object_cache() ? 0 : 2, $rows() );

		Uninstaller::run();

		$this->assertSame( 0, $rows() );
	}
}
