<?php
/**
 * The REST API, namespace `wp-coding-agents/v1` (docs/rest-api.md).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Inventory_Limit;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Registry_Rules;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Routes for runtimes, their order, the effective signatures, the attribution preview and
 * the last verification (the observation history has its own controller). Validation is Schema's; storage is Signature_Store's and
 * Verification_Log's.
 */
class REST_Controller extends WP_REST_Controller {

	const API_NAMESPACE = Plugin::REST_NAMESPACE;

	/**
	 * Store.
	 *
	 * @var Signature_Store
	 */
	private $store;

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private $publisher;

	/**
	 * Attribution resolver.
	 *
	 * @var Attribution_Resolver
	 */
	private $resolver;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private $verification_log;

	/**
	 * The catalogue (a write with `preset` takes its fields from it).
	 *
	 * @var Runtime_Catalogue
	 */
	private $catalogue;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store      $store            Store.
	 * @param Filter_Publisher     $publisher        Publisher.
	 * @param Attribution_Resolver $resolver         Resolver.
	 * @param Verification_Log     $verification_log Last verification.
	 * @param Runtime_Catalogue    $catalogue        Catalogue.
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher, Attribution_Resolver $resolver, Verification_Log $verification_log, Runtime_Catalogue $catalogue ) {
		$this->namespace        = self::API_NAMESPACE;
		$this->rest_base        = 'runtimes';
		$this->store            = $store;
		$this->publisher        = $publisher;
		$this->resolver         = $resolver;
		$this->verification_log = $verification_log;
		$this->catalogue        = $catalogue;
	}

	/**
	 * Registers every route, replacing any registered before in this request (a request
	 * that registered them without args may go on to one that describes them).
	 *
	 * @param bool $describe Whether to build the route args. They only document the
	 *                       parameters (Schema::documented_arg() leaves WordPress nothing
	 *                       to validate or sanitise; the handlers check body and query
	 *                       themselves), so only a response describing the routes (an index,
	 *                       OPTIONS) reads them; building them translates their descriptions,
	 *                       and a request's first translation costs WordPress a lookup of the
	 *                       text domain's files (about 100 µs, `npm run bench`).
	 */
	public function register_routes( $describe = true ) {
		$permission = array( $this, 'check_permission' );
		$register   = function ( $route, array $args ) {
			register_rest_route( $this->namespace, $route, $args, true );
		};
		$args       = static function ( $schema_args, ...$params ) use ( $describe ) {
			return $describe ? call_user_func_array( array( Schema::class, $schema_args ), $params ) : array();
		};

		$register(
			'/runtimes',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => $permission,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		// Any segment matches, so a malformed id gets our 400 rather than a 404 "no route".
		$register(
			'/runtimes/(?P<id>[^/]+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => $permission,
					'args'                => $args( 'id_args' ),
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'put_item' ),
					'permission_callback' => $permission,
					'args'                => $args( 'runtime_write_args', true ),
				),
				array(
					'methods'             => 'PATCH',
					'callback'            => array( $this, 'patch_item' ),
					'permission_callback' => $permission,
					'args'                => $args( 'runtime_write_args', false ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => $permission,
					'args'                => $args( 'id_args' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		$register(
			'/runtimes/(?P<id>[^/]+)/reset',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'reset_item' ),
					'permission_callback' => $permission,
					'args'                => $args( 'id_args' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		$register(
			'/order',
			array(
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'put_order' ),
					'permission_callback' => $permission,
					'args'                => $args( 'order_args' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		$register(
			'/signatures',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_signatures' ),
					'permission_callback' => $permission,
				),
				'schema' => array( Schema::class, 'get_signatures_schema' ),
			)
		);

		$register(
			'/signatures/repair',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'repair_signatures' ),
					'permission_callback' => $permission,
				),
				'schema' => array( Schema::class, 'get_signatures_schema' ),
			)
		);

		$register(
			'/attribution/preview',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'preview_attribution' ),
					'permission_callback' => $permission,
					'args'                => $args( 'preview_args' ),
				),
				'schema' => array( Schema::class, 'get_preview_schema' ),
			)
		);

		$register(
			'/attribution/last-verification',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_last_verification' ),
					'permission_callback' => $permission,
				),
				'schema' => array( Schema::class, 'get_last_verification_schema' ),
			)
		);
	}

	/**
	 * Every route: the capability from `wpca_required_capability`; 401 anonymous, 403 otherwise.
	 *
	 * @return true|WP_Error
	 */
	public static function check_permission() {
		return Capability::rest_permission();
	}

	/**
	 * `rest_pre_dispatch` guard: core's parameter sanitising iterates the JSON body and
	 * warns when it is a scalar (`"x"`, `5`, `true`), before any permission check. Such a
	 * body is answered here instead.
	 *
	 * @param mixed           $result  Response so far (null to continue).
	 * @param WP_REST_Server  $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public static function reject_scalar_json_body( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request
			|| 0 !== strpos( $request->get_route(), '/' . self::API_NAMESPACE . '/' )
			|| ! $request->is_json_content_type() ) {
			return $result;
		}
		$decoded = json_decode( (string) $request->get_body(), true );
		if ( null === $decoded || is_array( $decoded ) ) {
			return $result;
		}
		if ( ! Capability::current_user_can_manage() ) {
			return new WP_Error(
				'rest_forbidden',
				__( 'Sorry, you are not allowed to manage agent runtimes.', 'wp-coding-agents-runtimes' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		return self::invalid_body();
	}

	/**
	 * GET /runtimes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$response = $this->items_response( $this->store->list_items(), $request );
		$response->header( 'ETag', '"' . $this->store->order_etag() . '"' );
		return $response;
	}

	/**
	 * GET /runtimes/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$checked = self::preconditions( $request, array( 'id' => true ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$id   = $checked['id'];
		$item = $this->store->get_item( $id );
		if ( null === $item ) {
			return Registry_Rules::not_found( $id );
		}
		return $this->prepare_item_for_response( $item, $request );
	}

	/**
	 * PUT /runtimes/<id>: 201 when newly registered, 200 otherwise.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function put_item( $request ) {
		return $this->write_item( $request, false );
	}

	/**
	 * PATCH /runtimes/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function patch_item( $request ) {
		return $this->write_item( $request, true );
	}

	/**
	 * PUT or PATCH of one runtime.
	 *
	 * @param WP_REST_Request $request  Request.
	 * @param bool            $is_patch Whether this is a PATCH.
	 * @return WP_REST_Response|WP_Error
	 */
	private function write_item( WP_REST_Request $request, $is_patch ) {
		$checked = self::preconditions(
			$request,
			array(
				'id'       => true,
				'body'     => static function ( $body ) use ( $is_patch ) {
					return Schema::validate_runtime_body( $body, $is_patch );
				},
				'if_match' => true,
			)
		);
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$changes = $checked['body'];
		if ( isset( $changes['preset'] ) ) {
			// The catalogue's fields and name; a label sent with it wins.
			$preset = $this->catalogue->preset_changes( $checked['id'], $changes['preset'] );
			if ( is_wp_error( $preset ) ) {
				return $preset;
			}
			unset( $changes['preset'] );
			$changes += $preset;
		}
		$result = $is_patch
			? $this->store->patch( $checked['id'], $changes, $checked['conditions'] )
			: $this->store->put( $checked['id'], $changes, $checked['conditions'] );
		if ( is_wp_error( $result ) ) {
			return $this->with_current_item( $result, $request );
		}
		$response = $this->prepare_item_for_response( $result['item'], $request );
		if ( $result['created'] && ! $is_patch ) {
			$response->set_status( 201 );
		}
		return $response;
	}

	/**
	 * DELETE /runtimes/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$checked = self::preconditions(
			$request,
			array(
				'id'       => true,
				'if_match' => true,
			)
		);
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$result = $this->store->delete( $checked['id'], $checked['conditions'] );
		if ( is_wp_error( $result ) ) {
			return $this->with_current_item( $result, $request );
		}
		return new WP_REST_Response(
			array(
				'deleted'  => $result['deleted'],
				'previous' => null === $result['previous'] ? null : $this->prepare_item_for_response( $result['previous'], $request )->get_data(),
			)
		);
	}

	/**
	 * POST /runtimes/<id>/reset: the admin's changes go, the installer's declaration applies.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reset_item( $request ) {
		$checked = self::preconditions(
			$request,
			array(
				'id'       => true,
				'body'     => array( Schema::class, 'validate_no_body' ),
				'if_match' => true,
			)
		);
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$result = $this->store->reset( $checked['id'], $checked['conditions'] );
		if ( is_wp_error( $result ) ) {
			return $this->with_current_item( $result, $request );
		}
		return $this->prepare_item_for_response( $result['item'], $request );
	}

	/**
	 * What a handler checks before it acts, in the order every route answers them: the id
	 * in the URL, the body through the route's validator, then the write's conditions. The
	 * first that fails is the response, so each route answers a request that is wrong in
	 * several ways alike. Shared with the other controllers of the namespace.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $checks  `id` => true: the URL's id (Schema::validate_id);
	 *                                 `body` => callable: validates the decoded body and
	 *                                 returns what it accepts or a WP_Error; `if_match` =>
	 *                                 true: `If-Match` and `?force` (self::conditions_of).
	 * @return array|WP_Error `{ id?: string, body?: mixed, conditions?: array }`: the id,
	 *                        the validator's result, the conditions, for the checks asked.
	 */
	public static function preconditions( WP_REST_Request $request, array $checks ) {
		$checked = array();
		if ( ! empty( $checks['id'] ) ) {
			$url_params = $request->get_url_params();
			$id         = isset( $url_params['id'] ) ? $url_params['id'] : null;
			$valid      = Schema::validate_id( $id );
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
			$checked['id'] = $id;
		}
		if ( isset( $checks['body'] ) ) {
			$body = self::body_of( $request );
			if ( is_wp_error( $body ) ) {
				return $body;
			}
			$body = call_user_func( $checks['body'], $body );
			if ( is_wp_error( $body ) ) {
				return $body;
			}
			$checked['body'] = $body;
		}
		if ( ! empty( $checks['if_match'] ) ) {
			$conditions = self::conditions_of( $request );
			if ( is_wp_error( $conditions ) ) {
				return $conditions;
			}
			$checked['conditions'] = $conditions;
		}
		return $checked;
	}

	/**
	 * The preconditions of a write: `If-Match` (absent: no check, as installers send none)
	 * and `?force=true` (an installer taking over the admin's changes).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array|WP_Error `{ if_match?: string[], force?: bool }`.
	 */
	private static function conditions_of( WP_REST_Request $request ) {
		$conditions = array();
		$if_match   = $request->get_header( 'if_match' );
		if ( null !== $if_match ) {
			$tags = array();
			foreach ( explode( ',', $if_match ) as $tag ) {
				$tag = trim( $tag );
				if ( 0 === strpos( $tag, 'W/' ) ) {
					$tag = substr( $tag, 2 );
				}
				if ( '*' !== $tag && 1 !== preg_match( '/^"' . Schema::ETAG_CHAR . '*"$/', $tag ) ) {
					return Schema::error( 'wpca_invalid_if_match', 'If-Match', __( 'Invalid If-Match header: send the ETag of the last read, in double quotes, or *.', 'wp-coding-agents-runtimes' ) );
				}
				$tags[] = trim( $tag, '"' );
			}
			$conditions['if_match'] = $tags;
		}
		$query = $request->get_query_params();
		if ( array_key_exists( 'force', $query ) ) {
			if ( ! in_array( $query['force'], array( 'true', 'false', '1', '0' ), true ) ) {
				return Schema::error( 'wpca_invalid_force', 'force', __( 'Invalid force: must be true or false.', 'wp-coding-agents-runtimes' ) );
			}
			$conditions['force'] = in_array( $query['force'], array( 'true', '1' ), true );
		}
		return $conditions;
	}

	/**
	 * A 412 carries the current item (or items) as JSON, so the client can show it.
	 *
	 * @param WP_Error        $error   Error from the store.
	 * @param WP_REST_Request $request Request.
	 * @return WP_Error
	 */
	private function with_current_item( WP_Error $error, WP_REST_Request $request ) {
		$data = $error->get_error_data();
		if ( ! is_array( $data ) || ! array_key_exists( 'current', $data ) || ! is_array( $data['current'] ) ) {
			return $error;
		}
		$data['current'] = isset( $data['current']['id'] )
			? $this->prepare_item_for_response( $data['current'], $request )->get_data()
			: $this->items_response( $data['current'], $request )->get_data();
		return new WP_Error( $error->get_error_code(), $error->get_error_message(), $data );
	}

	/**
	 * PUT /order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function put_order( $request ) {
		$checked = self::preconditions(
			$request,
			array(
				'body'     => array( Schema::class, 'validate_order_body' ),
				'if_match' => true,
			)
		);
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$items = $this->store->reorder( $checked['body'], $checked['conditions'] );
		if ( is_wp_error( $items ) ) {
			return $this->with_current_item( $items, $request );
		}
		$response = $this->items_response( $items, $request );
		$response->header( 'ETag', '"' . $this->store->order_etag() . '"' );
		return $response;
	}

	/**
	 * GET /signatures.
	 *
	 * @return WP_REST_Response
	 */
	public function get_signatures() {
		$effective = $this->publisher->effective();
		$clean     = $this->resolver->clean( $effective['signatures'] );
		return new WP_REST_Response(
			array(
				'signatures'        => self::as_object_map( $effective['signatures'] ),
				'collisions'        => array_map(
					static function ( array $collision ) {
						return array(
							'id'     => (string) $collision['id'],
							'ours'   => (object) $collision['ours'],
							'theirs' => is_array( $collision['theirs'] ) ? (object) $collision['theirs'] : $collision['theirs'],
						);
					},
					$effective['collisions']
				),
				'problems'          => $this->store->problems(),
				'entries'           => $this->resolver->entries( $effective['signatures'] ),
				'declared'          => Attribution_Resolver::declared( $clean ),
				'primary_variables' => Attribution_Resolver::primary_variables( $clean ),
				// Could these signatures alone, at 300 bytes a value, blow DMC's lock metadata budget?
				'lock_budget'       => ( new Lock_Metadata_Budget() )->worst_case( $clean ),
			)
		);
	}

	/**
	 * POST /signatures/repair; takes no body, and says so rather than ignore one.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function repair_signatures( $request ) {
		$checked = self::preconditions( $request, array( 'body' => array( Schema::class, 'validate_no_body' ) ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$repaired = $this->store->repair();
		if ( is_wp_error( $repaired ) ) {
			return $repaired;
		}
		return $this->get_signatures();
	}

	/**
	 * POST /attribution/preview; with `record: true` the result is also recorded as an observation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function preview_attribution( $request ) {
		$checked = self::preconditions( $request, array( 'body' => array( Schema::class, 'validate_preview_body' ) ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$accepted = $checked['body'];
		$preview  = $this->resolver->preview( $this->publisher->effective()['signatures'], $accepted['env'] );
		if ( $accepted['record'] ) {
			$primary  = $preview['primary_source'];
			$recorded = $this->verification_log->record( $preview, $accepted['env'], $primary['runtime'] ?? null, $primary['variable'] ?? null, $accepted );
			if ( is_wp_error( $recorded ) ) {
				return $recorded;
			}
		}
		if ( null !== $preview['origin_session'] ) {
			$preview['origin_session']['ids'] = self::as_object_map( $preview['origin_session']['ids'] );
		}
		$preview['lock_budget']               = ( new Lock_Metadata_Budget() )->measure( $preview['lock_owner']['runtime_ids'] );
		$preview['inventory']                 = ( new Inventory_Limit() )->measure( null === $preview['origin_session'] ? null : $preview['origin_session']['primary_id'] );
		$preview['lock_owner']['runtime_ids'] = self::as_object_map( $preview['lock_owner']['runtime_ids'] );
		$preview['recorded']                  = $accepted['record'];
		return new WP_REST_Response( $preview );
	}

	/**
	 * GET /attribution/last-verification: `{ "verification": report }`, the report being the
	 * newest observation, null when none was recorded. The envelope keeps the body a JSON object either way, which
	 * WordPress serves as is.
	 *
	 * @return WP_REST_Response
	 */
	public function get_last_verification() {
		$report = $this->verification_log->last();
		if ( null !== $report ) {
			$report['hashes'] = (object) $report['hashes'];
		}
		return new WP_REST_Response( array( 'verification' => $report ) );
	}

	/**
	 * The schema of a runtime item.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = Schema::get_item_schema();
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * One item as JSON, with its collision flag.
	 *
	 * @param array           $item    Item from the store.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$response = new WP_REST_Response( $this->item_data( $item, $this->collided_ids() ) );
		$response->header( 'ETag', '"' . $item['etag'] . '"' );
		return $response;
	}

	/**
	 * A list of items as JSON.
	 *
	 * @param array[]         $items   Items from the store.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	private function items_response( array $items, WP_REST_Request $request ) {
		$collided = $this->collided_ids();
		$data     = array();
		foreach ( $items as $item ) {
			$data[] = $this->item_data( $item, $collided );
		}
		return new WP_REST_Response( $data );
	}

	/**
	 * Item data ready for JSON.
	 *
	 * @param array    $item     Item.
	 * @param string[] $collided Ids whose published entry does not take effect.
	 * @return array
	 */
	private function item_data( array $item, array $collided ) {
		$item['fields']    = (object) $item['fields'];
		$item['collision'] = $item['enabled'] && in_array( $item['id'], $collided, true );
		if ( null !== $item['declared'] ) {
			$item['declared']['fields'] = (object) $item['declared']['fields'];
		}
		return $item;
	}

	/**
	 * Ids of our published runtimes that other code overrides.
	 *
	 * @return string[]
	 */
	private function collided_ids() {
		return array_map( 'strval', wp_list_pluck( $this->publisher->effective()['collisions'], 'id' ) );
	}

	/**
	 * The request body, decoded: JSON (also when a client forgot the Content-Type header),
	 * else form parameters.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return mixed|WP_Error Null when there is no body.
	 */
	private static function body_of( WP_REST_Request $request ) {
		if ( $request->is_json_content_type() ) {
			return $request->get_json_params();
		}
		$raw = trim( (string) $request->get_body() );
		if ( '' !== $raw && ( '{' === $raw[0] || '[' === $raw[0] ) ) {
			$decoded = json_decode( $raw, true );
			if ( null === $decoded && JSON_ERROR_NONE !== json_last_error() ) {
				return new WP_Error( 'rest_invalid_json', __( 'Invalid JSON body passed.', 'wp-coding-agents-runtimes' ), array( 'status' => 400 ) );
			}
			return $decoded;
		}
		$form = $request->get_body_params();
		return array() === $form ? null : $form;
	}

	/**
	 * The `wpca_invalid_body` error.
	 *
	 * @return WP_Error
	 */
	private static function invalid_body() {
		return Schema::error( 'wpca_invalid_body', 'body', __( 'Invalid body: the request body must be a JSON object.', 'wp-coding-agents-runtimes' ) );
	}

	/**
	 * Makes a PHP map encode as a JSON object (also when empty or integer-keyed), with
	 * array entries as objects too.
	 *
	 * @param mixed $map Map.
	 * @return object
	 */
	private static function as_object_map( $map ) {
		$converted = array();
		if ( is_array( $map ) ) {
			foreach ( $map as $key => $value ) {
				$converted[ $key ] = is_array( $value ) ? (object) $value : $value;
			}
		}
		// A cast, unlike property assignment, accepts any key (empty, integer, NUL-prefixed).
		return (object) $converted;
	}
}
