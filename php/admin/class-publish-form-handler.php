<?php
/**
 * The first paint's form, posted to admin-post.php.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Admin;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Registry_Rules;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Handles the form Screen_First_Paint prints (used with JavaScript off, or before the app
 * loaded): each runtime whose checkbox differs from the state the page showed gets the
 * React screen's own request, `PATCH /runtimes/<id>` with `If-Match` the ETag the page
 * showed, dispatched inside this request, so the same validation, ownership and revision
 * rules apply (a runtime someone changed since is not overwritten). Then back to the
 * screen (post/redirect/get) with a notice of what changed and what did not.
 */
class Publish_Form_Handler {

	/** The admin-post.php action, and the nonce's. */
	public const ACTION = 'wpca_runtimes_publish';

	/** Query argument of the redirect: the screen then shows the stored notices. */
	public const DONE_ARG = 'wpca-saved';

	/** Prefix of each user's notices transient (the user id follows); uninstall deletes them. */
	public const NOTICES_TRANSIENT = 'wpca_form_notices_';

	/** How long the notices wait for the redirect to be followed, in seconds. */
	public const NOTICE_TTL = 300;

	/**
	 * `admin_post_{ACTION}`: checks, applies, redirects.
	 */
	public static function handle(): void {
		if ( ! Capability::current_user_can_manage() ) {
			wp_die(
				esc_html__( 'Sorry, you are not allowed to manage agent runtimes.', 'wp-coding-agents-runtimes' ),
				'',
				array(
					'response'  => 403,
					'back_link' => true,
				)
			);
		}
		check_admin_referer( self::ACTION );
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated field by field in apply().
		$posted = isset( $_POST['runtimes'] ) ? wp_unslash( $_POST['runtimes'] ) : null;
		self::store_notices( ( new self() )->apply( $posted, Plugin::store() ) );
		wp_safe_redirect( add_query_arg( self::DONE_ARG, '1', Admin_Page::url() ), 303 );
		exit;
	}

	/**
	 * Applies the posted toggles. Nothing is applied when any entry is invalid or names
	 * an unknown runtime.
	 *
	 * @param mixed           $posted `{ <id>: { etag, shown: '0'|'1', enabled?: '1' } }`.
	 * @param Signature_Store $store  Registry (to tell unknown ids).
	 * @return array[] Notices `{ type: success|error|warning|info, message }`.
	 */
	public function apply( $posted, Signature_Store $store ): array {
		$wanted = $this->changes_of( $posted, $store );
		if ( is_wp_error( $wanted ) ) {
			return array( self::notice( 'error', $wanted->get_error_message() . ' ' . __( 'Nothing was saved.', 'wp-coding-agents-runtimes' ) ) );
		}
		if ( array() === $wanted ) {
			return array( self::notice( 'info', __( 'No changes to save.', 'wp-coding-agents-runtimes' ) ) );
		}
		$names   = Screen_First_Paint::names( $store->list_items() );
		$notices = array();
		foreach ( $wanted as $id => list( $enabled, $etag ) ) {
			$request = new WP_REST_Request( 'PATCH', '/' . Plugin::REST_NAMESPACE . '/runtimes/' . $id );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_header( 'If-Match', '"' . $etag . '"' );
			$request->set_body( (string) wp_json_encode( array( 'enabled' => $enabled ) ) );
			$response = rest_do_request( $request );
			if ( $response->is_error() ) {
				$error     = $response->as_error();
				$notices[] = self::notice( 'wpca_conflict' === $error->get_error_code() ? 'warning' : 'error', $error->get_error_message() );
				continue;
			}
			$name      = $names[ $id ] ?? $id;
			$notices[] = self::notice(
				'success',
				$enabled
					/* translators: %s: runtime name. */
					? sprintf( __( '%s is published to DMC.', 'wp-coding-agents-runtimes' ), $name )
					/* translators: %s: runtime name. */
					: sprintf( __( '%s is no longer published to DMC.', 'wp-coding-agents-runtimes' ), $name )
			);
		}
		return $notices;
	}

	/**
	 * The toggles the admin changed: those whose posted state differs from the state shown.
	 *
	 * @param mixed           $posted Posted `runtimes`.
	 * @param Signature_Store $store  Registry.
	 * @return array|\WP_Error `{ <id>: [ enabled, etag ] }`, or the first problem.
	 */
	private function changes_of( $posted, Signature_Store $store ) {
		$invalid = Signature_Rules::error( 'wpca_invalid_form', 'runtimes', __( 'The form was not sent as the screen prints it.', 'wp-coding-agents-runtimes' ) );
		if ( ! is_array( $posted ) || array() === $posted ) {
			return $invalid;
		}
		$changes = array();
		foreach ( $posted as $id => $entry ) {
			$id    = (string) $id;
			$valid = Signature_Rules::check_id( $id );
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
			if ( null === $store->get_item( $id ) ) {
				return Registry_Rules::not_found( $id );
			}
			$well_formed = is_array( $entry )
				&& isset( $entry['etag'], $entry['shown'] )
				&& is_string( $entry['etag'] ) && 1 === preg_match( '/^' . Schema::ETAG_CHAR . '{1,64}$/', $entry['etag'] )
				&& in_array( $entry['shown'], array( '0', '1' ), true )
				&& ( ! isset( $entry['enabled'] ) || '1' === $entry['enabled'] );
			if ( ! $well_formed ) {
				return $invalid;
			}
			$enabled = isset( $entry['enabled'] );
			if ( $enabled !== ( '1' === $entry['shown'] ) ) {
				$changes[ $id ] = array( $enabled, $entry['etag'] );
			}
		}
		return $changes;
	}

	/**
	 * Prints the notices of the last submission (after its redirect), once.
	 */
	public static function render_notices(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only says whether to look for notices.
		if ( ! isset( $_GET[ self::DONE_ARG ] ) ) {
			return;
		}
		$key     = self::notices_key();
		$notices = get_transient( $key );
		delete_transient( $key );
		if ( ! is_array( $notices ) ) {
			return;
		}
		foreach ( $notices as $notice ) {
			if ( isset( $notice['type'], $notice['message'] ) ) {
				// Inline: core's common.js leaves it here instead of moving it into the app's root.
				wp_admin_notice(
					esc_html( $notice['message'] ),
					array(
						'type'               => $notice['type'],
						'additional_classes' => array( 'inline', 'wpca-form-notice' ),
					)
				);
			}
		}
	}

	/**
	 * Keeps the notices for the redirect (per user, as core's settings errors are per request).
	 *
	 * @param array[] $notices Notices.
	 */
	private static function store_notices( array $notices ): void {
		set_transient( self::notices_key(), $notices, self::NOTICE_TTL );
	}

	/**
	 * Transient name of the current user's notices.
	 *
	 * @return string
	 */
	private static function notices_key(): string {
		return self::NOTICES_TRANSIENT . get_current_user_id();
	}

	/**
	 * One notice.
	 *
	 * @param string $type    success, error, warning or info.
	 * @param string $message Message.
	 * @return array
	 */
	private static function notice( string $type, string $message ): array {
		return array(
			'type'    => $type,
			'message' => $message,
		);
	}
}
