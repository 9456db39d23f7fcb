<?php
/**
 * A stand-in for Data Machine Code in the test site's plugins folder: only its plugin
 * header and version constant, so detection reads a real file through WordPress.
 * Used by PHPUnit and, through wp-eval, by the e2e specs.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;

/**
 * Installs, activates and removes the fixture plugin `data-machine-code/data-machine-code.php`.
 */
final class DMC_Fixture {

	/**
	 * Writes the plugin file and sets whether it is active on this site.
	 *
	 * @param string|null $version Header version; null writes a header without one.
	 * @param bool        $active  Whether to list it in `active_plugins`.
	 */
	public static function install( $version, $active = true ) {
		$file = WP_PLUGIN_DIR . '/' . DMC_Detector::PLUGIN_FILE;
		wp_mkdir_p( dirname( $file ) );
		file_put_contents( $file, self::source( $version ) );
		self::set_active( $active );
	}

	/**
	 * Deactivates and deletes the fixture.
	 */
	public static function remove() {
		self::set_active( false );
		$file = WP_PLUGIN_DIR . '/' . DMC_Detector::PLUGIN_FILE;
		if ( is_file( $file ) ) {
			unlink( $file );
			rmdir( dirname( $file ) );
		}
	}

	/**
	 * Lists or unlists the fixture in `active_plugins`.
	 *
	 * @param bool $active Whether active.
	 */
	private static function set_active( $active ) {
		$plugins = array_values( array_diff( (array) get_option( 'active_plugins', array() ), array( DMC_Detector::PLUGIN_FILE ) ) );
		if ( $active ) {
			$plugins[] = DMC_Detector::PLUGIN_FILE;
		}
		update_option( 'active_plugins', $plugins );
	}

	/**
	 * The fixture's source: DMC's header and, like DMC, its version constant.
	 *
	 * @param string|null $version Version.
	 * @return string
	 */
	private static function source( $version ) {
		$header = null === $version ? '' : " * Version: $version\n";
		$define = null === $version ? '' : "if ( ! defined( 'DATAMACHINE_CODE_VERSION' ) ) {\n\tdefine( 'DATAMACHINE_CODE_VERSION', '$version' );\n}\n";
		return "<?php\n/**\n * Plugin Name: Data Machine Code\n * Description: Test fixture standing in for Data Machine Code (header and version constant only).\n$header */\n\ndefined( 'ABSPATH' ) || exit;\n$define";
	}
}
