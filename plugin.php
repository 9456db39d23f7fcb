<?php
/**
 * Plugin Name:       Coding Agent Runtimes
 * Description:       Registers coding-agent runtime signatures (which environment variables identify an agent session) for Data Machine Code, with a REST API and a Tools screen to manage them.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            WP Coding Agents
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       wp-coding-agents-runtimes
 * Domain Path:       /languages
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

defined( 'ABSPATH' ) || exit;

define( 'WPCA_RUNTIMES_VERSION', '0.1.0' );
define( 'WPCA_RUNTIMES_FILE', __FILE__ );

require_once __DIR__ . '/php/class-capability.php';
require_once __DIR__ . '/php/class-schema.php';
require_once __DIR__ . '/php/class-presets.php';
require_once __DIR__ . '/php/class-option-lock.php';
require_once __DIR__ . '/php/class-signature-record.php';
require_once __DIR__ . '/php/class-registry-rules.php';
require_once __DIR__ . '/php/class-published-option-reader.php';
require_once __DIR__ . '/php/class-signature-store.php';
require_once __DIR__ . '/php/class-filter-publisher.php';
require_once __DIR__ . '/php/class-attribution-resolver.php';
require_once __DIR__ . '/php/class-verification-log.php';
require_once __DIR__ . '/php/class-rest-controller.php';
require_once __DIR__ . '/php/class-admin-page.php';
require_once __DIR__ . '/php/class-site-health.php';

$wpca_store     = new Signature_Store( new Option_Lock( Signature_Store::LOCK_OPTION ) );
$wpca_publisher = new Filter_Publisher( $wpca_store );

add_filter( Filter_Publisher::HOOK, array( $wpca_publisher, 'publish' ), 10 );

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'wp-coding-agents-runtimes', false, dirname( plugin_basename( WPCA_RUNTIMES_FILE ) ) . '/languages' );
	}
);

add_action(
	'rest_api_init',
	static function () use ( $wpca_store, $wpca_publisher ) {
		( new REST_Controller( $wpca_store, $wpca_publisher, new Attribution_Resolver(), new Verification_Log() ) )->register_routes();
	}
);
add_filter( 'rest_pre_dispatch', array( REST_Controller::class, 'reject_scalar_json_body' ), 10, 3 );

// Not only in wp-admin: WordPress also runs Site Health tests from its weekly cron check.
( new Site_Health( $wpca_store, $wpca_publisher, new Verification_Log() ) )->register();

if ( is_admin() ) {
	( new Admin_Page() )->register();
}
