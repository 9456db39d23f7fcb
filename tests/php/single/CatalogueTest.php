<?php
/**
 * The runtime catalogue: built-in entries, other code's entries through
 * `wpca_runtime_catalogue` (validated and isolated), GET /catalogue, adding a runtime
 * with `preset`, and what the observation history says of each variable.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use RuntimeException;
use WP_Coding_Agents\Runtimes\Admin\Screen_First_Paint;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Rules\Variable_Names;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Through the classes and the REST server, in one process.
 */
class CatalogueTest extends Test_Case {

	/**
	 * Callbacks this test added to the catalogue filter.
	 *
	 * @var array[] `[ callback, priority ]`
	 */
	private $callbacks = array();

	protected function tearDown(): void {
		foreach ( $this->callbacks as list( $callback, $priority ) ) {
			remove_filter( Runtime_Catalogue::FILTER, $callback, $priority );
		}
		parent::tearDown();
	}

	/**
	 * Adds a callback to the catalogue filter for this test.
	 *
	 * @param callable $callback Callback.
	 * @param int      $priority Priority.
	 */
	private function extend( callable $callback, $priority = 10 ) {
		add_filter( Runtime_Catalogue::FILTER, $callback, $priority );
		$this->callbacks[] = array( $callback, $priority );
	}

	/**
	 * GET /catalogue's runtimes by id.
	 *
	 * @return array<string, array>
	 */
	private function catalogue() {
		list( $status, $data ) = $this->call( 'GET', '/catalogue' );
		$this->assertSame( 200, $status, wp_json_encode( $data ) );
		return array_column( $data['runtimes'], null, 'id' );
	}

	/**
	 * One variable of a catalogue runtime.
	 *
	 * @param array  $runtime Catalogue runtime.
	 * @param string $name    Variable name.
	 * @return array
	 */
	private static function variable( array $runtime, $name ) {
		return array_column( $runtime['variables'], null, 'name' )[ $name ];
	}

	public function test_the_built_in_catalogue_keeps_the_defaults_and_knows_claude_code_codex_goose_and_gemini_cli() {
		$catalogue = ( new Runtime_Catalogue() )->read();
		$entries   = $catalogue['entries'];

		$this->assertSame( array( 'kimaki', 'opencode', 'claude-code', 'codex', 'goose', 'gemini-cli' ), array_keys( $entries ) );
		$this->assertSame( array(), $catalogue['rejected'], 'Every built-in entry passes the checks other code\'s entries pass.' );
		// The defaults, unchanged: the same fields, kimaki ahead of opencode, the only presets.
		$this->assertSame( self::PRESET_SIGNATURES, array_map( static fn( $preset ) => $preset['fields'], Presets::all() ) );
		foreach ( self::PRESET_SIGNATURES as $id => $fields ) {
			$this->assertSame( $fields, $entries[ $id ]['fields'] );
			$this->assertTrue( $entries[ $id ]['default'] );
		}
		$this->assertSame( array( 'session_id' => 'CLAUDE_CODE_SESSION_ID' ), $entries['claude-code']['fields'] );
		$this->assertSame( array( 'session_id' => 'CODEX_THREAD_ID' ), $entries['codex']['fields'] );
		$this->assertSame( array( 'session_id' => 'AGENT_SESSION_ID' ), $entries['goose']['fields'] );
		$this->assertFalse( $entries['gemini-cli']['attributable'] );
		$this->assertSame( array(), $entries['gemini-cli']['fields'] );

		$run_id = array_column( $entries['opencode']['variables'], null, 'name' );
		$this->assertSame( 'process', $run_id['OPENCODE_RUN_ID']['identifies'], 'OPENCODE_RUN_ID identifies a process, not a thread.' );
		$this->assertSame( 'never', $run_id['OPENCODE_SESSION_ID']['set_by'] );
		foreach ( array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'KIMAKI_THREAD_URL' ) as $name ) {
			$this->assertSame( 'bridge', array_column( $entries['kimaki']['variables'], null, 'name' )[ $name ]['set_by'], $name );
		}
		$claude = array_column( $entries['claude-code']['variables'], null, 'name' )['CLAUDE_CODE_SESSION_ID'];
		$this->assertSame( array( 'project' => 'Claude Code', 'version' => '2.1.132' ), $claude['upstream'] );
		$goose = array_column( $entries['goose']['variables'], null, 'name' );
		$this->assertTrue( $goose['AGENT_SESSION_ID']['generic'] );
		$this->assertNull( $goose['AGENT']['subkey'], 'A marker is described, not published.' );
		$this->assertFalse( array_column( $entries['codex']['variables'], null, 'name' )['CODEX_THREAD_ID']['generic'] );
	}

	public function test_nothing_in_the_catalogue_is_published_or_listed_until_added() {
		$catalogue = $this->catalogue();

		foreach ( $catalogue as $id => $runtime ) {
			$this->assertFalse( $runtime['registered'], $id );
			$this->assertFalse( $runtime['enabled'], $id );
		}
		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ) );
		// Only the defaults are listed among the runtimes before anyone registers them.
		$this->assertSame( array( 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
		list( $status, $data ) = $this->call( 'GET', '/runtimes/codex' );
		$this->assertSame( 404, $status );
		$this->assertSame( 'wpca_runtime_not_found', $data['code'] );
	}

	public function test_a_preset_adds_a_catalogue_runtime_idempotently_and_it_is_then_a_runtime_like_any_other() {
		list( $status, $item ) = $this->call( 'PUT', '/runtimes/codex', array( 'preset' => 'codex' ) );

		$this->assertSame( 201, $status, wp_json_encode( $item ) );
		$this->assertSame( 'Codex', $item['label'] );
		$this->assertSame( array( 'session_id' => 'CODEX_THREAD_ID' ), $item['fields'] );
		$this->assertTrue( $item['enabled'] );
		$this->assertSame( array( 'codex' => array( 'session_id' => 'CODEX_THREAD_ID' ) ), apply_filters( Filter_Publisher::HOOK, array() ) );
		$codex = $this->catalogue()['codex'];
		$this->assertTrue( $codex['registered'] );
		$this->assertTrue( $codex['enabled'] );
		$this->assertTrue( $codex['fields_match'] );

		$stored               = $this->stored( Signature_Store::META_OPTION );
		list( $again, $same ) = $this->call( 'PUT', '/runtimes/codex', array( 'preset' => 'codex' ) );
		$this->assertSame( 200, $again );
		$this->assertSame( $item['updated_at'], $same['updated_at'] );
		$this->assertSame( $stored, $this->stored( Signature_Store::META_OPTION ), 'The same add again changes nothing.' );

		// Like any runtime: toggled, edited, then removed; it goes back to the catalogue only.
		list( $status ) = $this->call( 'PATCH', '/runtimes/codex', array( 'fields' => array( 'session_id' => 'CODEX_THREAD_ID', 'thread_id' => 'CODEX_THREAD_ID' ) ) );
		$this->assertSame( 200, $status );
		$this->assertFalse( $this->catalogue()['codex']['fields_match'] );
		list( $status, $deleted ) = $this->call( 'DELETE', '/runtimes/codex' );
		$this->assertSame( 200, $status );
		$this->assertTrue( $deleted['deleted'] );
		$this->assertSame( array( 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
		$this->assertFalse( $this->catalogue()['codex']['registered'] );
	}

	public function test_a_label_sent_with_a_preset_wins_and_disabled_registers_without_publishing() {
		list( $status, $item ) = $this->call(
			'PUT',
			'/runtimes/claude-code',
			array(
				'preset'  => 'claude-code',
				'label'   => 'Claude (CI)',
				'enabled' => false,
			)
		);

		$this->assertSame( 201, $status );
		$this->assertSame( 'Claude (CI)', $item['label'] );
		$this->assertFalse( $item['enabled'] );
		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ) );
	}

	/**
	 * Bad presets: path, body, code, field.
	 *
	 * @return array[]
	 */
	public function bad_presets() {
		return array(
			'another runtime\'s preset' => array( '/runtimes/goose', array( 'preset' => 'codex' ), 'wpca_invalid_preset' ),
			'not an id'                 => array( '/runtimes/codex', array( 'preset' => 'Codex CLI' ), 'wpca_invalid_preset' ),
			'not a string'              => array( '/runtimes/codex', array( 'preset' => true ), 'wpca_invalid_preset' ),
			'with fields'               => array(
				'/runtimes/codex',
				array(
					'preset' => 'codex',
					'fields' => array( 'session_id' => 'X' ),
				),
				'wpca_invalid_preset',
			),
			'unknown'                   => array( '/runtimes/cursor', array( 'preset' => 'cursor' ), 'wpca_unknown_preset' ),
			'nothing to record'         => array( '/runtimes/gemini-cli', array( 'preset' => 'gemini-cli' ), 'wpca_preset_unattributable' ),
		);
	}

	/**
	 * @dataProvider bad_presets
	 *
	 * @param string $path Route.
	 * @param array  $body Body.
	 * @param string $code Expected code.
	 */
	public function test_a_bad_preset_is_refused_naming_the_field_and_stores_nothing( $path, array $body, $code ) {
		list( $status, $data ) = $this->call( 'PUT', $path, $body );

		$this->assertSame( 400, $status );
		$this->assertSame( $code, $data['code'] );
		$this->assertArrayHasKey( 'preset', $data['data']['params'] );
		$this->assertNull( $this->stored() );
		$this->assertNull( $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_other_code_adds_a_runtime_through_the_filter_and_it_can_be_added_like_a_built_in_one() {
		$this->extend(
			static function ( $entries ) {
				$entries['amp'] = array(
					'label'     => 'Amp',
					'fields'    => array( 'session_id' => 'AMP_THREAD_ID' ),
					'variables' => array(
						'AMP_THREAD_ID' => array(
							'identifies' => 'thread',
							'set_by'     => 'runtime',
							'upstream'   => array(
								'project' => 'Amp',
								'version' => '1.0',
							),
						),
					),
					'notes'     => array( 'Seen on our agents.' ),
				);
				return $entries;
			}
		);

		$amp = $this->catalogue()['amp'];

		$this->assertSame( 'filter', $amp['origin'] );
		$this->assertSame( 'tests/php/single/CatalogueTest.php', substr( $amp['added_by']['file'], -strlen( 'tests/php/single/CatalogueTest.php' ) ) );
		$this->assertSame( 'thread', self::variable( $amp, 'AMP_THREAD_ID' )['identifies'] );
		$this->assertSame( 'documented', self::variable( $amp, 'AMP_THREAD_ID' )['evidence']['confidence'] );
		list( $status ) = $this->call( 'PUT', '/runtimes/amp', array( 'preset' => 'amp' ) );
		$this->assertSame( 201, $status );
		$this->assertSame( array( 'amp' => array( 'session_id' => 'AMP_THREAD_ID' ) ), apply_filters( Filter_Publisher::HOOK, array() ) );
	}

	/**
	 * Bad entries other code may add: entry, id, what the reason names.
	 *
	 * @return array[]
	 */
	public function bad_entries() {
		return array(
			'not an array'       => array( 'a-1', 'Amp', 'must be an array' ),
			'no label'           => array( 'a-2', array( 'fields' => array() ), 'label' ),
			'no fields'          => array( 'a-3', array( 'label' => 'A' ), 'fields' ),
			'a bad variable'     => array(
				'a-4',
				array(
					'label'  => 'A',
					'fields' => array( 'session_id' => 'NOT A NAME' ),
				),
				'fields[session_id]',
			),
			'a bad claim'        => array(
				'a-5',
				array(
					'label'     => 'A',
					'fields'    => array( 'session_id' => 'A_ID' ),
					'variables' => array( 'A_ID' => array( 'identifies' => 'user' ) ),
				),
				'variables[A_ID]',
			),
			'a digit id'         => array( '123', array( 'label' => 'A', 'fields' => array() ), 'Not a runtime id' ),
			'an underscore id'   => array( 'a_b', array( 'label' => 'A', 'fields' => array() ), 'Not a runtime id' ),
			'a changed built-in' => array(
				'codex',
				array(
					'label'  => 'Codex',
					'fields' => array( 'session_id' => 'CODEX_SESSION_ID' ),
				),
				'built-in entry cannot be changed',
			),
		);
	}

	/**
	 * @dataProvider bad_entries
	 *
	 * @param string $id     Entry id.
	 * @param mixed  $entry  Entry.
	 * @param string $reason What the reason names.
	 */
	public function test_a_bad_entry_from_other_code_is_dropped_with_the_reason_and_never_breaks_the_catalogue( $id, $entry, $reason ) {
		$this->extend(
			static function ( $entries ) use ( $id, $entry ) {
				$entries[ $id ] = $entry;
				return $entries;
			}
		);

		list( $status, $data ) = $this->call( 'GET', '/catalogue' );

		$this->assertSame( 200, $status );
		$this->assertCount( 1, $data['rejected'] );
		$this->assertSame( (string) $id, $data['rejected'][0]['id'] );
		$this->assertStringContainsString( $reason, $data['rejected'][0]['message'] );
		$this->assertStringEndsWith( 'CatalogueTest.php', $data['rejected'][0]['added_by']['file'] );
		$runtimes = array_column( $data['runtimes'], null, 'id' );
		$this->assertSame( array( 'kimaki', 'opencode', 'claude-code', 'codex', 'goose', 'gemini-cli' ), array_keys( $runtimes ) );
		$this->assertSame( array( 'session_id' => 'CODEX_THREAD_ID' ), $runtimes['codex']['fields'], 'A built-in entry stays as built.' );
	}

	public function test_a_callback_that_throws_or_returns_nonsense_costs_only_its_own_change() {
		$this->extend(
			static function ( $entries ) {
				$entries['kept'] = array(
					'label'  => 'Kept',
					'fields' => array( 'session_id' => 'KEPT_SESSION_ID' ),
				);
				return $entries;
			},
			5
		);
		$this->extend(
			static function ( $entries ) {
				throw new RuntimeException( 'neighbour broke' );
			}
		);
		$this->extend(
			static function ( $entries ) {
				return null;
			},
			20
		);
		$this->extend(
			static function ( $entries ) {
				unset( $entries['kimaki'] );
				return $entries;
			},
			30
		);

		list( $status, $data ) = $this->call( 'GET', '/catalogue' );

		$this->assertSame( 200, $status );
		$this->assertSame( array( 'kimaki', 'opencode', 'claude-code', 'codex', 'goose', 'gemini-cli', 'kept' ), array_column( $data['runtimes'], 'id' ) );
		$messages = array_column( $data['rejected'], 'message' );
		$this->assertCount( 3, $messages );
		$this->assertStringContainsString( 'threw RuntimeException (neighbour broke)', $messages[0] );
		$this->assertStringContainsString( 'returned NULL', $messages[1] );
		$this->assertStringContainsString( 'cannot be removed', $messages[2] );
		$this->assertNull( $data['rejected'][0]['id'] );
		$this->assertSame( 'kimaki', $data['rejected'][2]['id'] );
	}

	public function test_inside_the_callbacks_the_filter_is_the_current_one() {
		$seen = null;
		$this->extend(
			static function ( $entries ) use ( &$seen ) {
				$seen = current_filter();
				return $entries;
			}
		);

		( new Runtime_Catalogue() )->read();

		$this->assertSame( Runtime_Catalogue::FILTER, $seen );
		$this->assertFalse( doing_filter( Runtime_Catalogue::FILTER ) );
	}

	public function test_the_observation_history_not_the_claim_decides_what_the_screen_is_told() {
		$this->register_presets();
		// kimaki's own processes never carry its per-session variables (no bridge): the claim agrees.
		$this->assertSame( 200, $this->observe( array( 'OPENCODE_RUN_ID' => 'r-1' ), array( 'runtime' => 'opencode' ) ) );
		$this->assertSame( 200, $this->observe( array( 'OPENCODE_SESSION_ID' => 'o-1' ), array( 'runtime' => 'opencode' ) ) );
		$this->assertSame( 200, $this->observe( array(), array( 'runtime' => 'kimaki' ) ) );
		list( $status ) = $this->call( 'PUT', '/runtimes/codex', array( 'preset' => 'codex' ) );
		$this->assertSame( 201, $status );
		$this->assertSame( 200, $this->observe( array( 'KIMAKI_SESSION_ID' => 'k-1' ), array( 'runtime' => 'codex' ) ) );

		$catalogue = $this->catalogue();

		$never = self::variable( $catalogue['opencode'], 'OPENCODE_SESSION_ID' )['evidence'];
		$this->assertSame( 'contradicted', $never['confidence'], 'Declared as never set, seen here.' );
		$this->assertSame( 1, $never['times_seen'] );
		$this->assertNotNull( $never['last_seen_at'] );
		$this->assertSame( 'observed', self::variable( $catalogue['opencode'], 'OPENCODE_RUN_ID' )['evidence']['confidence'] );
		$codex = self::variable( $catalogue['codex'], 'CODEX_THREAD_ID' )['evidence'];
		$this->assertSame( 'contradicted', $codex['confidence'], 'Documented as exported, never seen in a codex process.' );
		$this->assertSame( array( 1, 0 ), array( $codex['checks'], $codex['seen_in_checks'] ) );
		$bridge = self::variable( $catalogue['kimaki'], 'KIMAKI_THREAD_ID' )['evidence'];
		$this->assertSame( 'not_seen', $bridge['confidence'], 'Only a bridge sets it: not seen in kimaki\'s own process is no contradiction.' );
		$this->assertSame( 'observed', self::variable( $catalogue['kimaki'], 'KIMAKI_SESSION_ID' )['evidence']['confidence'], 'Seen in some process: observed.' );
		$this->assertSame( 'documented', self::variable( $catalogue['goose'], 'AGENT_SESSION_ID' )['evidence']['confidence'], 'Never read by verify: upstream\'s word only.' );

		// What the screen says, in the site's formats: the observation, ahead of the claim.
		$this->assertStringStartsWith( 'Seen here 1 time, last ', $never['summary'] );
		$this->assertStringEndsWith( 'Something on this site exports it.', $never['summary'] );
		$this->assertSame( 'Not seen in the 1 verify run of codex that read it.', $codex['summary'] );
		$this->assertNull( self::variable( $catalogue['goose'], 'AGENT_SESSION_ID' )['evidence']['summary'] );

		// The first paint prints the same note on the cards as the app (nothing moves when it takes over).
		ob_start();
		( new Screen_First_Paint( $this->store(), Plugin::dmc_detector(), Plugin::catalogue(), Plugin::verification_log() ) )->render();
		$html = ob_get_clean();
		$this->assertStringContainsString( '<strong>Observed here, against upstream:</strong> <code>OPENCODE_SESSION_ID</code> Seen here 1 time', $html );
		$this->assertStringContainsString( 'it identifies a process, not a thread', $html );
		$this->assertStringContainsString( 'reach an agent process only when a bridge exports them', $html );
	}

	public function test_a_generic_session_variable_ahead_of_specific_ones_is_flagged_and_not_once_it_follows() {
		$this->register_presets();
		foreach ( array( 'codex', 'goose' ) as $id ) {
			list( $status ) = $this->call( 'PUT', '/runtimes/' . $id, array( 'preset' => $id ) );
			$this->assertSame( 201, $status );
		}
		list( , $data ) = $this->call( 'GET', '/catalogue' );
		$this->assertSame( array(), $data['order_warnings'], 'Added from the catalogue, goose goes last.' );

		list( $status ) = $this->call( 'PUT', '/order', array( 'order' => array( 'kimaki', 'goose', 'opencode', 'codex' ) ) );
		$this->assertSame( 200, $status );
		list( , $data ) = $this->call( 'GET', '/catalogue' );

		$this->assertCount( 1, $data['order_warnings'] );
		$warning = $data['order_warnings'][0];
		$this->assertSame( 'goose', $warning['runtime'] );
		$this->assertSame( 'AGENT_SESSION_ID', $warning['variable'] );
		$this->assertSame( array( 'opencode', 'codex' ), $warning['ahead_of'], 'Only the runtimes after it.' );
		$this->assertStringContainsString( 'a generic name', $warning['message'] );
	}

	public function test_a_name_is_generic_only_when_no_word_of_it_belongs_to_a_runtime() {
		foreach ( array( 'AGENT_SESSION_ID', 'SESSION_ID', 'THREAD_ID', 'agent_session_id', 'AI_CHAT_ID', 'AGENT' ) as $name ) {
			$this->assertTrue( Variable_Names::is_generic( $name ), $name );
		}
		foreach ( array( 'KIMAKI_SESSION_ID', 'CODEX_THREAD_ID', 'CLAUDE_CODE_SESSION_ID', 'OPENCODE_RUN_ID', 'GOOSE_AGENT_SESSION_ID', '' ) as $name ) {
			$this->assertFalse( Variable_Names::is_generic( $name ), $name );
		}
	}
}
