<?php
/**
 * The recorded worktrees' table asks the server: GET /attribution/worktrees sorts by date
 * or handle, filters by runtime and by attribution, searches handle and branch, and pages
 * what is left, with core's headers; the rows themselves are read back as DMC reads them.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /attribution/worktrees?orderby&order&runtime&attributed&search&page&per_page.
 */
class WorktreesQueryTest extends Test_Case {

	protected function setUp(): void {
		parent::setUp();
		$this->register_presets();
		// Stored order is not date order; one row undated, one legacy, one attributed to nobody.
		update_option(
			DMC_Worktree_Records::OPTION,
			array(
				'site@Fix-Login'  => array(
					'branch'         => 'fix-login',
					'created_at'     => '2026-11-28 14:05:00',
					'origin_session' => array( 'ids' => array( 'kimaki' => array( 'session_id' => 'k-1' ) ) ),
				),
				'docs@main'       => array(
					'branch'         => 'main',
					'created_at'     => '2026-11-29T09:30:00+00:00',
					'origin_session' => array( 'ids' => array( 'opencode' => array( 'run_id' => 'r-1' ) ) ),
				),
				'site@legacy'     => array(
					'branch'         => 'legacy-login',
					'created_at'     => '2026-04-02 08:00:00',
					'origin_session' => array( 'kimaki_session_id' => 'k-legacy' ),
				),
				'site@nobody'     => array(
					'branch'         => 'chore',
					'created_at'     => '2026-11-30 10:00:00',
					'origin_session' => array( 'ids' => array( 'kimaki' => array( 'session_id' => '  ' ) ) ),
				),
				'site@both'       => array(
					'branch'         => 'both',
					'created_at'     => '2026-11-27 10:00:00',
					'origin_session' => array(
						'ids' => array(
							'kimaki'   => array( 'session_id' => 'k-2' ),
							'opencode' => array( 'run_id' => 'r-2' ),
						),
					),
				),
				'site@no-date'    => array(
					'branch'         => 'login-undated',
					'origin_session' => array( 'ids' => array( 'kimaki' => array( 'session_id' => 'k-3' ) ) ),
				),
				'not metadata'    => 'skipped',
			),
			false
		);
	}

	protected function tearDown(): void {
		delete_option( DMC_Worktree_Records::OPTION );
		parent::tearDown();
	}

	private function get( array $params ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', '/wp-coding-agents/v1/attribution/worktrees' );
		$request->set_query_params( $params );
		return rest_do_request( $request );
	}

	private function handles( array $params ): array {
		$response = $this->get( $params );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return array_column( $response->get_data(), 'handle' );
	}

	public function test_by_date_newest_or_oldest_first_undated_last_either_way() {
		$newest = array( 'site@nobody', 'docs@main', 'site@Fix-Login', 'site@both', 'site@legacy', 'site@no-date' );
		$this->assertSame( $newest, $this->handles( array() ) );
		$this->assertSame( $newest, $this->handles( array( 'orderby' => 'date', 'order' => 'desc' ) ) );
		$this->assertSame(
			array( 'site@legacy', 'site@both', 'site@Fix-Login', 'docs@main', 'site@nobody', 'site@no-date' ),
			$this->handles( array( 'order' => 'asc' ) )
		);
	}

	public function test_by_handle_naturally_and_case_insensitively() {
		$this->assertSame(
			array( 'docs@main', 'site@both', 'site@Fix-Login', 'site@legacy', 'site@no-date', 'site@nobody' ),
			$this->handles( array( 'orderby' => 'handle', 'order' => 'asc' ) )
		);
	}

	public function test_a_runtime_keeps_the_rows_holding_a_value_of_it_legacy_rows_included() {
		$this->assertSame( array( 'site@Fix-Login', 'site@both', 'site@legacy', 'site@no-date' ), $this->handles( array( 'runtime' => 'kimaki' ) ) );
		$this->assertSame( array( 'docs@main', 'site@both' ), $this->handles( array( 'runtime' => 'opencode' ) ) );
		// The same with attributed=true; with false, the rows holding none of its values.
		$this->assertSame( $this->handles( array( 'runtime' => 'kimaki' ) ), $this->handles( array( 'runtime' => 'kimaki', 'attributed' => 'true' ) ) );
		$this->assertSame( array( 'site@nobody', 'docs@main' ), $this->handles( array( 'runtime' => 'kimaki', 'attributed' => 'false' ) ) );
		$this->assertSame( array(), $this->handles( array( 'runtime' => 'claude-code' ) ) );
	}

	public function test_attributed_alone_is_whether_a_primary_id_was_recorded() {
		$this->assertSame( array( 'site@nobody' ), $this->handles( array( 'attributed' => '0' ) ) );
		$this->assertCount( 5, $this->handles( array( 'attributed' => '1' ) ) );
	}

	public function test_search_finds_text_in_the_handle_or_the_branch() {
		$this->assertSame( array( 'site@Fix-Login', 'site@legacy', 'site@no-date' ), $this->handles( array( 'search' => 'LOGIN' ) ) );
		$this->assertSame( array( 'docs@main' ), $this->handles( array( 'search' => 'docs@' ) ) );
		$this->assertSame( array( 'site@Fix-Login', 'site@legacy' ), $this->handles( array( 'search' => 'login', 'runtime' => 'kimaki', 'order' => 'desc', 'per_page' => '2' ) ) );
	}

	public function test_the_filtered_rows_are_paged_with_cores_headers_and_links() {
		$response = $this->get(
			array(
				'runtime'  => 'kimaki',
				'per_page' => '3',
				'page'     => '1',
			)
		);
		$this->assertSame( '4', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( '2', $response->get_headers()['X-WP-TotalPages'] );
		$this->assertStringContainsString( 'runtime=kimaki', $response->get_headers()['Link'] );
		$this->assertStringContainsString( 'page=2', $response->get_headers()['Link'] );
		$this->assertStringContainsString( 'rel="next"', $response->get_headers()['Link'] );

		$second = $this->get(
			array(
				'runtime'  => 'kimaki',
				'per_page' => '3',
				'page'     => '2',
			)
		);
		$this->assertSame( array( 'site@no-date' ), array_column( $second->get_data(), 'handle' ) );
		$this->assertStringContainsString( 'rel="prev"', $second->get_headers()['Link'] );
		$this->assertSame( 400, $this->get( array( 'runtime' => 'kimaki', 'per_page' => '3', 'page' => '3' ) )->get_status() );
	}

	public function test_rows_are_read_back_as_without_a_query() {
		$plain    = array_column( $this->get( array( 'per_page' => '100' ) )->get_data(), null, 'handle' );
		$filtered = $this->get( array( 'runtime' => 'kimaki' ) )->get_data();
		foreach ( $filtered as $row ) {
			$this->assertEquals( $plain[ $row['handle'] ], $row );
		}
		$this->assertSame( 'k-legacy', array_column( $filtered, null, 'handle' )['site@legacy']['origin_session']['primary_id'] );
	}

	/**
	 * @dataProvider bad_queries
	 */
	public function test_a_bad_parameter_is_a_400_naming_it_and_nothing_else( array $params, string $code ) {
		$response = $this->get( $params );
		$this->assertSame( 400, $response->get_status() );
		$error = $response->as_error();
		$this->assertSame( $code, $error->get_error_code() );
		$this->assertSame( array_keys( $params ), array_keys( $error->get_error_data()['params'] ) );
	}

	public function bad_queries(): array {
		return array(
			'orderby unknown'  => array( array( 'orderby' => 'primary_id' ), 'wpca_invalid_orderby' ),
			'orderby array'    => array( array( 'orderby' => array( 'date' ) ), 'wpca_invalid_orderby' ),
			'order sideways'   => array( array( 'order' => 'up' ), 'wpca_invalid_order' ),
			'order upper case' => array( array( 'order' => 'DESC' ), 'wpca_invalid_order' ),
			'attributed maybe' => array( array( 'attributed' => 'maybe' ), 'wpca_invalid_attributed' ),
			'runtime too long' => array( array( 'runtime' => str_repeat( 'a', 65 ) ), 'wpca_invalid_runtime' ),
			'runtime control'  => array( array( 'runtime' => "kimaki\n" ), 'wpca_invalid_runtime' ),
			'runtime array'    => array( array( 'runtime' => array( 'kimaki' ) ), 'wpca_invalid_runtime' ),
			'search too long'  => array( array( 'search' => str_repeat( 'x', 101 ) ), 'wpca_invalid_search' ),
			'search array'     => array( array( 'search' => array( 'x' ) ), 'wpca_invalid_search' ),
		);
	}
}
