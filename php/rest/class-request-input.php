<?php
/**
 * What a client sent to a route of `wp-coding-agents/v1`, read as WordPress reads it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a request for the controllers (Controller): a JSON body without its
 * Content-Type, the body as a whole (a JSON object of the endpoint's params), the params
 * the client sent (without the URL's and without defaults: what a write changes), and a
 * write's conditions (`If-Match`, `?force`). It decides nothing about the order of
 * answers; Controller does.
 */
final class Request_Input {

	/**
	 * `rest_pre_dispatch`: a body that is JSON is read as JSON also when the client forgot
	 * the Content-Type header (`curl -d` sends a form's), as for every route of the
	 * namespace it always was. Returns the result untouched.
	 *
	 * @param mixed           $result  Response so far (null to continue).
	 * @param WP_REST_Server  $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public static function read_json_body( $result, $server, $request ) {
		if ( null === $result && $request instanceof WP_REST_Request && ! $request->is_json_content_type()
			&& 0 === stripos( $request->get_route(), '/' . Plugin::REST_NAMESPACE . '/' ) ) {
			$body = ltrim( (string) $request->get_body() );
			if ( '' !== $body && ( '{' === $body[0] || '[' === $body[0] ) ) {
				$request->set_header( 'Content-Type', 'application/json' );
			}
		}
		return $result;
	}


	/**
	 * The body as a whole. An endpoint that takes one: absent, or a JSON object (or form)
	 * of the endpoint's params other than the URL's. Any other: anything but a JSON scalar.
	 *
	 * @param WP_REST_Request $request    Request.
	 * @param bool            $takes_body Whether the endpoint takes a body.
	 * @return true|WP_Error `wpca_invalid_body`, `wpca_unknown_property`.
	 */
	public static function check_body_shape( WP_REST_Request $request, bool $takes_body ) {
		$body = $request->is_json_content_type() ? $request->get_json_params() : $request->get_body_params();
		if ( null === $body || array() === $body || ( ! $takes_body && is_array( $body ) ) ) {
			return true;
		}
		if ( ! is_array( $body ) || wp_is_numeric_array( $body ) ) {
			return Signature_Rules::error( 'wpca_invalid_body', 'body', __( 'Invalid body: the request body must be a JSON object.', 'wp-coding-agents-runtimes' ) );
		}
		$allowed = self::body_param_names( $request );
		foreach ( array_keys( $body ) as $property ) {
			if ( ! in_array( $property, $allowed, true ) ) {
				$name = Signature_Rules::shorten( (string) $property );
				return Signature_Rules::error(
					'wpca_unknown_property',
					$name,
					array() === $allowed
						? sprintf(
							/* translators: %s: property name. */
							__( 'Unknown property "%s": this route takes no body.', 'wp-coding-agents-runtimes' ),
							$name
						)
						: sprintf(
							/* translators: 1: property name, 2: list of known properties. */
							__( 'Unknown property "%1$s": this route accepts %2$s.', 'wp-coding-agents-runtimes' ),
							$name,
							implode( ', ', $allowed )
						)
				);
			}
		}
		return true;
	}


	/**
	 * The params the client sent, as WordPress reads them (JSON body, then form body, then
	 * query string), without the URL's and without defaults: what a write changes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array Values by param name, validated and sanitised once the handler runs.
	 */
	public static function sent_params( WP_REST_Request $request ): array {
		$sources = array( $request->get_query_params() );
		if ( $request->is_json_content_type() ) {
			array_unshift( $sources, (array) $request->get_json_params(), $request->get_body_params() );
		} else {
			array_unshift( $sources, $request->get_body_params() );
		}
		$sent = array();
		foreach ( self::body_param_names( $request ) as $name ) {
			foreach ( $sources as $source ) {
				if ( is_array( $source ) && array_key_exists( $name, $source ) ) {
					$sent[ $name ] = $source[ $name ];
					break;
				}
			}
		}
		return $sent;
	}


	/**
	 * Names of the endpoint's params other than the URL's.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return string[]
	 */
	private static function body_param_names( WP_REST_Request $request ): array {
		$attributes = $request->get_attributes();
		$args       = isset( $attributes['args'] ) ? array_keys( $attributes['args'] ) : array();
		return array_values( array_diff( $args, array_keys( $request->get_url_params() ) ) );
	}


	/**
	 * An `If-Match` header as RFC 9110 (13.1.1) reads it: either a bare `*` (any current
	 * representation), or a list of entity tags compared strongly. A quoted `"*"` is an
	 * ordinary entity tag, kept with its quotes so it can never read as the wildcard (no
	 * ETag of ours is `*`); a weak tag (`W/"…"`) never matches strongly, so it is left out.
	 *
	 * @param string $header The header's value.
	 * @return string[]|null `[ '*' ]`, the strong tags' opaque parts, or null when malformed.
	 */
	private static function entity_tags( string $header ): ?array {
		if ( '*' === trim( $header ) ) {
			return array( '*' );
		}
		$tags = array();
		foreach ( explode( ',', $header ) as $tag ) {
			$tag  = trim( $tag );
			$weak = 0 === strpos( $tag, 'W/' );
			if ( 1 !== preg_match( '/^"' . Schema::ETAG_CHAR . '*"$/', $weak ? substr( $tag, 2 ) : $tag ) ) {
				return null;
			}
			if ( ! $weak ) {
				$opaque = substr( $tag, 1, -1 );
				$tags[] = '*' === $opaque ? $tag : $opaque;
			}
		}
		return $tags;
	}

	/**
	 * The preconditions of a write: `If-Match` (absent: no check, as installers send none)
	 * and `?force=true` (an installer taking over the admin's changes).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array|WP_Error `{ if_match?: string[], force?: bool }`.
	 */
	public static function write_conditions( WP_REST_Request $request ) {
		$conditions = array();
		$if_match   = $request->get_header( 'if_match' );
		if ( null !== $if_match ) {
			$conditions['if_match'] = self::entity_tags( $if_match );
			if ( null === $conditions['if_match'] ) {
				return Signature_Rules::error( 'wpca_invalid_if_match', 'If-Match', __( 'Invalid If-Match header: send the ETag of the last read, in double quotes, or *.', 'wp-coding-agents-runtimes' ) );
			}
		}
		$query = $request->get_query_params();
		if ( array_key_exists( 'force', $query ) ) {
			if ( ! in_array( $query['force'], array( 'true', 'false', '1', '0' ), true ) ) {
				return Signature_Rules::error( 'wpca_invalid_force', 'force', __( 'Invalid force: must be true or false.', 'wp-coding-agents-runtimes' ) );
			}
			$conditions['force'] = in_array( $query['force'], array( 'true', '1' ), true );
		}
		return $conditions;
	}
}
