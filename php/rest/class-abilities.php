<?php
/**
 * The plugin's operations as WordPress abilities, for coding agents and MCP adapters.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the abilities (WordPress 6.9+ Abilities API; core runs them through
 * `/wp-abilities/v1/abilities/<name>/run`). Each one runs the REST route it mirrors
 * in-process (rest_do_request()), so input rules, the store, the answer and its errors
 * are the REST API's own; the schemas and input schemas are the controllers' (their item
 * schemas and route args), and permission is the routes' capability check
 * (Capability::rest_permission()).
 */
class Abilities {

	private const CATEGORY = 'coding-agent-runtimes';

	private const PREFIX = 'wp-coding-agents/';

	/**
	 * `wp_abilities_api_categories_init`.
	 */
	public static function register_category(): void {
		wp_register_ability_category(
			self::CATEGORY,
			array(
				'label'       => __( 'Coding agent runtimes', 'wp-coding-agents-runtimes' ),
				'description' => __( 'Which coding-agent runtimes Data Machine Code recognises, and which environment variables identify their sessions.', 'wp-coding-agents-runtimes' ),
			)
		);
	}

	/**
	 * `wp_abilities_api_init`.
	 */
	public static function register(): void {
		$runtimes = Plugin::rest_controller( Runtimes_Controller::class );
		$previews = Plugin::rest_controller( Preview_Controller::class );
		$item     = self::output( $runtimes->get_public_item_schema() );
		$preview  = self::output( $previews->get_public_item_schema() );

		self::add(
			'list-runtimes',
			__( 'List agent runtimes', 'wp-coding-agents-runtimes' ),
			__( 'Lists every runtime (registered or preset) in precedence order, and the signatures Data Machine Code receives from the filter, with collisions and stored problems.', 'wp-coding-agents-runtimes' ),
			null,
			array(
				'type'       => 'object',
				'properties' => array(
					'runtimes'   => array(
						'type'  => 'array',
						'items' => $item,
					),
					'signatures' => self::output( Plugin::rest_controller( Signatures_Controller::class )->get_public_item_schema() ),
				),
			),
			array( 'readonly' => true ),
			static function () {
				$runtimes = self::dispatch( 'GET', '/runtimes' );
				if ( is_wp_error( $runtimes ) ) {
					return $runtimes;
				}
				$signatures = self::dispatch( 'GET', '/signatures' );
				if ( is_wp_error( $signatures ) ) {
					return $signatures;
				}
				return array(
					'runtimes'   => $runtimes,
					'signatures' => $signatures,
				);
			}
		);

		self::add(
			'list-catalogue',
			__( 'List known agent runtimes', 'wp-coding-agents-runtimes' ),
			__( 'Lists the catalogue: every runtime this site knows (Claude Code, Codex, goose… besides the defaults), whether each is registered here, what each variable identifies, who sets it per upstream and what this site observed of it; with the entries other code tried to add and was refused, and precedence orders that put a generic session variable first. Register one with register-runtime and its id as preset.', 'wp-coding-agents-runtimes' ),
			null,
			self::output( Plugin::rest_controller( Catalogue_Controller::class )->get_public_item_schema() ),
			array( 'readonly' => true ),
			static function () {
				return self::dispatch( 'GET', '/catalogue' );
			}
		);

		self::add(
			'attribution-status',
			__( 'Is attribution working?', 'wp-coding-agents-runtimes' ),
			__( 'For every runtime (this plugin\'s and the entries other code adds to the filter), whether Data Machine Code really records its agent sessions: one verdict with its reason, the evidence chain declared → published → seen in agent processes → recorded by DMC, and the one action that fixes it.', 'wp-coding-agents-runtimes' ),
			null,
			self::output( Plugin::rest_controller( Status_Controller::class )->get_public_item_schema() ),
			array( 'readonly' => true ),
			static function () {
				return self::dispatch( 'GET', '/attribution/status' );
			}
		);

		$register = $runtimes->write_args( true );
		self::add(
			'register-runtime',
			__( 'Register an agent runtime', 'wp-coding-agents-runtimes' ),
			__( 'Registers (or updates) a runtime signature: which environment variables identify its sessions, as fields, or a catalogue runtime by its id as preset. Idempotent: the same input again changes nothing.', 'wp-coding-agents-runtimes' ),
			// `fields`, or `preset` instead: the route says which is missing.
			self::input_from_args( $register, array( 'id' ) ),
			$item,
			array(
				'readonly'    => false,
				'destructive' => false,
				'idempotent'  => true,
			),
			static function ( $input ) {
				$body = array_diff_key( (array) $input, array( 'id' => true ) );
				return self::dispatch( 'PUT', '/runtimes/' . rawurlencode( (string) $input['id'] ), $body );
			}
		);

		self::add(
			'unregister-runtime',
			__( 'Unregister an agent runtime', 'wp-coding-agents-runtimes' ),
			__( 'Removes a runtime registration (a preset returns to its defaults, unpublished). Idempotent: unregistering what is not registered changes nothing.', 'wp-coding-agents-runtimes' ),
			self::input_from_args( array_intersect_key( $register, array( 'id' => true ) ), array( 'id' ) ),
			array(
				'type'       => 'object',
				'properties' => array(
					'deleted'  => array( 'type' => 'boolean' ),
					'previous' => array( 'type' => array( 'object', 'null' ) ),
				),
			),
			array(
				'readonly'    => false,
				'destructive' => true,
				'idempotent'  => true,
			),
			static function ( $input ) {
				return self::dispatch( 'DELETE', '/runtimes/' . rawurlencode( (string) $input['id'] ) );
			}
		);

		self::add(
			'preview-attribution',
			__( 'Preview worktree attribution', 'wp-coding-agents-runtimes' ),
			__( 'Given the environment variables of an agent process, answers what Data Machine Code would record for a worktree and a workspace lock with the effective signatures. Records nothing.', 'wp-coding-agents-runtimes' ),
			self::input_from_args( array_intersect_key( $previews->get_preview_args(), array( 'env' => true ) ), array( 'env' ) ),
			$preview,
			// Not read-only for core's route, which would take a read-only ability's input from
			// the URL's query string (access logs, proxies); its input is an environment.
			array(
				'readonly'    => false,
				'destructive' => false,
				'idempotent'  => true,
			),
			static function ( $input ) {
				return self::dispatch( 'POST', '/attribution/preview', array( 'env' => self::env_of( $input ) ) );
			}
		);

		$record = self::input_from_args( array_diff_key( $previews->get_preview_args(), array( 'record' => true ) ), array( 'env' ) );
		self::add(
			'record-verification',
			__( 'Record a verification from an agent process', 'wp-coding-agents-runtimes' ),
			__( 'Like preview-attribution, and also records the result as an observation from a real agent process (variable names and keyed hashes of the values, never a value).', 'wp-coding-agents-runtimes' ),
			$record,
			$preview,
			array(
				'readonly'    => false,
				'destructive' => false,
				'idempotent'  => false,
			),
			static function ( $input ) {
				$body        = array( 'record' => true ) + (array) $input;
				$body['env'] = self::env_of( $input );
				return self::dispatch( 'POST', '/attribution/preview', $body );
			}
		);
	}

	/**
	 * Registers one ability of this plugin, public (REST, MCP), with the routes' permission.
	 *
	 * @param string        $name        Name after the prefix.
	 * @param string        $label       Label.
	 * @param string        $description What it does.
	 * @param array|null    $input       Input schema, or null for none.
	 * @param array         $output      Output schema.
	 * @param array         $annotations readonly / destructive / idempotent.
	 * @param callable      $execute     Execute callback.
	 */
	private static function add( string $name, string $label, string $description, ?array $input, array $output, array $annotations, callable $execute ): void {
		$args = array(
			'label'               => $label,
			'description'         => $description,
			'category'            => self::CATEGORY,
			'output_schema'       => $output,
			'execute_callback'    => $execute,
			'permission_callback' => array( Capability::class, 'rest_permission' ),
			'meta'                => array(
				'public'       => true,
				'show_in_rest' => true,
				'annotations'  => $annotations,
			),
		);
		if ( null !== $input ) {
			$args['input_schema'] = $input;
		}
		wp_register_ability( self::PREFIX . $name, $args );
	}

	/**
	 * An object schema from REST route args: the same property schemas, the given ones required.
	 *
	 * @param array    $args     Route args, as a controller builds them.
	 * @param string[] $required Required properties.
	 * @return array
	 */
	private static function input_from_args( array $args, array $required ): array {
		$properties = array();
		foreach ( $args as $name => $arg ) {
			unset( $arg['sanitize_callback'], $arg['validate_callback'], $arg['default'], $arg['required'] );
			$properties[ $name ] = $arg;
		}
		return array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => $required,
			'additionalProperties' => false,
		);
	}

	/**
	 * A REST response schema as an output schema (no draft marker or readonly flags).
	 *
	 * @param array $schema A controller's public item schema.
	 * @return array
	 */
	private static function output( array $schema ): array {
		unset( $schema['$schema'], $schema['title'] );
		return $schema;
	}

	/**
	 * The simulated environment; core turns `{}` into `[]` on the way, which PHP reads alike.
	 *
	 * @param mixed $input Ability input.
	 * @return object
	 */
	private static function env_of( $input ): object {
		return (object) ( isset( $input['env'] ) && is_array( $input['env'] ) ? $input['env'] : array() );
	}

	/**
	 * Runs one of the plugin's REST routes in-process as the current user.
	 *
	 * @param string     $method HTTP method.
	 * @param string     $route  Route after the namespace.
	 * @param array|null $body   JSON body.
	 * @return mixed|WP_Error The response data, or the route's error.
	 */
	private static function dispatch( string $method, string $route, ?array $body = null ) {
		$request = new WP_REST_Request( $method, '/' . Plugin::REST_NAMESPACE . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		$response = rest_do_request( $request );
		if ( $response->is_error() ) {
			$error = $response->as_error();
			return $error instanceof WP_Error ? $error : new WP_Error( 'wpca_ability_failed', __( 'The request failed.', 'wp-coding-agents-runtimes' ) );
		}
		return $response->get_data();
	}
}
