<?php
/**
 * DMC's limits where a person sees them: the 191-character inventory column for the
 * primary id (preview, Site Health), the 8 KB lock metadata and a generic session variable
 * first (Site Health), and DMC's last known release (GET /dmc).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Admin\Site_Health;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Site_Health;

/**
 * Through the REST server and Site Health's own list of tests.
 */
class DMCLimitsTest extends Test_Case {

	protected function setUp(): void {
		parent::setUp();
		DMC_Fixture::install( '0.61.4' );
		$this->register_presets();
	}

	protected function tearDown(): void {
		delete_option( DMC_Worktree_Records::OPTION );
		DMC_Fixture::remove();
		parent::tearDown();
	}

	/**
	 * The plugin's Site Health test as Site Health runs it.
	 *
	 * @return array
	 */
	private function site_health() {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		return call_user_func( WP_Site_Health::get_tests()['direct'][ Site_Health::TEST ]['test'] );
	}

	/**
	 * The preview's inventory measure for a kimaki session id.
	 *
	 * @param string $session_id Value.
	 * @return array
	 */
	private function inventory_of( $session_id ) {
		list( $status, $preview ) = $this->call( 'POST', '/attribution/preview', array( 'env' => array( 'KIMAKI_SESSION_ID' => $session_id ) ) );
		$this->assertSame( 200, $status );
		return $preview['inventory'];
	}

	public function test_the_preview_flags_a_primary_id_longer_than_dmc_s_inventory_column_counting_characters() {
		$this->assertSame(
			array(
				'length'     => 191,
				'max_length' => 191,
				'fits'       => true,
			),
			$this->inventory_of( str_repeat( 'a', 191 ) )
		);
		$this->assertFalse( $this->inventory_of( str_repeat( 'a', 192 ) )['fits'] );
		// 191 characters of two bytes each: 382 bytes, still 191 characters in a varchar(191).
		$this->assertTrue( $this->inventory_of( str_repeat( 'é', 191 ) )['fits'] );
		// Trimmed as DMC trims it: the spaces around never reach the column.
		$this->assertTrue( $this->inventory_of( '  ' . str_repeat( 'a', 191 ) . '  ' )['fits'] );

		list( , $none ) = $this->call( 'POST', '/attribution/preview', array( 'env' => array() ) );
		$this->assertSame(
			array(
				'length'     => null,
				'max_length' => 191,
				'fits'       => true,
			),
			$none['inventory']
		);
	}

	public function test_site_health_flags_recorded_primary_ids_too_long_for_the_inventory() {
		$this->assertSame( 'good', $this->site_health()['status'] );
		$session = static function ( $primary ) {
			return array(
				'repo'           => 'r',
				'branch'         => 'b',
				'created_at'     => '2026-11-01 10:00:00',
				'origin_session' => array(
					'primary_id' => $primary,
					'ids'        => array( 'kimaki' => array( 'session_id' => $primary ) ),
				),
			);
		};
		update_option(
			DMC_Worktree_Records::OPTION,
			array(
				'ok'       => $session( str_repeat( 'a', 191 ) ),
				'too-long' => $session( str_repeat( 'b', 192 ) ),
			),
			false
		);

		$result = $this->site_health();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Primary ids too long for DMC&#039;s inventory', esc_html( $result['label'] ) );
		$this->assertStringContainsString( '1 worktree DMC recorded has a primary id longer than 191 characters', $result['description'] );
	}

	public function test_site_health_flags_a_generic_session_variable_ahead_of_specific_ones() {
		list( $status ) = $this->call( 'PUT', '/runtimes/goose', array( 'preset' => 'goose' ) );
		$this->assertSame( 201, $status );
		$this->assertSame( 'good', $this->site_health()['status'], 'Added last, goose is no problem.' );

		list( $status ) = $this->call( 'PUT', '/order', array( 'order' => array( 'goose', 'kimaki', 'opencode' ) ) );
		$this->assertSame( 200, $status );
		$result = $this->site_health();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'A generic session variable comes before specific ones', $result['label'] );
		$this->assertStringContainsString( 'goose reads its session id from AGENT_SESSION_ID, a generic name, and comes before kimaki, opencode.', $result['description'] );
	}

	public function test_site_health_flags_signatures_that_could_overflow_the_lock_metadata() {
		$fields = array();
		for ( $index = 0; $index < 16; ++$index ) {
			$fields[ 'v' . $index ] = 'WIDE_' . $index;
		}
		$this->store()->put( 'wide', array( 'fields' => $fields ) );

		$result = $this->site_health();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'over DMC&#039;s 8192', $result['description'] );
	}

	public function test_dmc_s_status_states_its_last_known_release_and_the_contract_s_stable_since() {
		list( $status, $dmc ) = $this->call( 'GET', '/dmc' );

		$this->assertSame( 200, $status );
		$this->assertSame(
			array(
				'last_known'            => '0.61.4',
				'last_known_date'       => '2026-08-22',
				'contract_stable_since' => '0.56.7',
			),
			$dmc['release']
		);
	}
}
