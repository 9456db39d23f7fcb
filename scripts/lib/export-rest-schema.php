<?php
/**
 * Prints, as JSON, what the plugin publishes about its REST API: every route of
 * wp-coding-agents/v1 as WordPress's REST server describes it (the same data an OPTIONS
 * request answers: endpoints, their args, the route's schema), prepared for draft-04
 * clients the way core prepares schemas, plus the limits and patterns of the Schema
 * class and the constants stating DMC's rules (Attribution_Resolver). Runs in PHP against the test site's WordPress (database only, no HTTP server);
 * scripts/generate-types.mjs turns it into src/api/schema.generated.ts.
 *
 * Usage: php export-rest-schema.php <wordpress-dir> <site-url>
 *
 * @package wp-coding-agents-runtimes
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = (string) parse_url( $argv[2], PHP_URL_HOST ) . ':' . (string) parse_url( $argv[2], PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = $_SERVER['HTTP_HOST'];
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';

// Descriptions in the source language, whatever the site's locale.
switch_to_locale( 'en_US' );

$wpca_server    = rest_get_server();
$wpca_namespace = WP_Coding_Agents\Runtimes\Plugin::REST_NAMESPACE;
$wpca_routes    = array();
foreach ( $wpca_server->get_routes( $wpca_namespace ) as $wpca_route => $wpca_handlers ) {
	$wpca_data = $wpca_server->get_data_for_route( $wpca_route, $wpca_handlers, 'help' );
	if ( null === $wpca_data ) {
		continue;
	}
	foreach ( $wpca_data['endpoints'] as &$wpca_endpoint ) {
		foreach ( $wpca_endpoint['args'] as &$wpca_arg ) {
			$wpca_arg = wp_prepare_json_schema_for_client( $wpca_arg );
		}
		unset( $wpca_arg );
	}
	unset( $wpca_endpoint );
	if ( isset( $wpca_data['schema'] ) ) {
		$wpca_data['schema'] = wp_prepare_json_schema_for_client( $wpca_data['schema'] );
	}
	$wpca_routes[ $wpca_route ] = $wpca_data;
}

$wpca_constants = ( new ReflectionClass( WP_Coding_Agents\Runtimes\Rules\Schema::class ) )->getConstants();
ksort( $wpca_constants );
$wpca_dmc_rules = ( new ReflectionClass( WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver::class ) )->getConstants();
ksort( $wpca_dmc_rules );

echo wp_json_encode(
	array(
		'namespace' => $wpca_namespace,
		'routes'    => $wpca_routes,
		'constants' => $wpca_constants,
		'dmcRules'  => $wpca_dmc_rules,
	),
	JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
);
