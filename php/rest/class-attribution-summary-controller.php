<?php
/**
 * REST route of the per-runtime summary of DMC's records (docs/rest-api.md, "Data Machine Code").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/summary`: per runtime, the evidence in DMC's records; schema
 * `wpca-attribution-summary`.
 */
class Attribution_Summary_Controller extends Controller {

	/**
	 * DMC's worktree records.
	 *
	 * @var DMC_Worktree_Records
	 */
	private DMC_Worktree_Records $records;

	/**
	 * Registry (for the runtimes' last change).
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Publisher (what DMC reads now).
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
	 * @param DMC_Worktree_Records $records   DMC's worktree records.
	 * @param Signature_Store      $store     Registry.
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Attribution_Resolver $resolver  Resolver.
	 */
	public function __construct( DMC_Worktree_Records $records, Signature_Store $store, Filter_Publisher $publisher, Attribution_Resolver $resolver ) {
		parent::__construct();
		$this->rest_base = 'attribution/summary';
		$this->records   = $records;
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->resolver  = $resolver;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /attribution/summary.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		$signatures = $this->resolver->clean( $this->publisher->effective()['signatures'] );
		$read       = $this->records->read( $signatures );
		$changed_at = array();
		foreach ( $this->store->list_items() as $item ) {
			if ( $item['enabled'] ) {
				$changed_at[ $item['id'] ] = $item['updated_at'];
			}
		}
		return new WP_REST_Response(
			array(
				'option'   => $read['option'],
				'total'    => $read['total'],
				'skipped'  => $read['skipped'],
				'runtimes' => $this->records->runtime_summary( $read['rows'], array_map( 'strval', array_keys( $signatures ) ), $changed_at ),
			)
		);
	}

	/**
	 * JSON schema of GET /attribution/summary.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$nullable_time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		$this->schema  = self::response_schema(
			'wpca-attribution-summary',
			array(
				'option'   => self::read_only( __( 'State of DMC\'s option datamachine_worktree_metadata: absent, unreadable (not an array) or ok.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => array( 'absent', 'unreadable', 'ok' ) ) ),
				'total'    => self::read_only( __( 'Recorded worktrees read.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'skipped'  => self::read_only( __( 'Entries of the option that are not a handle mapped to metadata, left out.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'runtimes' => self::read_only( __( 'Per runtime DMC reads now or found in the records, in filter order.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'                 => array( 'type' => 'string' ),
							'published'          => self::property( __( 'Whether DMC reads this runtime now.', 'wp-coding-agents-runtimes' ), 'boolean' ),
							'published_since'    => array( 'description' => __( 'The runtime\'s last change here (updated_at), the nearest time to its publication this plugin keeps; null when unknown.', 'wp-coding-agents-runtimes' ) ) + $nullable_time,
							'worktrees'          => self::read_only( __( 'Recorded worktrees holding a value of this runtime.', 'wp-coding-agents-runtimes' ), 'integer' ),
							'primary'            => self::read_only( __( 'Recorded worktrees whose primary_id is this runtime\'s.', 'wp-coding-agents-runtimes' ), 'integer' ),
							'last_attributed_at' => array( 'description' => __( 'Newest recorded worktree holding a value of this runtime.', 'wp-coding-agents-runtimes' ) ) + $nullable_time,
							'last_worktree'      => self::read_only( __( 'Handle of that worktree, or null.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
							'worktrees_since'    => self::property( __( 'Published runtimes: worktrees recorded since published_since (all dated ones when it is null).', 'wp-coding-agents-runtimes' ), array( 'integer', 'null' ) ),
							'attributed_since'   => self::property( __( 'Published runtimes: of those, how many hold a value of this runtime.', 'wp-coding-agents-runtimes' ), array( 'integer', 'null' ) ),
							'flag'               => self::property(
								__( 'unattributed: worktrees were recorded since it was published and none holds a value of it; no_worktrees_since: none was recorded since; null otherwise.', 'wp-coding-agents-runtimes' ),
								array( 'string', 'null' ),
								array( 'enum' => array( 'unattributed', 'no_worktrees_since', null ) )
							),
						),
					),
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
