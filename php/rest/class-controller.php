<?php
/**
 * What every controller of the namespace `wp-coding-agents/v1` shares (docs/rest-api.md).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * The base of the plugin's controllers. Each subclass registers its routes on
 * `rest_api_init` and owns their args and its item schema; WordPress validates every
 * arg against its schema (Input_Rules adds what a JSON schema cannot say). What this
 * class holds:
 *
 * - the permission of every route (the capability of Capability::required());
 * - the preconditions a handler checks before it acts, in the order every route answers
 *   them: the id in the URL, the rules binding several params of the body (check_sent()),
 *   then a write's conditions (`If-Match`, `?force`);
 * - the one mapper from WordPress's validation errors (`rest_missing_callback_param`,
 *   `rest_invalid_param`, a body that is no JSON object) to this plugin's `wpca_…` codes
 *   (answer_invalid_request()), which also keeps the routes' order of answers: 401/403
 *   before any 400, then the id, the body, and the params in the order the route
 *   declares them.
 *
 * Reading what the client sent (the body as a whole, the params sent, `If-Match` and
 * `?force`) is Request_Input's; the schemas' building blocks are Response_Parts'.
 */
abstract class Controller extends WP_REST_Controller {

	use Response_Parts;

	/**
	 * Sets the namespace.
	 */
	public function __construct() {
		$this->namespace = Plugin::REST_NAMESPACE;
	}

	/**
	 * `rest_api_init`, once the routes are registered: the two request hooks the
	 * controllers rely on.
	 */
	public static function add_request_hooks(): void {
		add_filter( 'rest_pre_dispatch', array( Request_Input::class, 'read_json_body' ), 10, 3 );
		add_filter( 'rest_request_before_callbacks', array( self::class, 'before_callbacks' ), 10, 3 );
	}

	/**
	 * Every route: the capability from `wpca_required_capability`; 401 anonymous, 403 otherwise.
	 *
	 * @return true|WP_Error
	 */
	public function check_permission() {
		return Capability::rest_permission();
	}

	/**
	 * Registers one route of this controller with its endpoints and the controller's item
	 * schema, which OPTIONS and the index describe the route with.
	 *
	 * @param string $route        Route below the namespace (`/runtimes/(?P<id>[^/]+)`).
	 * @param array  ...$endpoints Its endpoints (endpoint()).
	 */
	protected function register_route( string $route, array ...$endpoints ): void {
		register_rest_route( $this->namespace, $route, $endpoints + array( 'schema' => array( $this, 'get_public_item_schema' ) ) );
	}

	/**
	 * One endpoint of a route, as register_rest_route() takes it. Each arg is validated by
	 * Input_Rules::validate() (WordPress's schema validation, then what a schema cannot
	 * say) and sanitised from its schema unless it names its own sanitiser. An endpoint
	 * that takes a body checks it as a whole too (validate_body()).
	 *
	 * @param string $methods    Methods.
	 * @param string $callback   Method of this controller answering the request.
	 * @param array  $args       Args by name, in the order the route checks them.
	 * @param bool   $takes_body Whether the request may carry a body.
	 * @return array
	 */
	protected function endpoint( string $methods, string $callback, array $args = array(), bool $takes_body = false ): array {
		foreach ( $args as $name => $arg ) {
			$args[ $name ]['validate_callback'] = array( Input_Rules::class, 'validate' );
			if ( ! isset( $arg['sanitize_callback'] ) ) {
				$args[ $name ]['sanitize_callback'] = 'rest_sanitize_request_arg';
			}
		}
		return array(
			'methods'             => $methods,
			'callback'            => array( $this, $callback ),
			'permission_callback' => array( $this, 'check_permission' ),
			'args'                => $args,
			// Run by WordPress once every arg passed (WP_REST_Request::has_valid_params()).
			'validate_callback'   => array( $this, $takes_body ? 'validate_body' : 'validate_no_body' ),
		);
	}

	/**
	 * The arg of a route's `(?P<id>…)`: a runtime id. Any segment matches the route, so a
	 * malformed id gets `wpca_invalid_id` rather than a 404 "no route".
	 *
	 * @return array
	 */
	protected static function id_arg(): array {
		return array( 'id' => Runtimes_Controller::id_schema() );
	}

	/**
	 * `rest_request_before_callbacks`, for this namespace's routes only: the options the
	 * routes read (not autoloaded) in one query, and the answer to a request WordPress
	 * found invalid. WordPress validates before it checks permissions; these routes answer
	 * 401/403 first, so nobody without the capability learns anything from a 400.
	 * Malformed JSON stays WordPress's `rest_invalid_json`, answered before all else.
	 *
	 * @param mixed           $response Response so far: a WP_Error when validation failed.
	 * @param array           $handler  The matched endpoint.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function before_callbacks( $response, $handler, $request ) {
		$controller = isset( $handler['callback'] ) && is_array( $handler['callback'] ) ? $handler['callback'][0] : null;
		if ( ! $controller instanceof self ) {
			return $response;
		}
		wp_prime_option_caches( array( Signature_Store::OPTION, Signature_Store::META_OPTION, Verification_Log::OPTION, Verification_Log::WINDOW_OPTION ) );
		if ( ! is_wp_error( $response ) || 'rest_invalid_json' === $response->get_error_code() ) {
			return $response;
		}
		$permission = $controller->check_permission();
		return is_wp_error( $permission ) ? $permission : $controller->answer_invalid_request( $request, $response );
	}

	/**
	 * The one mapper from WordPress's validation errors to this plugin's: the route's first
	 * failed check, in the order every route answers them — the id in the URL, the body as
	 * a whole (a JSON object of known properties), the rules binding several of its params
	 * (check_sent()), a missing required param, then the first invalid param in the order
	 * the route declares them — as a `wpca_…` error in the shape
	 * of `rest_invalid_param` (Signature_Rules::error()).
	 *
	 * @param WP_REST_Request $request Request.
	 * @param WP_Error        $found   What WordPress (or validate_body()) found.
	 * @return WP_Error
	 */
	protected function answer_invalid_request( WP_REST_Request $request, WP_Error $found ): WP_Error {
		$attributes = $request->get_attributes();
		$args       = isset( $attributes['args'] ) ? $attributes['args'] : array();
		if ( isset( $args['id'] ) ) {
			$id = $this->check_id( $request );
			if ( is_wp_error( $id ) ) {
				return $id;
			}
		}
		$shape = Request_Input::check_body_shape( $request, self::takes_body( $attributes ) );
		if ( is_wp_error( $shape ) ) {
			return $shape;
		}
		$sent = Request_Input::sent_params( $request );
		$rule = $this->check_sent( $request, $sent );
		if ( null !== $rule ) {
			return $rule;
		}
		$data = $found->get_error_data();
		if ( 'rest_missing_callback_param' === $found->get_error_code() && ! empty( $data['params'] ) ) {
			$missing = (string) reset( $data['params'] );
			// Sent as null, it is not missing but invalid (below).
			if ( ! array_key_exists( $missing, $sent ) ) {
				return $this->param_error( $missing, null );
			}
		}
		$invalid = 'rest_invalid_param' === $found->get_error_code() && isset( $data['params'] ) ? $data['params'] : array();
		foreach ( array_keys( $args ) as $name ) {
			if ( isset( $invalid[ $name ] ) ) {
				$detail = isset( $data['details'][ $name ]['code'] )
					? new WP_Error( $data['details'][ $name ]['code'], $data['details'][ $name ]['message'] )
					: new WP_Error( 'rest_invalid_param', $invalid[ $name ] );
				return $this->param_error( $name, $detail );
			}
			// WordPress validates no param sent as null (it reads as absent); it is as invalid as any other value.
			if ( array_key_exists( $name, $sent ) && null === $sent[ $name ] ) {
				$valid = Input_Rules::validate( null, $request, $name );
				if ( is_wp_error( $valid ) ) {
					return $this->param_error( $name, $valid );
				}
			}
		}
		return $found;
	}

	/**
	 * An endpoint's `validate_callback` (endpoint()): after WordPress validated each param,
	 * the body as a whole. Any error goes to answer_invalid_request() like WordPress's own.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function validate_body( WP_REST_Request $request ) {
		$shape = Request_Input::check_body_shape( $request, true );
		if ( is_wp_error( $shape ) ) {
			return $shape;
		}
		foreach ( Request_Input::sent_params( $request ) as $name => $value ) {
			if ( null === $value ) {
				$valid = Input_Rules::validate( null, $request, $name );
				if ( is_wp_error( $valid ) ) {
					return $valid;
				}
			}
		}
		return true;
	}

	/**
	 * The `validate_callback` of an endpoint that takes no body: any body is ignored,
	 * except a JSON scalar (`"x"`, `5`, `true`), which WordPress's sanitising of the
	 * params would iterate with a PHP warning.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function validate_no_body( WP_REST_Request $request ) {
		return Request_Input::check_body_shape( $request, false );
	}

	/**
	 * Whether an endpoint takes a body (endpoint()).
	 *
	 * @param array $endpoint The endpoint's attributes.
	 * @return bool
	 */
	private static function takes_body( array $endpoint ): bool {
		return isset( $endpoint['validate_callback'][1] ) && 'validate_body' === $endpoint['validate_callback'][1];
	}

	/**
	 * The error of one param, for the mapper: a `wpca_…` error a rule already made (its
	 * message stands), the id's, or the controller's own for its params (invalid_param()).
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What is wrong; null when the param is missing.
	 * @return WP_Error
	 */
	private function param_error( string $param, ?WP_Error $detail ): WP_Error {
		if ( null !== $detail && 0 === strpos( (string) $detail->get_error_code(), 'wpca_' ) ) {
			return Signature_Rules::error( (string) $detail->get_error_code(), $param, $detail->get_error_message() );
		}
		if ( 'id' === $param ) {
			return Signature_Rules::invalid_id();
		}
		$error = $this->invalid_param( $param, $detail );
		if ( null !== $error ) {
			return $error;
		}
		$message = null !== $detail ? $detail->get_error_message() : sprintf(
			/* translators: %s: parameter name. */
			__( 'Missing %s.', 'wp-coding-agents-runtimes' ),
			$param
		);
		return Signature_Rules::error( 'rest_invalid_param', $param, $message );
	}

	/**
	 * The rules of a route's body that bind several params (one of them required, two
	 * that exclude each other), checked after the body's shape and before each param's
	 * own rules, by the mapper and by the preconditions alike.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $sent    The params the client sent (sent_params()).
	 * @return WP_Error|null
	 */
	protected function check_sent( WP_REST_Request $request, array $sent ): ?WP_Error {
		return null;
	}

	/**
	 * This controller's error for one of its params (the mapper's table for its routes).
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What WordPress's validation (or Input_Rules) said; null when missing.
	 * @return WP_Error|null Null for a param it does not know.
	 */
	protected function invalid_param( string $param, ?WP_Error $detail ): ?WP_Error {
		return null;
	}

	/**
	 * What a handler checks before it acts, in the order every route answers them: the id
	 * in the URL, the rules binding several params of the body, then the write's conditions. The first that fails is
	 * the response, so each route answers a request that is wrong in several ways alike.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $checks  `id` => true: the URL's id; `body` => true: the params
	 *                                 the client sent (sent_params()), through check_sent();
	 *                                 `if_match` => true: `If-Match` and `?force`
	 *                                 (conditions_of()).
	 * @return array|WP_Error `{ id?: string, body?: array, conditions?: array }`: the id,
	 *                        the params sent, the conditions, for the checks asked.
	 */
	protected function preconditions( WP_REST_Request $request, array $checks ) {
		$checked = array();
		if ( ! empty( $checks['id'] ) ) {
			$id = $this->check_id( $request );
			if ( is_wp_error( $id ) ) {
				return $id;
			}
			$checked['id'] = $id;
		}
		if ( ! empty( $checks['body'] ) ) {
			$sent = Request_Input::sent_params( $request );
			$rule = $this->check_sent( $request, $sent );
			if ( null !== $rule ) {
				return $rule;
			}
			$checked['body'] = $sent;
		}
		if ( ! empty( $checks['if_match'] ) ) {
			$conditions = Request_Input::write_conditions( $request );
			if ( is_wp_error( $conditions ) ) {
				return $conditions;
			}
			$checked['conditions'] = $conditions;
		}
		return $checked;
	}

	/**
	 * The id in the URL, validated by its arg's rules. WordPress validated `id` as a param,
	 * but a param of that name in the body or the query string comes first in its reading
	 * order, so the URL's own is checked here.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return string|WP_Error
	 */
	private function check_id( WP_REST_Request $request ) {
		$url_params = $request->get_url_params();
		$id         = isset( $url_params['id'] ) ? $url_params['id'] : null;
		$valid      = Input_Rules::validate( $id, $request, 'id' );
		return is_wp_error( $valid ) ? $this->param_error( 'id', $valid ) : $id;
	}
}
