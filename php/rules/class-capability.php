<?php
/**
 * Who may manage runtime signatures.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * The one capability check shared by the REST API and the admin screen.
 */
class Capability {

	/**
	 * The capability required to read or change runtimes; `wpca_required_capability` changes it.
	 *
	 * @return string
	 */
	public static function required(): string {
		$capability = apply_filters( 'wpca_required_capability', 'manage_options' );
		return is_string( $capability ) && '' !== $capability ? $capability : 'manage_options';
	}

	/**
	 * Whether the current user may manage runtimes.
	 *
	 * @return bool
	 */
	public static function current_user_can_manage(): bool {
		return current_user_can( self::required() );
	}

	/**
	 * The permission callback of every REST route: 401 anonymous, 403 otherwise.
	 *
	 * @return true|\WP_Error
	 */
	public static function rest_permission() {
		if ( self::current_user_can_manage() ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage agent runtimes.', 'wp-coding-agents-runtimes' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
