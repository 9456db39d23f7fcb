<?php
/**
 * readme.txt, the page WordPress.org shows: its headers agree with the plugin header and
 * with the WordPress these tests run on, and the numbers it states are the code's.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Schema;

/**
 * What readme.txt says against plugin.php and the code.
 */
class ReadmeTest extends Test_Case {

	/**
	 * The readme's path.
	 *
	 * @return string
	 */
	private static function readme() {
		return dirname( WPCA_RUNTIMES_FILE ) . '/readme.txt';
	}

	public function test_headers_match_the_plugin_header_and_the_tested_wordpress() {
		$readme = get_file_data(
			self::readme(),
			array(
				'requires'     => 'Requires at least',
				'requires_php' => 'Requires PHP',
				'tested'       => 'Tested up to',
				'stable'       => 'Stable tag',
			)
		);
		$plugin = get_plugin_data( WPCA_RUNTIMES_FILE, false, false );

		$this->assertSame( $plugin['RequiresWP'], $readme['requires'] );
		$this->assertSame( $plugin['RequiresPHP'], $readme['requires_php'] );
		$this->assertSame( $plugin['Version'], $readme['stable'] );
		$this->assertSame( WPCA_RUNTIMES_VERSION, $plugin['Version'] );
		// Tested up to: the major version these tests run on, neither older nor untested.
		$this->assertSame( implode( '.', array_slice( explode( '.', get_bloginfo( 'version' ) ), 0, 2 ) ), $readme['tested'], 'readme.txt "Tested up to" names the WordPress the tests run on.' );
		$text = (string) file_get_contents( self::readme() );
		$this->assertStringContainsString( "\n= {$plugin['Version']} =\n", $text, 'The changelog has an entry for the stable tag.' );
		// WordPress.org shows at most 150 characters of the short description, the first paragraph after the headers.
		$this->assertMatchesRegularExpression( '/\n\n(?!== )([^\n]{1,150})\n\n== Description ==/', $text );
	}

	public function test_the_numbers_it_states_are_the_code_s() {
		$text = (string) file_get_contents( self::readme() );

		foreach ( array(
			'The site keeps the last ' . Verification_Log::MAX_OBSERVATIONS . ',',
			'(' . Schema::WINDOW_DAYS_DEFAULT . ' days by default',
			'older than ' . DMC_Detector::ORIGIN_SESSION_SINCE . ' ',
			'releases after ' . DMC_Detector::LOCK_OWNER_AFTER . ')',
			'Data Machine Code (' . DMC_Detector::ORIGIN_SESSION_SINCE . ' or later)',
			'ten a page',
		) as $claim ) {
			$this->assertStringContainsString( $claim, $text );
		}
		$this->assertSame( 10, Schema::PER_PAGE_DEFAULT, 'DMC\'s records are paged ten at a time, as the readme says.' );
		$this->assertStringContainsString( '`' . Capability::required() . '`. The filter `wpca_required_capability` changes it.', $text );
	}
}
