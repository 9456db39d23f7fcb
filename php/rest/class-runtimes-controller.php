<?php
/**
 * REST routes of the runtimes and their precedence order (docs/rest-api.md, "Routes").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Registry_Rules;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Rules\Plain_Text;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /runtimes`, `GET|PUT|PATCH|DELETE /runtimes/<id>`, `POST /runtimes/<id>/reset` and
 * `PUT /order`; the item schema `wpca-runtime`. Storage and its rules are Signature_Store's.
 * About 520 lines: eight endpoints of one resource (the order is the list of its items,
 * answered as `GET /runtimes` answers it) and the item schema they all answer with.
 */
class Runtimes_Controller extends Controller {

	/**
	 * Store.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Filter publisher (for the collision flag).
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * The catalogue (a write with `preset` takes its fields from it).
	 *
	 * @var Runtime_Catalogue
	 */
	private Runtime_Catalogue $catalogue;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store   $store     Store.
	 * @param Filter_Publisher  $publisher Publisher.
	 * @param Runtime_Catalogue $catalogue Catalogue.
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher, Runtime_Catalogue $catalogue ) {
		parent::__construct();
		$this->rest_base = 'runtimes';
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->catalogue = $catalogue;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_items' ) );
		$this->register_route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)',
			$this->endpoint( WP_REST_Server::READABLE, 'get_item', self::id_arg() ),
			$this->endpoint( 'PUT', 'put_item', $this->write_args( true ), true ),
			$this->endpoint( 'PATCH', 'patch_item', $this->write_args( false ), true ),
			$this->endpoint( WP_REST_Server::DELETABLE, 'delete_item', self::id_arg() )
		);
		$this->register_route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)/reset',
			$this->endpoint( WP_REST_Server::CREATABLE, 'reset_item', self::id_arg(), true )
		);
		$this->register_route(
			'/order',
			$this->endpoint(
				'PUT',
				'put_order',
				array(
					'order' => array(
						'description' => __( 'Every registered runtime id, each once, in the new precedence order.', 'wp-coding-agents-runtimes' ),
						'type'        => 'array',
						'items'       => self::id_schema(),
						'maxItems'    => Schema::MAX_RUNTIMES,
						'required'    => true,
					),
				),
				true
			)
		);
	}

	/**
	 * Args of PUT (`$is_put`) and PATCH on a runtime: the item schema's writable
	 * properties, in the order they are checked, and `preset`, which a write sends instead
	 * of `fields` (check_sent()).
	 *
	 * @param bool $is_put Whether `enabled` defaults to true.
	 * @return array
	 */
	public function write_args( bool $is_put ): array {
		$writable = $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE );
		$args     = self::id_arg() + array(
			'fields'  => $writable['fields'],
			'enabled' => $writable['enabled'],
			'label'   => $writable['label'],
			'preset'  => array(
				'description' => __( 'Instead of fields: the id of a catalogue runtime (GET /catalogue), which must be the runtime\'s own id; its fields, and its name unless label is sent, are written.', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'pattern'     => Schema::ID_PATTERN,
				'maxLength'   => Schema::ID_MAX_LENGTH,
			),
		);
		if ( $is_put ) {
			$args['fields']['description'] .= ' ' . __( 'Required, unless preset is sent.', 'wp-coding-agents-runtimes' );
			$args['enabled']['default']     = true;
		}
		return $args;
	}

	/**
	 * What binds the params of a write: a PUT sends `fields` or `preset`, a PATCH at least
	 * one property, and `preset` comes without `fields`, naming a catalogue runtime.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $sent    The params sent.
	 * @return WP_Error|null
	 */
	protected function check_sent( WP_REST_Request $request, array $sent ): ?WP_Error {
		$attributes = $request->get_attributes();
		if ( ! isset( $attributes['args']['preset'] ) ) {
			return null;
		}
		$is_patch = 'PATCH' === $request->get_method();
		if ( ! $is_patch && ! array_key_exists( 'fields', $sent ) && ! array_key_exists( 'preset', $sent ) ) {
			return Signature_Rules::error( 'wpca_missing_fields', 'fields', __( 'Missing fields: send "fields", a map of subkey to environment variable name, or "preset", the id of a catalogue runtime.', 'wp-coding-agents-runtimes' ) );
		}
		if ( $is_patch && array() === $sent ) {
			return Signature_Rules::error( 'wpca_empty_patch', 'body', __( 'Nothing to change: send at least one of "enabled", "fields", "label" or "preset".', 'wp-coding-agents-runtimes' ) );
		}
		if ( array_key_exists( 'preset', $sent ) ) {
			if ( array_key_exists( 'fields', $sent ) ) {
				return Signature_Rules::error( 'wpca_invalid_preset', 'preset', __( 'Send either "preset" (the catalogue\'s fields) or "fields", not both.', 'wp-coding-agents-runtimes' ) );
			}
			// Checked here, before the other params, as `preset` stands for them.
			if ( is_wp_error( Input_Rules::validate( $sent['preset'], $request, 'preset' ) ) ) {
				return $this->invalid_param( 'preset', null );
			}
		}
		return null;
	}

	/**
	 * The errors of this controller's params.
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What is wrong; null when missing.
	 * @return WP_Error|null
	 */
	protected function invalid_param( string $param, ?WP_Error $detail ): ?WP_Error {
		switch ( $param ) {
			case 'fields':
				return Signature_Rules::invalid_fields( null === $detail ? '' : $detail->get_error_message() );
			case 'enabled':
				return Signature_Rules::error( 'wpca_invalid_enabled', 'enabled', __( 'Invalid enabled: must be true or false.', 'wp-coding-agents-runtimes' ) );
			case 'label':
				return Signature_Rules::error(
					'wpca_invalid_label',
					'label',
					sprintf(
						/* translators: %d: maximum length. */
						__( 'Invalid label: must be text of at most %d characters.', 'wp-coding-agents-runtimes' ),
						Schema::LABEL_MAX_LENGTH
					)
				);
			case 'order':
				return Signature_Rules::invalid_order();
			case 'preset':
				return Signature_Rules::error( 'wpca_invalid_preset', 'preset', __( 'Invalid preset: it must be the id of a catalogue runtime (GET /catalogue lists them).', 'wp-coding-agents-runtimes' ) );
		}
		return null;
	}

	/**
	 * GET /runtimes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ): WP_REST_Response {
		$response = $this->items_response( $this->store->list_items() );
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
		$checked = $this->preconditions( $request, array( 'id' => true ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$item = $this->store->get_item( $checked['id'] );
		if ( null === $item ) {
			return Registry_Rules::not_found( $checked['id'] );
		}
		return $this->prepare_item_for_response( $item, $request );
	}

	/**
	 * PUT /runtimes/<id>: 201 when newly registered, 200 otherwise.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function put_item( WP_REST_Request $request ) {
		return $this->write_item( $request, false );
	}

	/**
	 * PATCH /runtimes/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function patch_item( WP_REST_Request $request ) {
		return $this->write_item( $request, true );
	}

	/**
	 * PUT or PATCH of one runtime, with the properties the client sent.
	 *
	 * @param WP_REST_Request $request  Request.
	 * @param bool            $is_patch Whether this is a PATCH.
	 * @return WP_REST_Response|WP_Error
	 */
	private function write_item( WP_REST_Request $request, bool $is_patch ) {
		$result = $this->checked_write(
			$request,
			array(
				'id'   => true,
				'body' => true,
			),
			function ( array $checked ) use ( $is_patch ) {
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
				return $is_patch
					? $this->store->patch( $checked['id'], $changes, $checked['conditions'] )
					: $this->store->put( $checked['id'], $changes, $checked['conditions'] );
			}
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = $this->prepare_item_for_response( $result['item'], $request );
		if ( $result['created'] && ! $is_patch ) {
			$response->set_status( 201 );
		}
		return Screen_Controller::link( $response );
	}

	/**
	 * DELETE /runtimes/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$result = $this->checked_write(
			$request,
			array( 'id' => true ),
			function ( array $checked ) {
				return $this->store->delete( $checked['id'], $checked['conditions'] );
			}
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return Screen_Controller::link(
			new WP_REST_Response(
				array(
					'deleted'  => $result['deleted'],
					'previous' => null === $result['previous'] ? null : $this->prepare_item_for_response( $result['previous'], $request )->get_data(),
				)
			)
		);
	}

	/**
	 * POST /runtimes/<id>/reset: the admin's changes go, the installer's declaration applies.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reset_item( WP_REST_Request $request ) {
		$result = $this->checked_write(
			$request,
			array( 'id' => true ),
			function ( array $checked ) {
				return $this->store->reset( $checked['id'], $checked['conditions'] );
			}
		);
		return is_wp_error( $result ) ? $result : Screen_Controller::link( $this->prepare_item_for_response( $result['item'], $request ) );
	}

	/**
	 * A write after its preconditions (and `If-Match`, `?force`): the store's result, or
	 * the first failed check, or the store's error with the current item (with_current_item()).
	 *
	 * @param WP_REST_Request $request Request.
	 * @param array           $checks  Preconditions besides `if_match` (preconditions()).
	 * @param callable        $write   Takes the checked values, returns the store's result.
	 * @return array|WP_Error
	 */
	private function checked_write( WP_REST_Request $request, array $checks, callable $write ) {
		$checked = $this->preconditions( $request, $checks + array( 'if_match' => true ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$result = $write( $checked );
		return is_wp_error( $result ) ? $this->with_current_item( $result, $request ) : $result;
	}

	/**
	 * PUT /order.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function put_order( WP_REST_Request $request ) {
		$items = $this->checked_write(
			$request,
			array( 'body' => true ),
			function ( array $checked ) {
				return $this->store->reorder( array_values( $checked['body']['order'] ), $checked['conditions'] );
			}
		);
		if ( is_wp_error( $items ) ) {
			return $items;
		}
		$response = $this->items_response( $items );
		$response->header( 'ETag', '"' . $this->store->order_etag() . '"' );
		return $response;
	}

	/**
	 * A 412 carries the current item (or items) as JSON, so the client can show it.
	 *
	 * @param WP_Error        $error   Error from the store.
	 * @param WP_REST_Request $request Request.
	 * @return WP_Error
	 */
	private function with_current_item( WP_Error $error, WP_REST_Request $request ): WP_Error {
		$data = $error->get_error_data();
		if ( ! is_array( $data ) || ! array_key_exists( 'current', $data ) || ! is_array( $data['current'] ) ) {
			return $error;
		}
		$data['current'] = isset( $data['current']['id'] )
			? $this->prepare_item_for_response( $data['current'], $request )->get_data()
			: $this->items_response( $data['current'] )->get_data();
		return new WP_Error( $error->get_error_code(), $error->get_error_message(), $data );
	}

	/**
	 * JSON schema of a runtime id.
	 *
	 * @return array
	 */
	public static function id_schema(): array {
		return array(
			'description' => __( 'Runtime id: lowercase letters and digits in dash-separated groups, starting with a letter.', 'wp-coding-agents-runtimes' ),
			'type'        => 'string',
			'minLength'   => 1,
			'maxLength'   => Schema::ID_MAX_LENGTH,
			'pattern'     => Schema::ID_PATTERN,
		);
	}

	/**
	 * JSON schema of a runtime label.
	 *
	 * @return array
	 */
	private static function label_schema(): array {
		return array(
			'description' => __( 'Human-readable name; plain text, tags are stripped.', 'wp-coding-agents-runtimes' ),
			'type'        => 'string',
			'maxLength'   => Schema::LABEL_MAX_LENGTH,
		);
	}

	/**
	 * JSON schema of the `enabled` flag.
	 *
	 * @return array
	 */
	private static function enabled_schema(): array {
		return array(
			'description' => __( 'Whether the signature is published to Data Machine Code.', 'wp-coding-agents-runtimes' ),
			'type'        => 'boolean',
		);
	}

	/**
	 * JSON schema of a runtime item as the REST API returns it.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = self::response_schema(
			'wpca-runtime',
			array(
				'id'         => self::id_schema() + array( 'readonly' => true ),
				'label'      => self::label_schema() + array( 'arg_options' => array( 'sanitize_callback' => array( Plain_Text::class, 'label' ) ) ),
				'fields'     => Signature_Rules::fields_schema(),
				'enabled'    => self::enabled_schema(),
				'registered' => self::read_only( __( 'Whether the runtime is stored (enabled or disabled).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'preset'     => self::read_only( __( 'Whether the runtime is one of the built-in presets.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'source'     => self::read_only(
					__( 'Who last wrote the runtime: installer (Application Password), admin (admin screen), preset (never registered), external (found in the option without metadata) or adopted (taken over from other code that adds it to the filter, e.g. a legacy mu-plugin).', 'wp-coding-agents-runtimes' ),
					'string',
					array( 'enum' => Schema::SOURCES )
				),
				'updated_at' => self::read_only_time( __( 'When the runtime last changed, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ) ),
				'updated_by' => self::read_only( __( 'Login of the user who last changed the runtime.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
				'collision'  => self::read_only( __( 'Whether another plugin publishes an entry with the same id, so this one does not take effect.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'declared'   => self::read_only( __( 'What the installer last declared (writes with an Application Password), or null when no installer did.', 'wp-coding-agents-runtimes' ), array( 'object', 'null' ) ) + array(
					'properties' => array(
						'label'   => self::label_schema(),
						'fields'  => Signature_Rules::fields_schema(),
						'enabled' => self::enabled_schema(),
					),
				),
				'overridden' => self::read_only(
					__( 'Properties the admin changed away from what the installer declares; an installer\'s registration leaves them alone until reset (POST /runtimes/<id>/reset) or ?force=true.', 'wp-coding-agents-runtimes' ),
					'array',
					array(
						'items' => array(
							'type' => 'string',
							'enum' => Schema::RUNTIME_PROPERTIES,
						),
					)
				),
				'revision'   => self::read_only( __( 'How many times this plugin has changed the runtime (0 when never).', 'wp-coding-agents-runtimes' ), 'integer' ),
				'etag'       => self::read_only( __( 'The ETag of the runtime as read (also in the ETag header): send it in If-Match to write only if nobody changed it since.', 'wp-coding-agents-runtimes' ), 'string' ),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * One item as JSON, with its collision flag.
	 *
	 * @param array           $item    Item from the store.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ): WP_REST_Response {
		$response = new WP_REST_Response( self::item_data( $item, $this->collided_ids() ) );
		$response->header( 'ETag', '"' . $item['etag'] . '"' );
		return $response;
	}

	/**
	 * A list of items as JSON.
	 *
	 * @param array[] $items Items from the store.
	 * @return WP_REST_Response
	 */
	private function items_response( array $items ): WP_REST_Response {
		$collided = $this->collided_ids();
		$data     = array();
		foreach ( $items as $item ) {
			$data[] = self::item_data( $item, $collided );
		}
		return new WP_REST_Response( $data );
	}

	/**
	 * Item data ready for JSON; shared with the adoption route, whose answer holds one.
	 *
	 * @param array    $item     Item.
	 * @param string[] $collided Ids whose published entry does not take effect.
	 * @return array
	 */
	public static function item_data( array $item, array $collided ): array {
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
	private function collided_ids(): array {
		return array_map( 'strval', wp_list_pluck( $this->publisher->effective()['collisions'], 'id' ) );
	}
}
