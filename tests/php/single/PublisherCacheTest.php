<?php
/**
 * The published map is read once per request and forgotten when its options change.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Filter_Publisher's kept map, on the site's real options and hooks.
 */
class PublisherCacheTest extends Test_Case {

	/**
	 * Times the stored option was read (core's `option_{name}` filter runs on every get_option()).
	 *
	 * @var int
	 */
	private $reads = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->reads = 0;
		add_filter( 'option_' . Signature_Store::OPTION, array( $this, 'count_read' ) );
	}

	protected function tearDown(): void {
		remove_filter( 'option_' . Signature_Store::OPTION, array( $this, 'count_read' ) );
		parent::tearDown();
	}

	/**
	 * `option_{name}` filter: counts a read.
	 *
	 * @param mixed $value Option value.
	 * @return mixed
	 */
	public function count_read( $value ) {
		++$this->reads;
		return $value;
	}

	private static function published() {
		return apply_filters( Filter_Publisher::HOOK, array() );
	}

	public function test_repeated_calls_read_the_option_once() {
		$this->store()->put( 'kimaki', array( 'fields' => array( 'session_id' => 'KIMAKI_SESSION_ID' ) ) );
		$this->plugin_publisher();
		$expected    = array( 'kimaki' => array( 'session_id' => 'KIMAKI_SESSION_ID' ) );
		$this->reads = 0;
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( $expected, self::published() );
		}
		$this->assertSame( 1, $this->reads, 'Five calls of the filter read the stored option once.' );
	}

	public function test_add_update_and_delete_of_the_option_are_seen_at_once() {
		$this->assertSame( array(), self::published() );

		add_option( Signature_Store::OPTION, array( 'added' => array( 'session_id' => 'ADDED' ) ), '', false );
		$this->assertSame( array( 'added' => array( 'session_id' => 'ADDED' ) ), self::published(), 'add_option' );

		update_option( Signature_Store::OPTION, array( 'updated' => array( 'run_id' => 'UPDATED' ) ), false );
		$this->assertSame( array( 'updated' => array( 'run_id' => 'UPDATED' ) ), self::published(), 'update_option' );

		delete_option( Signature_Store::OPTION );
		$this->assertSame( array(), self::published(), 'delete_option' );
	}

	public function test_every_store_write_is_seen_by_the_next_call() {
		$store = $this->store();
		$store->put( 'kimaki', array( 'fields' => array( 'session_id' => 'K' ) ) );
		$store->put( 'opencode', array( 'fields' => array( 'run_id' => 'O' ) ) );
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( self::published() ) );

		$store->reorder( array( 'opencode', 'kimaki' ) );
		$this->assertSame( array( 'opencode', 'kimaki' ), array_keys( self::published() ), 'reorder' );

		$store->patch( 'opencode', array( 'enabled' => false ) );
		$this->assertSame( array( 'kimaki' ), array_keys( self::published() ), 'disable' );

		$store->patch( 'opencode', array( 'enabled' => true ) );
		$this->assertSame( array( 'opencode', 'kimaki' ), array_keys( self::published() ), 'enable' );

		$store->delete( 'kimaki' );
		$this->assertSame( array( 'opencode' => array( 'run_id' => 'O' ) ), self::published(), 'delete' );
	}

	public function test_a_write_by_another_process_is_seen_by_the_next_request() {
		$this->assertSame( array(), self::published() );
		// Another PHP process writes the option, as an installer's request would.
		$this->run_in_another_process( "update_option( '" . Signature_Store::OPTION . "', array( 'elsewhere' => array( 'session_id' => 'ELSEWHERE' ) ), false );" );
		// A new request (another process) publishes it.
		$this->assertSame(
			'{"elsewhere":{"session_id":"ELSEWHERE"}}',
			trim( $this->run_in_another_process( "echo wp_json_encode( apply_filters( '" . Filter_Publisher::HOOK . "', array() ) );" ) )
		);
	}

	/**
	 * Runs PHP code in a new PHP process with the test site's WordPress loaded.
	 *
	 * @param string $code PHP code.
	 * @return string What it printed.
	 */
	private function run_in_another_process( $code ) {
		$command = sprintf(
			'php %s %s %s',
			escapeshellarg( dirname( __DIR__, 3 ) . '/scripts/lib/wp-eval.php' ),
			escapeshellarg( WPCA_TEST_SITE['wpDir'] ),
			escapeshellarg( WPCA_TEST_SITE['url'] )
		);
		$process = proc_open( $command, array( array( 'pipe', 'r' ), array( 'pipe', 'w' ) ), $pipes );
		$this->assertIsResource( $process );
		fwrite( $pipes[0], $code );
		fclose( $pipes[0] );
		$output = stream_get_contents( $pipes[1] );
		fclose( $pipes[1] );
		$this->assertSame( 0, proc_close( $process ), $output );
		return $output;
	}
}
