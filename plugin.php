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

use WP_Coding_Agents\Runtimes\Admin\Admin_Page;
use WP_Coding_Agents\Runtimes\REST\Abilities;

defined( 'ABSPATH' ) || exit;

define( 'WPCA_RUNTIMES_VERSION', '0.1.0' );
define( 'WPCA_RUNTIMES_FILE', __FILE__ );

require_once __DIR__ . '/php/class-autoloader.php';
Autoloader::register();

// Callbacks that load nothing and build nothing before their hook runs.
// DMC's filter (Filter_Publisher::HOOK, written out so no class loads for it): a closure
// keeping the publisher, because it costs what a hard-coded callback costs per call, where a
// static method callback is resolved by class name each time (npm run bench).
add_filter(
	'datamachine_code_worktree_runtime_signatures',
	static function ( $signatures ) {
		static $publisher = null;

		$publisher ??= Plugin::publisher();
		return $publisher->publish( $signatures );
	},
	10
);
// Who else applies the filter (DMC, another consumer): looked at once per request, then unhooked.
add_filter( 'datamachine_code_worktree_runtime_signatures', array( Plugin::class, 'observe_filter_caller' ), PHP_INT_MIN );
// The REST API: each controller registers its routes, as core's do.
add_action( 'rest_api_init', array( Plugin::class, 'register_rest_routes' ) );
// Not only in wp-admin: WordPress also runs Site Health tests from its weekly cron check.
add_filter( 'site_status_tests', array( Plugin::class, 'add_site_health_test' ) );
// Abilities API (WordPress 6.9+): the same operations for agents, through core's /wp-abilities/v1.
add_action( 'wp_abilities_api_categories_init', array( Abilities::class, 'register_category' ) );
add_action( 'wp_abilities_api_init', array( Abilities::class, 'register' ) );

// No load_plugin_textdomain(): WordPress loads the PHP translations just in time from its
// language packs (wp-content/languages/plugins/), and the call would cost every request a
// hook and every translating one a scan of languages/, which holds only the template.

if ( is_admin() ) {
	( new Admin_Page() )->register();
}
