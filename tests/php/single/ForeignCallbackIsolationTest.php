<?php
/**
 * Other plugins' callbacks on DMC's filter are neighbours, not trusted: whatever they do,
 * the plugin's routes, the screen's preloaded reads and Site Health answer, once.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Admin\Admin_Page;
use WP_Coding_Agents\Runtimes\Admin\Site_Health;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\REST\Foreign_Signatures_Controller;
use WP_Coding_Agents\Runtimes\REST\Runtimes_Controller;
use WP_Coding_Agents\Runtimes\REST\Signatures_Controller;
use WP_Site_Health;

/**
 * Each foreign callback is a real file in wp-content, included and hooked as a plugin's would be.
 */
class ForeignCallbackIsolationTest extends Test_Case {

	/**
	 * Files written and callbacks hooked by the test.
	 *
	 * @var array[] `[ file, callback, priority ]`
	 */
	private $neighbours = array();

	protected function setUp(): void {
		parent::setUp();
		DMC_Fixture::install( '0.61.4' );
		$this->register_presets();
	}

	protected function tearDown(): void {
		foreach ( $this->neighbours as list( $file, $callback, $priority ) ) {
			remove_filter( Filter_Publisher::HOOK, $callback, $priority );
			unlink( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}
		unset( $GLOBALS['wpca_test_neighbour_calls'] );
		DMC_Fixture::remove();
		parent::tearDown();
	}

	/**
	 * Writes a neighbour plugin's callback to a file, includes it and hooks it.
	 *
	 * @param string $body     PHP body of `function ( $signatures ) { … }` (line 3 of the file on).
	 * @param int    $priority Priority.
	 * @return string The file, relative to the WordPress root.
	 */
	private function neighbour( $body, $priority = 20 ) {
		$name = 'wpca-test-neighbour-' . count( $this->neighbours ) . '.php';
		$file = WP_CONTENT_DIR . '/' . $name;
		file_put_contents( $file, "<?php\n// A neighbour plugin.\nreturn static function ( \$signatures ) {\n\t\$GLOBALS['wpca_test_neighbour_calls'][ __FILE__ ] = ( \$GLOBALS['wpca_test_neighbour_calls'][ __FILE__ ] ?? 0 ) + 1;\n$body\n};\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		$callback = include $file;
		add_filter( Filter_Publisher::HOOK, $callback, $priority );
		$this->neighbours[] = array( $file, $callback, $priority );
		return 'wp-content/' . $name;
	}

	private function calls( $relative ) {
		return $GLOBALS['wpca_test_neighbour_calls'][ ABSPATH . $relative ] ?? 0;
	}

	private static function schema( $controller ) {
		return Plugin::rest_controller( $controller )->get_public_item_schema();
	}

	private function site_health() {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		return call_user_func( WP_Site_Health::get_tests()['direct'][ Site_Health::TEST ]['test'] );
	}

	public function test_a_callback_that_throws_is_a_finding_naming_its_file_and_line_never_a_failed_request() {
		$file = $this->neighbour( "\tthrow new \\RuntimeException( 'neighbour broke' );" );

		foreach ( array( '/runtimes', '/signatures', '/foreign-signatures', '/attribution/observations', '/attribution/summary', '/attribution/worktrees', '/dmc' ) as $route ) {
			$this->assertSame( 200, $this->call( 'GET', $route )[0], "GET $route" );
		}
		$this->assertSame( 200, $this->call( 'POST', '/attribution/preview', array( 'env' => array( 'KIMAKI_SESSION_ID' => 's-1' ) ) )[0] );

		list( , $signatures ) = $this->call( 'GET', '/signatures' );
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $signatures['signatures'] ), 'the chain goes on with the value the callback was given' );
		$threw = wp_list_filter( $signatures['findings'], array( 'code' => 'wpca_callback_threw' ) );
		$this->assertCount( 1, $threw );
		$threw = reset( $threw );
		$this->assertSame( array( $file, 3, 20 ), array( $threw['declared_by']['file'], $threw['declared_by']['line'], $threw['declared_by']['priority'] ) );
		$this->assertStringContainsString( "$file:3", $threw['message'] );
		$this->assertStringContainsString( 'RuntimeException: neighbour broke', $threw['message'] );
		$this->assertTrue( rest_validate_value_from_schema( $signatures, self::schema( Signatures_Controller::class ) ) );

		$health = $this->site_health();
		$this->assertSame( 'recommended', $health['status'] );
		$this->assertStringContainsString( "$file:3", $health['description'] );

		// DMC's own call of the filter is WordPress's, untouched: the error reaches it.
		$this->expectException( \RuntimeException::class );
		apply_filters( Filter_Publisher::HOOK, array() );
	}

	public function test_warnings_output_and_a_value_that_is_no_map_are_findings_too() {
		$warns   = $this->neighbour( "\t\$undefined = array();\n\t\$signatures['x'] = \$undefined['nothing'];\n\treturn \$signatures;" );
		$prints  = $this->neighbour( "\techo 'hello from a neighbour';\n\treturn \$signatures;" );
		$no_map  = $this->neighbour( "\treturn 'not a map';" );
		$restore = $this->neighbour( "\treturn array( 'restored' => array( 'session_id' => 'RESTORED_ID' ) );", 30 );

		list( $status, $body ) = $this->call( 'GET', '/signatures' );

		$this->assertSame( 200, $status );
		$codes = array();
		foreach ( $body['findings'] as $finding ) {
			$codes[ $finding['code'] ] = $finding['declared_by']['file'] ?? null;
		}
		$this->assertSame( $warns, $codes['wpca_callback_warned'] );
		$this->assertSame( $prints, $codes['wpca_callback_printed'] );
		$this->assertSame( $no_map, $codes['wpca_callback_not_map'] );
		$this->assertArrayNotHasKey( 'wpca_callback_threw', $codes );
		$this->assertSame( array( 'restored' ), array_keys( $body['signatures'] ) );
		$this->assertNotSame( '', $restore );
	}

	public function test_each_foreign_callback_runs_once_for_the_screens_preloaded_reads_and_site_health() {
		$file = $this->neighbour( "\t\$signatures['neighbour'] = array( 'session_id' => 'NEIGHBOUR_ID' );\n\treturn \$signatures;" );

		$preloaded = array();
		foreach ( Admin_Page::PRELOADED_ROUTES as $route ) {
			$preloaded = rest_preload_api_request( $preloaded, '/' . Plugin::REST_NAMESPACE . $route );
		}
		$this->site_health();
		$this->call( 'GET', '/foreign-signatures' );

		$this->assertCount( count( Admin_Page::PRELOADED_ROUTES ), $preloaded );
		foreach ( $preloaded as $path => $response ) {
			$this->assertSame( 200, $response['headers']['status'] ?? 200, $path );
		}
		$this->assertSame( 1, $this->calls( $file ), 'one run of the callback serves every route of the request and Site Health' );
	}

	public function test_a_write_runs_again_only_the_callbacks_whose_input_changed() {
		$before = $this->neighbour( "\treturn \$signatures;", 5 );
		$after  = $this->neighbour( "\treturn \$signatures;", 20 );

		$this->call( 'GET', '/runtimes' );
		$this->call( 'PUT', '/runtimes/custom', array( 'fields' => array( 'session_id' => 'CUSTOM_SESSION_ID' ) ) );

		$this->assertSame( 1, $this->calls( $before ), 'before ours, its input is unchanged by the write' );
		$this->assertSame( 2, $this->calls( $after ), 'after ours, it is given the new entry' );
	}

	/**
	 * Shapes a neighbour can return, from var_export-able PHP expressions.
	 *
	 * @return array[]
	 */
	public function shapes() {
		return array(
			'a nested array where a variable name belongs' => array( "array( 'nested' => array( 'session_id' => array( 'deeper' => array( 'A' ) ) ) )" ),
			'objects, closures and a resource'             => array( "array( 'obj' => new \\ArrayObject( array( 1 ) ), 'fn' => array( 'session_id' => static function () {} ), 'res' => array( 'session_id' => fopen( 'php://memory', 'r' ) ) )" ),
			'non-finite numbers'                           => array( "array( 'nan' => array( 'session_id' => NAN, 'run_id' => INF ), 'float' => 1.5 )" ),
			'integer keys and lists'                       => array( "array( 7 => array( 'X' ), 'list' => array( 'A', 'B' ), '' => array( 'session_id' => 'EMPTY_ID' ) )" ),
			'invalid UTF-8 and direction controls'         => array( "array( \"bad\\xff\" => array( 'session_id' => \"\\xfe\\xff\" ), \"evil\\u{202E}ikamik\" => array( \"s\\u{2066}\" => \"NAME\\u{202E}DI_NOISSES\" ) )" ),
			'megabytes of entries'                         => array( "array_fill_keys( array_map( static function ( \$i ) { return 'agent-' . \$i; }, range( 1, 5000 ) ), array( 'session_id' => str_repeat( 'V', 20000 ) ) )" ),
		);
	}

	/**
	 * @dataProvider shapes
	 */
	public function test_any_shape_of_foreign_data_answers_valid_json_within_the_schemas( $expression ) {
		$this->neighbour( "\treturn array_merge( \$signatures, $expression );" );
		$this->neighbour( "\treturn array( 'kimaki' => $expression );", 25 );
		$this->neighbour( "\treturn $expression;", 26 );

		foreach ( array(
			'/signatures'         => self::schema( Signatures_Controller::class ),
			'/foreign-signatures' => self::schema( Foreign_Signatures_Controller::class ),
			'/runtimes'           => array(
				'type'  => 'array',
				'items' => self::schema( Runtimes_Controller::class ),
			),
		) as $route => $schema ) {
			$response = rest_do_request( new \WP_REST_Request( 'GET', '/wp-coding-agents/v1' . $route ) );
			$this->assertSame( 200, $response->get_status(), $route );
			$json = wp_json_encode( rest_get_server()->response_to_data( $response, false ) );
			$this->assertIsString( $json, "$route encodes as JSON" );
			$this->assertLessThan( 1024 * 1024, strlen( $json ), "$route stays bounded" );
			$this->assertTrue( rest_validate_value_from_schema( json_decode( $json, true ), $schema, 'response' ), "$route fits its schema" );
		}
		list( , $foreign ) = $this->call( 'GET', '/foreign-signatures' );
		foreach ( $foreign['entries'] as $entry ) {
			$this->assertContainsOnly( 'string', $entry['fields'], true, 'every declared value renders as text' );
			$this->assertStringNotContainsString( "\u{202E}", $entry['id'] );
		}
		$this->assertContains( $this->site_health()['status'], array( 'good', 'recommended' ) );
	}
}
