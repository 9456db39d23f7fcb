<?php
/**
 * Adopting entries a legacy mu-plugin adds to DMC's filter: GET /foreign-signatures and
 * POST /foreign-signatures/<id>/adopt, against a real mu-plugin file.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Foreign_Signatures_Controller;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * The legacy file is written where the older installers wrote it and loaded the way
 * WordPress loads mu-plugins (include); "deleting" it removes the file and its callback.
 */
class AdoptionTest extends Test_Case {

	public const RELATIVE_FILE = 'wp-content/mu-plugins/wp-coding-agents-runtimes.php';

	/**
	 * Callbacks the legacy files added.
	 *
	 * @var array[] `[ callback, priority ]`
	 */
	private $legacy_callbacks = array();

	protected function tearDown(): void {
		$this->delete_legacy_file();
		parent::tearDown();
	}

	/**
	 * Writes and loads a legacy mu-plugin declaring these entries. WordPress loads mu-plugins
	 * before plugins, so at this plugin's priority its callback runs before ours: the
	 * publisher's callback is hooked again after it.
	 *
	 * @param array $entries  id => fields.
	 * @param int   $priority Priority of its add_filter.
	 */
	private function install_legacy_file( array $entries, $priority = 10 ) {
		$code = "<?php\n// Written by an older installer.\nreturn static function ( \$signatures ) {\n"
			. "\tforeach ( " . var_export( $entries, true ) . " as \$id => \$fields ) {\n\t\t\$signatures[ \$id ] = \$fields;\n\t}\n\treturn \$signatures;\n};\n";
		file_put_contents( $this->legacy_path(), $code );
		$callback = include $this->legacy_path();
		add_filter( Filter_Publisher::HOOK, $callback, $priority );
		$this->legacy_callbacks[] = array( $callback, $priority );
		foreach ( $GLOBALS['wp_filter'][ Filter_Publisher::HOOK ]->callbacks[ Filter_Publisher::PRIORITY ] as $hooked ) {
			if ( $hooked['function'] instanceof \Closure && WPCA_RUNTIMES_FILE === ( new \ReflectionFunction( $hooked['function'] ) )->getFileName() ) {
				remove_filter( Filter_Publisher::HOOK, $hooked['function'], Filter_Publisher::PRIORITY );
				add_filter( Filter_Publisher::HOOK, $hooked['function'], Filter_Publisher::PRIORITY );
			}
		}
	}

	private function delete_legacy_file() {
		foreach ( $this->legacy_callbacks as list( $callback, $priority ) ) {
			remove_filter( Filter_Publisher::HOOK, $callback, $priority );
		}
		$this->legacy_callbacks = array();
		if ( file_exists( $this->legacy_path() ) ) {
			unlink( $this->legacy_path() );
		}
	}

	private function legacy_path() {
		return ABSPATH . self::RELATIVE_FILE;
	}

	public function test_entries_other_code_adds_are_listed_with_the_file_that_declares_them() {
		$this->install_legacy_file(
			array(
				'kimaki'       => array(
					'session_id' => 'KIMAKI_SESSION_ID',
					'thread_id'  => 'KIMAKI_THREAD_ID',
				),
				'legacy-agent' => array( 'session_id' => 'LEGACY_SESSION_ID' ),
			)
		);
		$this->store()->put( 'opencode', array( 'fields' => Presets::get( 'opencode' )['fields'] ) );

		list( $status, $body ) = $this->call( 'GET', '/foreign-signatures' );

		$this->assertSame( 200, $status );
		$this->assertTrue( rest_validate_value_from_schema( $body, Plugin::rest_controller( Foreign_Signatures_Controller::class )->get_public_item_schema() ) );
		$this->assertSame( array( 'kimaki', 'legacy-agent' ), array_column( $body['entries'], 'id' ), 'ours (opencode) is not foreign' );
		$this->assertSame(
			array(
				'id'          => 'legacy-agent',
				'fields'      => array( 'session_id' => 'LEGACY_SESSION_ID' ),
				'declared_by' => array(
					array(
						'file'     => self::RELATIVE_FILE,
						'line'     => 3,
						'priority' => 10,
						'callback' => 'Closure',
					),
				),
				'status'      => 'adoptable',
				'problem'     => null,
			),
			$body['entries'][1]
		);
	}

	public function test_adopt_stores_the_same_mapping_as_adopted_idempotently_and_it_survives_the_file() {
		$fields = array(
			'session_id' => 'LEGACY_SESSION_ID',
			'run_id'     => 'LEGACY_RUN_ID',
		);
		$this->install_legacy_file( array( 'legacy-agent' => $fields ) );

		list( $status, $adopted ) = $this->call( 'POST', '/foreign-signatures/legacy-agent/adopt' );

		$this->assertSame( 201, $status );
		$this->assertTrue( $adopted['adopted'] );
		$this->assertSame( array( 'adopted', $fields, true ), array( $adopted['item']['source'], $adopted['item']['fields'], $adopted['item']['enabled'] ) );
		$this->assertSame( self::RELATIVE_FILE, $adopted['declared_by'][0]['file'], 'the admin is told which file still declares it' );
		$this->assertSame( array( 'legacy-agent' => $fields ), $this->stored() );
		list( , $listed ) = $this->call( 'GET', '/foreign-signatures' );
		$this->assertSame( 'stored', $listed['entries'][0]['status'] );

		$stored_before            = array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );
		list( $again, $repeated ) = $this->call( 'POST', '/foreign-signatures/legacy-agent/adopt' );
		$this->assertSame( array( 200, false ), array( $again, $repeated['adopted'] ) );
		$this->assertSame( $stored_before, array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) ), 'adopting twice changes nothing' );

		$this->delete_legacy_file();

		$this->assertSame( array( 'legacy-agent' => $fields ), apply_filters( Filter_Publisher::HOOK, array() ), 'DMC still sees it, now from the registry' );
		$this->assertSame( array( 200, array( 'entries' => array() ) ), $this->call( 'GET', '/foreign-signatures' ) );
		list( $after, $late ) = $this->call( 'POST', '/foreign-signatures/legacy-agent/adopt' );
		$this->assertSame( array( 200, false, 'adopted' ), array( $after, $late['adopted'], $late['item']['source'] ) );
		$this->assertSame( 'adopted', $this->store()->get_item( 'legacy-agent' )['source'] );
	}

	public function test_adopting_an_id_registered_here_with_another_mapping_is_a_clear_conflict_that_changes_nothing() {
		$this->store()->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		// A later priority than ours: the legacy file overrides the registered kimaki.
		$this->install_legacy_file( array( 'kimaki' => array( 'session_id' => 'OLD_KIMAKI_ID' ) ), 20 );
		$stored_before = array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) );

		list( , $listed )       = $this->call( 'GET', '/foreign-signatures' );
		list( $status, $error ) = $this->call( 'POST', '/foreign-signatures/kimaki/adopt' );

		$this->assertSame( array( 'kimaki', 'conflict', 20 ), array( $listed['entries'][0]['id'], $listed['entries'][0]['status'], $listed['entries'][0]['declared_by'][0]['priority'] ) );
		$this->assertSame( array( 409, 'wpca_adopt_conflict' ), array( $status, $error['code'] ) );
		$this->assertStringContainsString( 'Cannot adopt "kimaki": a runtime with this id is already registered here', $error['message'] );
		$this->assertArrayHasKey( 'id', $error['data']['params'] );
		$this->assertSame( $stored_before, array( $this->stored(), $this->stored( Signature_Store::META_OPTION ) ) );
	}

	public function test_the_same_mapping_registered_here_already_counts_as_stored() {
		$this->store()->put( 'opencode', array( 'fields' => Presets::get( 'opencode' )['fields'] ) );
		$this->install_legacy_file( array( 'opencode' => Presets::get( 'opencode' )['fields'] ) );

		list( , $listed )         = $this->call( 'GET', '/foreign-signatures' );
		list( $status, $adopted ) = $this->call( 'POST', '/foreign-signatures/opencode/adopt' );

		$this->assertSame( 'stored', $listed['entries'][0]['status'] );
		$this->assertSame( array( 200, false ), array( $status, $adopted['adopted'] ) );
		$this->assertNotSame( 'adopted', $adopted['item']['source'], 'the installer\'s registration stays the installer\'s' );
	}

	public function test_what_cannot_be_adopted_says_why() {
		$this->install_legacy_file(
			array(
				'bad-env' => array( 'session_id' => 'NOT VALID' ),
				'a_b'     => array( 'session_id' => 'UNDERSCORE_ID' ),
			)
		);

		list( , $listed )             = $this->call( 'GET', '/foreign-signatures' );
		list( $status, $error )       = $this->call( 'POST', '/foreign-signatures/bad-env/adopt' );
		list( $id_status, $id_error ) = $this->call( 'POST', '/foreign-signatures/a_b/adopt' );
		list( $none, $none_error )    = $this->call( 'POST', '/foreign-signatures/nobody-declares/adopt' );

		$this->assertSame( array( 'invalid', 'invalid' ), array_column( $listed['entries'], 'status' ) );
		$this->assertStringContainsString( 'cannot be adopted as it is declared', $listed['entries'][0]['problem'] );
		$this->assertSame( array( 400, 'wpca_not_adoptable' ), array( $status, $error['code'] ) );
		$this->assertSame( array( 400, 'wpca_invalid_id' ), array( $id_status, $id_error['code'] ) );
		$this->assertSame( array( 404, 'wpca_not_foreign' ), array( $none, $none_error['code'] ) );
		$this->assertNull( $this->stored() );
	}

	public function test_adoption_needs_the_capability() {
		$this->install_legacy_file( array( 'legacy-agent' => array( 'session_id' => 'LEGACY_SESSION_ID' ) ) );
		foreach ( array( 0 => 401, WPCA_TEST_SITE['users']['editor']['id'] => 403 ) as $user => $expected ) {
			wp_set_current_user( $user );
			$this->assertSame( $expected, $this->call( 'GET', '/foreign-signatures' )[0], "user $user" );
			$this->assertSame( $expected, $this->call( 'POST', '/foreign-signatures/legacy-agent/adopt' )[0], "user $user" );
		}
		$this->assertNull( $this->stored() );
	}
}
