<?php
/**
 * Installs WordPress headless (no WP-CLI here) for the test site and prints a JSON summary.
 *
 * Usage: php install-wordpress.php <wordpress-dir> <site-url> [--multisite|--no-plugin]
 * With --multisite (and WPCA_MULTISITE=1 in the environment, so wp-config picks the
 * `ms_` table prefix) it installs a subdirectory network on example.org instead.
 *
 * @package wp-coding-agents-runtimes
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$wpca_wp_dir    = rtrim( $argv[1], '/' );
$wpca_url       = rtrim( $argv[2], '/' );
$wpca_multisite = in_array( '--multisite', $argv, true );
$wpca_slug      = 'wp-coding-agents-runtimes/plugin.php';

define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = $wpca_multisite ? 'example.org' : (string) parse_url( $wpca_url, PHP_URL_HOST ) . ':' . (string) parse_url( $wpca_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = $_SERVER['HTTP_HOST'];
$_SERVER['REQUEST_URI'] = '/';

require $wpca_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// There is no mail transport here; skip the "new site" and "new user" emails.
add_filter( 'pre_wp_mail', '__return_false' );

$wpca_install = wp_install( 'Agent Runtimes Test', 'admin', 'admin@example.org', false, '', 'password' );
if ( $wpca_multisite ) {
	update_option( 'siteurl', 'http://example.org' );
	update_option( 'home', 'http://example.org' );
}
update_option( 'permalink_structure', '/%postname%/' );

if ( $wpca_multisite ) {
	require_once ABSPATH . 'wp-admin/includes/network.php';
	foreach ( $wpdb->tables( 'ms_global' ) as $wpca_table => $wpca_prefixed ) {
		$wpdb->$wpca_table = $wpca_prefixed;
	}
	install_network();
	$wpca_network = populate_network( 1, 'example.org', 'admin@example.org', 'Agent Runtimes Network', '/', false );
	if ( is_wp_error( $wpca_network ) ) {
		fwrite( STDERR, $wpca_network->get_error_message() . "\n" );
		exit( 1 );
	}
	// MULTISITE is not defined during this install, so network options go in by hand.
	$wpdb->update(
		$wpdb->sitemeta,
		array( 'meta_value' => serialize( array( $wpca_slug => time() ) ) ),
		array(
			'site_id'  => 1,
			'meta_key' => 'active_sitewide_plugins',
		)
	);
	echo wp_json_encode( array( 'multisite' => true ) );
	exit( 0 );
}

$wpca_activation = in_array( '--no-plugin', $argv, true ) ? null : activate_plugin( $wpca_slug );
if ( is_wp_error( $wpca_activation ) ) {
	fwrite( STDERR, 'Plugin activation failed: ' . $wpca_activation->get_error_message() . "\n" );
	exit( 1 );
}

$wpca_users = array(
	'admin' => array(
		'id'       => (int) $wpca_install['user_id'],
		'username' => 'admin',
		'password' => 'password',
	),
);
foreach ( array( 'editor', 'subscriber' ) as $wpca_role ) {
	$wpca_users[ $wpca_role ] = array(
		'id'       => (int) wp_insert_user(
			array(
				'user_login' => $wpca_role,
				'user_pass'  => 'password',
				'user_email' => $wpca_role . '@example.org',
				'role'       => $wpca_role,
			)
		),
		'username' => $wpca_role,
		'password' => 'password',
	);
}
foreach ( $wpca_users as $wpca_role => $wpca_user ) {
	list( $wpca_app_password )               = WP_Application_Passwords::create_new_application_password( $wpca_user['id'], array( 'name' => 'tests' ) );
	$wpca_users[ $wpca_role ]['appPassword'] = $wpca_app_password;
}

echo wp_json_encode( array( 'users' => $wpca_users ) );
