<?php
/**
 * Loads the plugin's classes on first use.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

defined( 'ABSPATH' ) || exit;

/**
 * Maps a class to its file by namespace: the namespace below `WP_Coding_Agents\Runtimes`
 * is the folder (the layer), so `WP_Coding_Agents\Runtimes\Storage\Signature_Store` is
 * `php/storage/class-signature-store.php` and `WP_Coding_Agents\Runtimes\Plugin` is
 * `php/class-plugin.php`. A request compiles only the classes it uses: a front-end page
 * that neither runs DMC's filter nor touches REST or wp-admin reads no class file but this one.
 */
final class Autoloader {

	/**
	 * Registers the autoloader (plugin.php, and uninstall.php, which runs without the plugin).
	 */
	public static function register() {
		spl_autoload_register( array( self::class, 'load' ) );
	}

	/**
	 * `spl_autoload_register` callback.
	 *
	 * @param string $class_name Fully qualified class name.
	 */
	public static function load( $class_name ) {
		$prefix = __NAMESPACE__ . '\\';
		if ( 0 !== strncmp( $class_name, $prefix, strlen( $prefix ) ) ) {
			return;
		}
		$parts = explode( '\\', substr( $class_name, strlen( $prefix ) ) );
		$class = array_pop( $parts );
		$file  = __DIR__ . '/' . ( $parts ? strtolower( implode( '/', $parts ) ) . '/' : '' )
			. 'class-' . strtolower( str_replace( '_', '-', $class ) ) . '.php';
		if ( is_file( $file ) ) {
			require $file;
		}
	}
}
