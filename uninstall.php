<?php
/**
 * Uninstall: removes the plugin's options from every site.
 *
 * @package wp-coding-agents-runtimes
 */

defined( 'ABSPATH' ) || exit;
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// The plugin is inactive here: load just the classes that name the options.
require_once __DIR__ . '/php/class-signature-record.php';
require_once __DIR__ . '/php/class-signature-store.php';
require_once __DIR__ . '/php/class-verification-log.php';
require_once __DIR__ . '/php/class-uninstaller.php';

WP_Coding_Agents\Runtimes\Uninstaller::run();
