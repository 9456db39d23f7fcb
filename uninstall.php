<?php
/**
 * Uninstall: removes the plugin's options from every site.
 *
 * @package wp-coding-agents-runtimes
 */

defined( 'ABSPATH' ) || exit;
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// The plugin is inactive here: its classes load on first use, as they do when it runs.
require_once __DIR__ . '/php/class-autoloader.php';
WP_Coding_Agents\Runtimes\Autoloader::register();

WP_Coding_Agents\Runtimes\Storage\Uninstaller::run();
