<?php
/**
 * The input rules a JSON schema cannot express, in one place.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Rules\Plain_Text;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * The `validate_callback` of every arg of the namespace (Controller::endpoint()):
 * WordPress's schema validation (rest_validate_request_arg()), then the few rules its
 * schema cannot carry. The controllers' schemas say everything else.
 */
final class Input_Rules {

	/**
	 * Validates one param.
	 *
	 * @param mixed           $value   Value.
	 * @param WP_REST_Request $request Request (its matched endpoint holds the arg's schema).
	 * @param string          $param   Param name.
	 * @return true|WP_Error
	 */
	public static function validate( $value, WP_REST_Request $request, string $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return is_wp_error( $valid ) ? $valid : new WP_Error( 'rest_invalid_param', __( 'Invalid parameter.', 'wp-coding-agents-runtimes' ) );
		}
		$attributes = $request->get_attributes();
		$type       = isset( $attributes['args'][ $param ]['type'] ) ? $attributes['args'][ $param ]['type'] : null;
		if ( ! self::has_json_type( $value, $type, $request, $param ) ) {
			/* translators: 1: parameter, 2: type name. */
			return new WP_Error( 'rest_invalid_type', sprintf( __( '%1$s is not of type %2$s.', 'wp-coding-agents-runtimes' ), $param, $type ) );
		}
		return self::beyond_schema( $param, $value, $attributes['args'][ $param ] ?? array() );
	}

	/**
	 * A value of a JSON body has its JSON type: a boolean is `true`/`false`, an integer has
	 * no quotes and no fraction, an array is a list. WordPress's validation also takes
	 * `"true"`, `1`, `"14"`, `14.0` or `"a,b"` for these, which a query string or a form
	 * needs (they carry only text) but in JSON is a client's mistake, easy to misread
	 * (`"false"` would be true).
	 *
	 * @param mixed           $value   Value.
	 * @param mixed           $type    The arg's type.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Param name.
	 * @return bool
	 */
	private static function has_json_type( $value, $type, WP_REST_Request $request, string $param ): bool {
		$json = $request->get_json_params();
		if ( ! is_array( $json ) || ! array_key_exists( $param, $json ) ) {
			return true;
		}
		switch ( $type ) {
			case 'boolean':
				return is_bool( $value );
			case 'integer':
				return is_int( $value );
			case 'array':
				return is_array( $value ) && wp_is_numeric_array( $value );
		}
		return true;
	}

	/**
	 * What the schemas of the namespace's params cannot say. WordPress matches a `pattern`
	 * with PCRE, where `$` also matches before a final newline ("ABC\n" would pass), and
	 * JSON Schema cannot limit the length of an object's property names, nor say that a
	 * label must keep some text once its tags are stripped.
	 *
	 * A runtime id of the registry has its pattern; the records' `runtime` filter takes any
	 * id DMC may have recorded (other code's too), without control characters.
	 *
	 * @param string $param Param name.
	 * @param mixed  $value Value that passed its schema.
	 * @param array  $arg   The arg's schema.
	 * @return true|WP_Error
	 */
	private static function beyond_schema( string $param, $value, array $arg ) {
		switch ( $param ) {
			case 'id':
			case 'runtime':
				$valid = Schema::ID_PATTERN === ( $arg['pattern'] ?? null )
					? Signature_Rules::is_valid_id( $value )
					: 1 !== preg_match( '/[\x00-\x1f\x7f]/', (string) $value );
				break;
			case 'host':
				$valid = Signature_Rules::is_valid_host( $value );
				break;
			case 'order':
				// PUT /order's list of ids; the records' `order` is asc or desc, said by its enum.
				$valid = ! is_array( $value ) || count( $value ) === count( array_filter( $value, array( Signature_Rules::class, 'is_valid_id' ) ) );
				break;
			case 'env':
				$names = array_keys( rest_sanitize_object( $value ) );
				$valid = count( $names ) === count( array_filter( $names, array( Signature_Rules::class, 'is_valid_env_name' ) ) );
				break;
			case 'fields':
				return Signature_Rules::check_field_names( rest_sanitize_object( $value ) );
			case 'label':
				// Markup alone ("<b></b>") would silently become the default label; say so instead.
				if ( '' === Plain_Text::label( $value ) && '' !== trim( $value ) ) {
					return new WP_Error( 'wpca_invalid_label', __( 'Invalid label: it has no text once tags and direction controls are stripped. Send an empty label for the default.', 'wp-coding-agents-runtimes' ) );
				}
				return true;
			default:
				return true;
		}
		return $valid ? true : new WP_Error( 'rest_invalid_param', __( 'Invalid parameter.', 'wp-coding-agents-runtimes' ) );
	}
}
