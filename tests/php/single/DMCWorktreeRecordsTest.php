<?php
/**
 * Reading back what DMC recorded in `datamachine_worktree_metadata`, exactly as DMC's
 * WorktreeContextInjector::summarize_session() reads it (docs/contract.md).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Origin_Session_Reader;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_REST_Request;

/**
 * Current and legacy shapes, normalisation, primary_id precedence, corrupted values,
 * pagination of thousands of rows, the per-runtime summary.
 */
class DMCWorktreeRecordsTest extends Test_Case {

	protected function tearDown(): void {
		delete_option( DMC_Worktree_Records::OPTION );
		parent::tearDown();
	}

	private function session( array $stored, array $signatures = self::PRESET_SIGNATURES ) {
		return Origin_Session_Reader::summarize_session( $stored, $signatures );
	}

	private function seed( array $rows ) {
		update_option( DMC_Worktree_Records::OPTION, $rows, false );
	}

	private function read( array $signatures = self::PRESET_SIGNATURES ) {
		return ( new DMC_Worktree_Records() )->read( $signatures );
	}

	public function test_current_shape_is_read_as_stored() {
		$session = $this->session(
			array(
				'primary_id' => 'k-1',
				'ids'        => array(
					'kimaki'   => array(
						'session_id' => 'k-1',
						'thread_url' => 'https://discord.com/channels/1/2',
					),
					'opencode' => array( 'run_id' => 'run-9' ),
				),
			)
		);

		$this->assertSame( 'k-1', $session['primary_id'] );
		$this->assertSame( 'kimaki', $session['primary_runtime'] );
		$this->assertSame( 'explicit', $session['primary_rule'] );
		$this->assertSame(
			array(
				'kimaki'   => array(
					'session_id' => 'k-1',
					'thread_url' => 'https://discord.com/channels/1/2',
				),
				'opencode' => array( 'run_id' => 'run-9' ),
			),
			$session['ids']
		);
	}

	public function test_legacy_keys_are_split_at_the_first_underscore_without_overwriting_ids() {
		$session = $this->session(
			array(
				'kimaki_session_id'  => 'legacy-k',
				'kimaki_thread_url'  => 'https://discord.com/channels/3/4',
				'opencode_run_id'    => 'legacy-run',
				'my_tool_session_id' => 'mis-split',
				'nounderscore'       => 'ignored',
				'_leading'           => 'ignored',
				'trailing_'          => 'ignored',
				'ids'                => array( 'opencode' => array( 'run_id' => 'canonical-run' ) ),
			)
		);

		$this->assertSame(
			array(
				'opencode' => array( 'run_id' => 'canonical-run' ),
				'kimaki'   => array(
					'session_id' => 'legacy-k',
					'thread_url' => 'https://discord.com/channels/3/4',
				),
				// DMC's migration splits "my_tool_session_id" into runtime "my", subkey "tool_session_id".
				'my'       => array( 'tool_session_id' => 'mis-split' ),
			),
			$session['ids']
		);
		$this->assertSame( 'legacy-k', $session['primary_id'] );
		$this->assertSame( 'session_id', $session['primary_rule'] );
	}

	public function test_values_are_normalised_and_null_subkeys_kept() {
		$session = $this->session(
			array(
				'ids' => array(
					'kimaki'   => array(
						'session_id' => '   ',
						'thread_id'  => 1184502913385,
						'thread_url' => null,
						'flag'       => true,
						'off'        => false,
						'ratio'      => 1.5,
						'nested'     => array( 'x' ),
						'padded'     => "  v  \n",
						7            => 'integer subkey dropped',
					),
					'opencode' => array( 'run_id' => null ),
					'empty'    => array(),
					5          => array( 'session_id' => 'integer runtime dropped' ),
					'scalar'   => 'not an entry',
				),
			)
		);

		$this->assertSame(
			array(
				'kimaki'   => array(
					'session_id' => null,
					'thread_id'  => '1184502913385',
					'thread_url' => null,
					'flag'       => '1',
					'off'        => null,
					'ratio'      => '1.5',
					'nested'     => null,
					'padded'     => 'v',
				),
				'opencode' => array( 'run_id' => null ),
			),
			$session['ids']
		);
		// No session_id has a value: the first non-null value of a registered runtime wins.
		$this->assertSame( '1184502913385', $session['primary_id'] );
		$this->assertSame( 'registered_value', $session['primary_rule'] );
		$this->assertSame( 'kimaki', $session['primary_runtime'] );
	}

	public function test_primary_id_follows_todays_signature_order() {
		$stored = array(
			'ids' => array(
				'kimaki'   => array( 'session_id' => 'k' ),
				'opencode' => array( 'session_id' => 'o' ),
			),
		);

		$this->assertSame( 'k', $this->session( $stored )['primary_id'] );
		$reordered = array(
			'opencode' => self::PRESET_SIGNATURES['opencode'],
			'kimaki'   => self::PRESET_SIGNATURES['kimaki'],
		);
		$this->assertSame( 'o', $this->session( $stored, $reordered )['primary_id'] );
		$this->assertSame( 'opencode', $this->session( $stored, $reordered )['primary_runtime'] );
	}

	public function test_a_session_id_of_a_later_runtime_beats_an_earlier_runtimes_other_values() {
		$session = $this->session(
			array(
				'ids' => array(
					'kimaki'   => array( 'thread_id' => 't' ),
					'opencode' => array( 'session_id' => 'o' ),
				),
			)
		);

		$this->assertSame( 'o', $session['primary_id'] );
		$this->assertSame( 'session_id', $session['primary_rule'] );
	}

	public function test_unregistered_runtimes_fall_back_to_any_captured_value() {
		$session = $this->session(
			array( 'ids' => array( 'codex' => array( 'thread_id' => 'cx' ) ) )
		);

		$this->assertSame( 'cx', $session['primary_id'] );
		$this->assertSame( 'codex', $session['primary_runtime'] );
		$this->assertSame( 'captured_value', $session['primary_rule'] );
	}

	public function test_an_explicit_primary_id_is_normalised_and_wins_even_if_no_runtime_holds_it() {
		$session = $this->session(
			array(
				'primary_id' => 42,
				'ids'        => array( 'kimaki' => array( 'session_id' => 'k' ) ),
			)
		);
		$this->assertSame( '42', $session['primary_id'] );
		$this->assertNull( $session['primary_runtime'] );
		$this->assertSame( 'explicit', $session['primary_rule'] );

		$blank = $this->session(
			array(
				'primary_id' => '  ',
				'ids'        => array( 'kimaki' => array( 'session_id' => 'k' ) ),
			)
		);
		$this->assertSame( 'k', $blank['primary_id'] );
		$this->assertSame( 'session_id', $blank['primary_rule'] );
	}

	public function test_nothing_captured_is_a_null_primary_id() {
		$session = $this->session( array() );

		$this->assertNull( $session['primary_id'] );
		$this->assertSame( array(), $session['ids'] );
		$this->assertNull( $session['primary_rule'] );
	}

	/**
	 * @dataProvider corrupted_options
	 */
	public function test_a_corrupted_option_reads_as_nothing_without_a_warning( $stored, $state ) {
		update_option( DMC_Worktree_Records::OPTION, $stored, false );

		$read = $this->read();

		$this->assertSame( $state, $read['option'] );
		$this->assertSame( array(), $read['rows'] );
	}

	public function corrupted_options() {
		return array(
			'string'        => array( 'garbage', 'unreadable' ),
			'integer'       => array( 42, 'unreadable' ),
			'true'          => array( true, 'unreadable' ),
			'object'        => array( (object) array( 'a' => array() ), 'unreadable' ),
			'empty array'   => array( array(), 'ok' ),
			'object string' => array( 'O:8:"stdClass":0:{}', 'unreadable' ),
		);
	}

	public function test_the_option_absent() {
		$this->assertSame( 'absent', $this->read()['option'] );
	}

	public function test_corrupted_rows_are_skipped_or_read_defensively() {
		$this->seed(
			array(
				'good@main'     => array(
					'repo'           => 'good',
					'branch'         => 'main',
					'created_at'     => '2026-11-20 10:00:00',
					'origin_session' => array( 'ids' => array( 'kimaki' => array( 'session_id' => 'k' ) ) ),
				),
				'scalar-row'    => 'not metadata',
				7               => array( 'repo' => 'integer handle' ),
				'bad-session'   => array(
					'repo'           => array( 'not', 'text' ),
					'branch'         => 12,
					'created_at'     => 'yesterday',
					'origin_session' => 'garbage',
				),
				'null-session'  => array( 'origin_session' => null ),
				'ids-not-array' => array( 'origin_session' => array( 'ids' => 'x' ) ),
			)
		);

		$read = $this->read();

		$this->assertSame( 2, $read['skipped'] );
		$this->assertSame( array( 'good@main', 'ids-not-array', 'null-session', 'bad-session' ), array_column( $read['rows'], 'handle' ) );
		$bad = $read['rows'][3];
		$this->assertNull( $bad['repo'] );
		$this->assertSame( '12', $bad['branch'] );
		$this->assertNull( $bad['created_at'] );
		$this->assertSame(
			array(
				'primary_id' => null,
				'ids'        => array(),
			),
			$bad['origin_session']
		);
	}

	public function test_rows_are_newest_first_in_both_date_formats_dmc_writes() {
		$this->seed(
			array(
				'a' => array( 'created_at' => '2026-11-20 10:00:00' ),
				'b' => array( 'created_at' => '2026-11-21T09:00:00+00:00' ),
				'c' => array( 'created_at' => '2026-11-20T23:00:00-02:00' ),
				'd' => array(),
				'e' => array( 'created_at' => '2026-11-20 10:00:00' ),
			)
		);

		$rows = $this->read()['rows'];

		$this->assertSame( array( 'b', 'c', 'e', 'a', 'd' ), array_column( $rows, 'handle' ) );
		$this->assertSame( '2026-11-21T01:00:00+00:00', $rows[1]['created_at'] );
		$this->assertSame( '2026-11-20T10:00:00+00:00', $rows[2]['created_at'] );
	}

	public function test_the_summary_counts_per_runtime_and_flags_a_published_runtime_with_no_evidence() {
		$rows = array();
		for ( $i = 1; $i <= 3; $i++ ) {
			$rows[ "wt-$i" ] = array(
				'created_at'     => "2026-11-2$i 10:00:00",
				'origin_session' => array( 'ids' => array( 'opencode' => array( 'run_id' => "run-$i" ) ) ),
			);
		}
		$rows['legacy'] = array(
			'created_at'     => '2026-01-01 00:00:00',
			'origin_session' => array( 'kimaki_session_id' => 'old' ),
		);
		$this->seed( $rows );
		$records = new DMC_Worktree_Records();

		$summary = $records->runtime_summary(
			$records->read( self::PRESET_SIGNATURES )['rows'],
			array( 'kimaki', 'opencode' ),
			array(
				'kimaki'   => '2026-11-01T00:00:00+00:00',
				'opencode' => '2026-11-22T00:00:00+00:00',
			)
		);

		$this->assertSame( array( 'kimaki', 'opencode' ), array_column( $summary, 'id' ) );
		list( $kimaki, $opencode ) = $summary;
		$this->assertSame( 1, $kimaki['worktrees'] );
		$this->assertSame( 1, $kimaki['primary'] );
		$this->assertSame( '2026-01-01T00:00:00+00:00', $kimaki['last_attributed_at'] );
		$this->assertSame( 3, $kimaki['worktrees_since'] );
		$this->assertSame( 0, $kimaki['attributed_since'] );
		$this->assertSame( 'unattributed', $kimaki['flag'] );
		$this->assertSame( 3, $opencode['worktrees'] );
		$this->assertSame( 2, $opencode['worktrees_since'] );
		$this->assertSame( 2, $opencode['attributed_since'] );
		$this->assertSame( '2026-11-23T10:00:00+00:00', $opencode['last_attributed_at'] );
		$this->assertNull( $opencode['flag'] );

		$later = $records->runtime_summary( $records->read( self::PRESET_SIGNATURES )['rows'], array( 'opencode' ), array( 'opencode' => '2026-12-01T00:00:00+00:00' ) );
		$this->assertSame( 'no_worktrees_since', $later[0]['flag'] );
		// kimaki is not published there but still appears: the records name it.
		$this->assertFalse( $later[1]['published'] );
		$this->assertNull( $later[1]['flag'] );
	}

	public function test_thousands_of_rows_paginate_over_rest_like_core() {
		foreach ( array( 'kimaki', 'opencode' ) as $id ) {
			$this->store()->put( $id, array( 'fields' => Presets::get( $id )['fields'] ) );
		}
		$rows = array();
		for ( $i = 0; $i < 2500; $i++ ) {
			$rows[ "repo@branch-$i" ] = array(
				'repo'           => 'repo',
				'branch'         => "branch-$i",
				'created_at'     => gmdate( 'Y-m-d H:i:s', 1790000000 + $i * 60 ),
				'origin_session' => 0 === $i % 2
					? array( 'ids' => array( 'kimaki' => array( 'session_id' => "k-$i" ) ) )
					: array( 'opencode_run_id' => "run-$i" ),
			);
		}
		$this->seed( $rows );

		$first = $this->get( '/attribution/worktrees', array( 'per_page' => 100 ) );
		$this->assertSame( 200, $first->get_status() );
		$this->assertSame( '2500', $first->get_headers()['X-WP-Total'] );
		$this->assertSame( '25', $first->get_headers()['X-WP-TotalPages'] );
		$data = $first->get_data();
		$this->assertCount( 100, $data );
		$this->assertSame( 'repo@branch-2499', $data[0]['handle'] );
		$this->assertSame( 'opencode', $data[0]['primary_runtime'] );
		$this->assertTrue( $data[0]['legacy'] );

		$last = $this->get(
			'/attribution/worktrees',
			array(
				'per_page' => '100',
				'page'     => '25',
			)
		)->get_data();
		$this->assertSame( 'repo@branch-0', $last[99]['handle'] );
		$this->assertSame( 'k-0', $last[99]['origin_session']['primary_id'] );

		$default = $this->get( '/attribution/worktrees', array() );
		$this->assertCount( 10, $default->get_data() );
		$this->assertSame( '250', $default->get_headers()['X-WP-TotalPages'] );

		$summary = $this->get( '/attribution/summary', array() )->get_data();
		$this->assertSame( 2500, $summary['total'] );
		$this->assertSame( array( 1250, 1250 ), array_column( $summary['runtimes'], 'worktrees' ) );
	}

	public function test_every_page_is_the_slice_of_the_whole_order_with_ties_undated_rows_and_skipped_entries() {
		// Handle => the time its row sorts by (null: no readable date), in stored order.
		$times = array();
		$rows  = array();
		for ( $i = 0; $i < 300; $i++ ) {
			$handle = "wt-$i";
			if ( 0 === $i % 11 ) {
				$rows[ "skipped-$i" ] = 'not metadata';
			}
			if ( 0 === $i % 13 ) {
				$rows[ $handle ]  = array( 'created_at' => 0 === $i % 2 ? 'yesterday' : null );
				$times[ $handle ] = null;
				continue;
			}
			// Few distinct times, so many rows tie; both formats DMC writes, other zones.
			$time             = 1790000000 + ( ( $i * 7 ) % 23 ) * 3600;
			$created_at       = 0 === $i % 3 ? gmdate( 'Y-m-d H:i:s', $time ) : gmdate( 'Y-m-d\TH:i:s', $time - 7200 ) . '-02:00';
			$rows[ $handle ]  = array(
				'created_at'     => $created_at,
				'origin_session' => array( 'ids' => array( 'kimaki' => array( 'session_id' => "k-$i" ) ) ),
			);
			$times[ $handle ] = $time;
		}
		$this->seed( $rows );
		$this->register_presets();
		// Newest first, undated last, among equals the later-stored first.
		$expected  = array_keys( $times );
		$positions = array_flip( $expected );
		usort(
			$expected,
			static function ( $a, $b ) use ( $times, $positions ) {
				if ( $times[ $a ] !== $times[ $b ] ) {
					return null === $times[ $a ] ? 1 : ( null === $times[ $b ] ? -1 : $times[ $b ] - $times[ $a ] );
				}
				return $positions[ $b ] - $positions[ $a ];
			}
		);
		$whole = $this->read();
		$this->assertSame( $expected, array_column( $whole['rows'], 'handle' ) );
		$this->assertSame( 28, $whole['skipped'] );
		$this->assertSame( 300, $whole['total'] );

		foreach ( array( 7, 100 ) as $per_page ) {
			$paged = array();
			$pages = (int) ceil( 300 / $per_page );
			for ( $page = 1; $page <= $pages; $page++ ) {
				$response = $this->get(
					'/attribution/worktrees',
					array(
						'per_page' => $per_page,
						'page'     => $page,
					)
				);
				$this->assertSame( '300', $response->get_headers()['X-WP-Total'] );
				$this->assertSame( (string) ceil( 300 / $per_page ), $response->get_headers()['X-WP-TotalPages'] );
				$paged = array_merge( $paged, $response->get_data() );
			}
			// As JSON reads them (the REST rows' empty maps are objects).
			$this->assertSame(
				json_decode( wp_json_encode( array_map( array( DMC_Worktree_Records::class, 'public_row' ), $whole['rows'] ) ), true ),
				json_decode( wp_json_encode( $paged ), true ),
				"per_page $per_page"
			);
		}
	}

	/**
	 * @dataProvider bad_pages
	 */
	public function test_bad_pagination_is_a_specific_400( $params, $code ) {
		$this->seed( array( 'a' => array() ) );

		$response = $this->get( '/attribution/worktrees', $params );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $code, $response->as_error()->get_error_code() );
	}

	public function bad_pages() {
		return array(
			'page 0'         => array( array( 'page' => '0' ), 'wpca_invalid_page' ),
			'page word'      => array( array( 'page' => 'two' ), 'wpca_invalid_page' ),
			'page array'     => array( array( 'page' => array( 1 ) ), 'wpca_invalid_page' ),
			'page too far'   => array( array( 'page' => '2' ), 'wpca_invalid_page' ),
			'per_page 0'     => array( array( 'per_page' => '0' ), 'wpca_invalid_per_page' ),
			'per_page 101'   => array( array( 'per_page' => '101' ), 'wpca_invalid_per_page' ),
			'per_page float' => array( array( 'per_page' => '1.5' ), 'wpca_invalid_per_page' ),
		);
	}

	public function test_no_records_is_an_empty_first_page() {
		$response = $this->get( '/attribution/worktrees', array() );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array(), $response->get_data() );
		$this->assertSame( '0', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( 'absent', $this->get( '/attribution/summary', array() )->get_data()['option'] );
	}

	private function get( $route, array $params ) {
		$request = new WP_REST_Request( 'GET', '/wp-coding-agents/v1' . $route );
		$request->set_query_params( $params );
		return rest_do_request( $request );
	}
}
