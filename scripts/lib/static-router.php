<?php
/**
 * Router for the test sites' `php -S` (scripts/test-site.mjs): scripts and stylesheets
 * get the caching headers a production web server sends (validators, and a year's
 * max-age for WordPress's versioned `?ver=` URLs), so a browser keeps what it loaded,
 * as it does on a real site; `php -S` alone sends none and every page load downloads
 * and compiles several MB of JavaScript again. Everything else is left to `php -S`.
 *
 * @package wp-coding-agents-runtimes
 */

$wpca_types = array(
	'js'  => 'application/javascript',
	'css' => 'text/css',
);
$wpca_path  = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$wpca_ext   = strtolower( pathinfo( $wpca_path, PATHINFO_EXTENSION ) );
$wpca_file  = $_SERVER['DOCUMENT_ROOT'] . $wpca_path;
if ( ! isset( $wpca_types[ $wpca_ext ] ) || false !== strpos( $wpca_path, '..' ) || ! is_file( $wpca_file ) ) {
	return false;
}

$wpca_mtime = filemtime( $wpca_file );
$wpca_etag  = sprintf( '"%x-%x"', $wpca_mtime, filesize( $wpca_file ) );
header( 'Content-Type: ' . $wpca_types[ $wpca_ext ] );
header( 'ETag: ' . $wpca_etag );
header( 'Last-Modified: ' . gmdate( 'D, d M Y H:i:s', $wpca_mtime ) . ' GMT' );
if ( isset( $_GET['ver'] ) ) {
	header( 'Cache-Control: public, max-age=31536000' );
}
if ( isset( $_SERVER['HTTP_IF_NONE_MATCH'] ) && $wpca_etag === $_SERVER['HTTP_IF_NONE_MATCH'] ) {
	http_response_code( 304 );
	return true;
}
header( 'Content-Length: ' . filesize( $wpca_file ) );
readfile( $wpca_file );
return true;
