<?php
/**
 * REST routes of the effective signatures: what DMC receives from the filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
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
	private $store;

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private $publisher;

	/**
	 * Cleans the filter's value as DMC does.
	 *
	 * @var Attribution_Resolver
	 */
	private $resolver;

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
	public function register_routes() {
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
	public function get_items( $request ) {
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
	 * POST /signatures/repair: rewrites the stored option keeping only what is valid.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function repair( $request ) {
		$repaired = $this->store->repair();
		if ( is_wp_error( $repaired ) ) {
			return $repaired;
		}
		return $this->get_items( $request );
	}

	/**
	 * JSON schema of GET /signatures and POST /signatures/repair.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = self::response_schema(
			'wpca-signatures',
			array(
				'signatures'        => self::read_only( __( 'Exactly what Data Machine Code receives from the filter, in filter order.', 'wp-coding-agents-runtimes' ), 'object' ),
				'collisions'        => self::read_only( __( 'Runtimes of ours that do not take effect because other code publishes the same id.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'     => array( 'type' => 'string' ),
							'ours'   => array( 'type' => 'object' ),
							'theirs' => array(),
						),
					),
				),
				'lock_budget'       => Preview_Controller::lock_budget_schema( __( 'DMC\'s lock metadata budget if every declared variable had a 300-byte value (the most DMC keeps), with DMC\'s own keys at their largest.', 'wp-coding-agents-runtimes' ) ),
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
