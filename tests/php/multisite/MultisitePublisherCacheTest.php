<?php
/**
 * The kept published map follows switch_to_blog() (run with WPCA_MULTISITE=1 --testsuite multisite).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;

/**
 * @group multisite
 */
class MultisitePublisherCacheTest extends Test_Case {

	/**
	 * Site created by the test.
	 *
	 * @var int
	 */
	private $site_id = 0;

	protected function setUp(): void {
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'Needs the multisite network: run with WPCA_MULTISITE=1.' );
		}
		parent::setUp();
		$this->site_id = wp_insert_site(
			array(
				'domain' => 'example.org',
				'path'   => '/wpca-cache-' . wp_rand() . '/',
			)
		);
		$this->assertIsInt( $this->site_id );
	}

	protected function tearDown(): void {
		if ( $this->site_id ) {
			// Core's site deletion walks the site's uploads folder and warns when it does not exist.
			switch_to_blog( $this->site_id );
			self::reset_options();
			wp_upload_dir( null, true, true );
			restore_current_blog();
			wp_delete_site( $this->site_id );
			$this->site_id = 0;
		}
		parent::tearDown();
	}

	public function test_each_site_publishes_its_own_signatures_across_switches() {
		$this->store()->put( 'main-runtime', array( 'fields' => array( 'session_id' => 'MAIN' ) ) );
		$this->assertSame( array( 'main-runtime' ), array_keys( apply_filters( Filter_Publisher::HOOK, array() ) ) );

		switch_to_blog( $this->site_id );
		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ), 'The other site has nothing registered.' );
		$this->store()->put( 'other-runtime', array( 'fields' => array( 'session_id' => 'OTHER' ) ) );
		$this->assertSame( array( 'other-runtime' ), array_keys( apply_filters( Filter_Publisher::HOOK, array() ) ) );
		restore_current_blog();

		$this->assertSame( array( 'main-runtime' ), array_keys( apply_filters( Filter_Publisher::HOOK, array() ) ), 'Back on the main site.' );
		switch_to_blog( $this->site_id );
		$this->assertSame( array( 'other-runtime' ), array_keys( apply_filters( Filter_Publisher::HOOK, array() ) ), 'And on the other site again.' );
		restore_current_blog();
	}
}
