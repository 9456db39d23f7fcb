<?php
/**
 * A network-activated Data Machine Code (run with WPCA_MULTISITE=1 --testsuite multisite).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\Filter_Consumer_Probe;

/**
 * @group multisite
 */
class DMCNetworkTest extends Test_Case {

	protected function setUp(): void {
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'Needs the multisite network: run with WPCA_MULTISITE=1.' );
		}
		parent::setUp();
	}

	protected function tearDown(): void {
		$network = (array) get_site_option( 'active_sitewide_plugins', array() );
		unset( $network[ DMC_Detector::PLUGIN_FILE ] );
		update_site_option( 'active_sitewide_plugins', $network );
		DMC_Fixture::remove();
		parent::tearDown();
	}

	public function test_network_activated_dmc_is_active_on_every_site() {
		DMC_Fixture::install( '0.60.0', false );
		$network                              = (array) get_site_option( 'active_sitewide_plugins', array() );
		$network[ DMC_Detector::PLUGIN_FILE ] = time();
		update_site_option( 'active_sitewide_plugins', $network );

		$status = ( new DMC_Detector( new Filter_Consumer_Probe() ) )->status();

		$this->assertSame( 'active', $status['state'] );
		$this->assertTrue( $status['network_active'] );
	}
}
