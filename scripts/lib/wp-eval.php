<?php
/**
 * Runs the PHP code read from standard input with the test site's WordPress loaded,
 * the way `wp eval` would (there is no WP-CLI on these machines). Used by the e2e
 * tests to seed or inspect options directly.
 *
 * Usage: echo 'echo get_option( "home" );' | php wp-eval.php <wordpress-dir> <site-url>
 *
 * @package wp-coding-agents-runtimes
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
// The multisite network (WPCA_MULTISITE=1) lives on example.org; see install-wordpress.php.
$_SERVER['HTTP_HOST']   = getenv( 'WPCA_MULTISITE' ) ? 'example.org' : (string) parse_url( $argv[2], PHP_URL_HOST ) . ':' . (string) parse_url( $argv[2], PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = $_SERVER['HTTP_HOST'];
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';

eval( stream_get_contents( STDIN ) ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- test fixture, like `wp eval`.
