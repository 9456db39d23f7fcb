<?php
/**
 * Loads the test site's real WordPress (named by the JSON file in env WPCA_SITE_FILE,
 * written by `node scripts/test-site.mjs start`). With WPCA_MULTISITE=1 the site's
 * wp-config selects the multisite network installed beside the single site.
 *
 * @package wp-coding-agents-runtimes
 */

$wpca_site_file = getenv( 'WPCA_SITE_FILE' );
if ( ! $wpca_site_file || ! is_readable( $wpca_site_file ) ) {
	fwrite( STDERR, "Set WPCA_SITE_FILE to the test site's site.json (node scripts/test-site.mjs start).\n" );
	exit( 1 );
}
$wpca_site = json_decode( (string) file_get_contents( $wpca_site_file ), true );
if ( ! is_array( $wpca_site ) || empty( $wpca_site['wpDir'] ) ) {
	fwrite( STDERR, "$wpca_site_file is not a test site description.\n" );
	exit( 1 );
}
define( 'WPCA_TEST_SITE', $wpca_site );

if ( getenv( 'WPCA_MULTISITE' ) ) {
	$_SERVER['HTTP_HOST'] = 'example.org';
} else {
	$_SERVER['HTTP_HOST'] = (string) parse_url( $wpca_site['url'], PHP_URL_HOST ) . ':' . (string) parse_url( $wpca_site['url'], PHP_URL_PORT );
}
$_SERVER['SERVER_NAME']     = $_SERVER['HTTP_HOST'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';

// PHPUnit includes this file inside a method: make WordPress's top-level variables global.
global $table_prefix, $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $wp_query, $wp_the_query, $wp_locale, $wp_roles, $wp_filter, $wp_theme_directories, $wp_plugin_paths, $wp_embed, $wp_widget_factory;

require rtrim( $wpca_site['wpDir'], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/class-test-case.php';
require_once __DIR__ . '/class-dmc-fixture.php';

if ( ! class_exists( 'WP_Coding_Agents\Runtimes\Storage\Signature_Store' ) ) {
	fwrite( STDERR, "The plugin is not active on the test site.\n" );
	exit( 1 );
}
