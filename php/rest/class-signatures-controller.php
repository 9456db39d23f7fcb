<?php
/**
 * REST routes of the effective signatures: what DMC receives from the filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Findings;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Foreign_Value;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Secret_Names;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /signatures` and `POST /signatures/repair`; schema `wpca-signatures`.
 */
class Signatures_Controller extends Controller {

	/**
	 * Store.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Cleans the filter's value as DMC does.
	 *
	 * @var Attribution_Resolver
	 */
	private Attribution_Resolver $resolver;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store      $store     Store.
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Attribution_Resolver $resolver  Resolver.
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher, Attribution_Resolver $resolver ) {
		parent::__construct();
		$this->rest_base = 'signatures';
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->resolver  = $resolver;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_items' ) );
		$this->register_route(
			'/' . $this->rest_base . '/repair',
			// Takes no body, and says so rather than ignore one.
			$this->endpoint( WP_REST_Server::CREATABLE, 'repair', array(), true )
		);
	}

	/**
	 * GET /signatures.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ): WP_REST_Response {
		$inspection = $this->publisher->inspection();
		$clean      = $this->resolver->clean( $inspection['signatures'] );
		return new WP_REST_Response(
			array(
				// Other code's values in JSON-safe, bounded copies (Foreign_Value).
				'signatures'        => self::as_object_map( Foreign_Value::signatures( $inspection['signatures'] ) ),
				'collisions'        => array_map(
					static function ( array $collision ) {
						$theirs = Foreign_Value::entry( $collision['theirs'] );
						return array(
							'id'     => (string) $collision['id'],
							'ours'   => (object) $collision['ours'],
							'theirs' => is_array( $theirs ) ? (object) $theirs : $theirs,
						);
					},
					$inspection['collisions']
				),
				'problems'          => $this->store->problems(),
				'findings'          => ( new Filter_Findings() )->of( $inspection ),
				'entries'           => Foreign_Value::entries( $this->resolver->entries( $inspection['signatures'] ) ),
				// Beyond what one preview may send, a name could never be verified anyway.
				'declared'          => Foreign_Value::names( Attribution_Resolver::declared( $clean ), Schema::ENV_MAX_VARIABLES ),
				'primary_variables' => Foreign_Value::names( Attribution_Resolver::primary_variables( $clean ), Schema::ENV_MAX_VARIABLES ),
				// What bin/runtime-signature verify must not send (the rule lives in Secret_Names).
				'secret_variables'  => Foreign_Value::names( array_values( array_filter( Attribution_Resolver::declared( $clean ), array( Secret_Names::class, 'is_secret_like' ) ) ), Schema::ENV_MAX_VARIABLES ),
				// Could these signatures alone, at 300 bytes a value, blow DMC's lock metadata budget?
				'lock_budget'       => ( new Lock_Metadata_Budget() )->worst_case( $clean ),
			)
		);
	}

	/**
	 * POST /signatures/repair: rewrites the stored option keeping only what is valid.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function repair( WP_REST_Request $request ) {
		$repaired = $this->store->repair();
		if ( is_wp_error( $repaired ) ) {
			return $repaired;
		}
		return Screen_Controller::link( $this->get_items( $request ) );
	}

	/**
	 * JSON schema of GET /signatures and POST /signatures/repair.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = self::response_schema(
			'wpca-signatures',
			array(
				'signatures'        => self::read_only( __( 'What Data Machine Code receives from the filter, in filter order: id => subkey => variable name. Other code\'s values are shown as JSON-safe copies (a value that is neither a map nor a scalar is null, texts are cut at 512 bytes, the first 256 entries of 64 pairs).', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'additionalProperties' => array(
						'type'                 => array( 'object', 'string', 'number', 'boolean', 'null' ),
						'additionalProperties' => array( 'type' => array( 'string', 'number', 'boolean', 'null' ) ),
					),
				),
				'collisions'        => self::read_only( __( 'Runtimes of ours that do not take effect because other code publishes the same id.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'     => array( 'type' => 'string' ),
							'ours'   => array( 'type' => 'object' ),
							'theirs' => array(
								'description'          => __( 'Their entry (a JSON-safe copy, as in signatures), or null when a later callback removed ours.', 'wp-coding-agents-runtimes' ),
								'type'                 => array( 'object', 'string', 'number', 'boolean', 'null' ),
								'additionalProperties' => array( 'type' => array( 'string', 'number', 'boolean', 'null' ) ),
							),
						),
					),
				),
				'lock_budget'       => Preview_Controller::lock_budget_schema( __( 'DMC\'s lock metadata budget if every declared variable had a 300-byte value (the most DMC keeps), with DMC\'s own keys at their largest.', 'wp-coding-agents-runtimes' ) ),
				'findings'          => self::read_only( __( 'What an admin should know about the filter: other code\'s callbacks that throw, warn, print or return no map (named by file and line; the filter is looked at with them isolated), variable names that look like credentials (DMC would store their values; bin/runtime-signature verify never sends them), more entries than are shown.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'required'   => array( 'code', 'message', 'id', 'subkey', 'variable', 'declared_by' ),
						'properties' => array(
							'code'        => array(
								'type' => 'string',
								'enum' => Filter_Findings::CODES,
							),
							'message'     => array( 'type' => 'string' ),
							'id'          => array( 'type' => array( 'string', 'null' ) ),
							'subkey'      => array( 'type' => array( 'string', 'null' ) ),
							'variable'    => array( 'type' => array( 'string', 'null' ) ),
							'declared_by' => array( 'type' => array( 'object', 'null' ) ) + Foreign_Signatures_Controller::declarer_schema(),
						),
					),
				),
				'entries'           => self::read_only( __( 'Each entry of the filter\'s value as DMC reads it, in filter order: the pairs it keeps (non-empty string subkey and variable name) and what it skips. An entry whose id is not a non-empty string (an all-digit id becomes an integer in PHP) or whose value is not a map, or that keeps no pair, is ignored whole.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'            => array( 'type' => 'string' ),
							'pairs'         => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => array(
										'subkey'   => array( 'type' => 'string' ),
										'variable' => array( 'type' => 'string' ),
									),
								),
							),
							'ignored'       => array( 'type' => 'boolean' ),
							'dropped_pairs' => array(
								'description' => __( 'Pairs of a kept entry that DMC skips (0 when the entry is ignored).', 'wp-coding-agents-runtimes' ),
								'type'        => 'integer',
							),
						),
					),
				),
				'declared'          => self::variable_names( __( 'Every variable DMC reads, once, in the order it reads them.', 'wp-coding-agents-runtimes' ) ),
				'secret_variables'  => self::variable_names( __( 'The variables of declared that look like credentials (docs/security.md): bin/runtime-signature verify never sends their values.', 'wp-coding-agents-runtimes' ) ),
				'primary_variables' => self::variable_names( __( 'The variables whose value DMC takes as primary_id first (each runtime\'s session_id), in precedence order; when none is set, the first value DMC keeps wins.', 'wp-coding-agents-runtimes' ) ),
				'problems'          => self::read_only( __( 'Entries and pairs of the stored option that are invalid and therefore not published.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						// Only pair problems name a subkey.
						'required'   => array( 'id', 'code', 'message' ),
						'properties' => array(
							'id'      => array( 'type' => 'string' ),
							'subkey'  => array( 'type' => 'string' ),
							'code'    => array( 'type' => 'string' ),
							'message' => array( 'type' => 'string' ),
						),
					),
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
