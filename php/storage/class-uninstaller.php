<?php
/**
 * Removes everything the plugin stored.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Storage;

use WP_Coding_Agents\Runtimes\Admin\Publish_Form_Handler;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;

defined( 'ABSPATH' ) || exit;

/**
 * Deletes the plugin's options on the site, or on every site of a network.
 * Deactivation keeps the data; only uninstalling runs this.
 */
class Uninstaller {

	/** Every option the plugin writes (the published signatures, the metadata, the lock row, the observations, their lock and window, the pre-history report). */
	public const OPTIONS = array(
		Signature_Store::OPTION,
		Signature_Store::META_OPTION,
		Signature_Store::LOCK_OPTION,
		Verification_Log::OPTION,
		Verification_Log::LOCK_OPTION,
		Verification_Log::WINDOW_OPTION,
		Verification_Log::LEGACY_OPTION,
	);

	/**
	 * Runs the uninstall on every site.
	 */
	public static function run(): void {
		if ( ! is_multisite() ) {
			self::delete_site_options();
			return;
		}
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $site_id ) {
			switch_to_blog( $site_id );
			self::delete_site_options();
			restore_current_blog();
		}
	}

	/**
	 * Deletes the options of the current site.
	 */
	private static function delete_site_options(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		// The form's notices waiting for a redirect (one transient per user, minutes long).
		global $wpdb;
		foreach ( array( '_transient_', '_transient_timeout_' ) as $prefix ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM $wpdb->options WHERE option_name LIKE %s", $wpdb->esc_like( $prefix . Publish_Form_Handler::NOTICES_TRANSIENT ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API deletes transients by prefix.
		}
	}
}
