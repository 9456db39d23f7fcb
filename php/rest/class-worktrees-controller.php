<?php
/**
 * REST route of the worktrees DMC recorded (docs/rest-api.md, "Data Machine Code").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/worktrees`: DMC's records read back as DMC reads them, newest first,
 * paged like core's collections; item schema `wpca-worktree`.
 */
class Worktrees_Controller extends Controller {

	/**
	 * DMC's worktree records.
	 *
	 * @var DMC_Worktree_Records
	 */
	private DMC_Worktree_Records $records;

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
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Attribution_Resolver $resolver  Resolver.
	 */
	public function __construct( DMC_Worktree_Records $records, Filter_Publisher $publisher, Attribution_Resolver $resolver ) {
		parent::__construct();
		$this->rest_base = 'attribution/worktrees';
		$this->records   = $records;
		$this->publisher = $publisher;
		$this->resolver  = $resolver;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route(
			'/' . $this->rest_base,
			$this->endpoint( WP_REST_Server::READABLE, 'get_items', $this->get_collection_params() )
		);
	}

	/**
	 * Core's collection pagination, `page` and `per_page` (no `context`: the rows have one view).
	 *
	 * @return array
	 */
	public function get_collection_params(): array {
		return array(
			'page'     => array(
				'description' => __( 'Page of the collection, from 1.', 'wp-coding-agents-runtimes' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
			'per_page' => array(
				'description' => __( 'Rows per page, 1 to 100.', 'wp-coding-agents-runtimes' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => Schema::PER_PAGE_MAX,
				'default'     => Schema::PER_PAGE_DEFAULT,
			),
		);
	}

	/**
	 * The errors of `page` and `per_page`.
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What is wrong.
	 * @return WP_Error|null
	 */
	protected function invalid_param( string $param, ?WP_Error $detail ): ?WP_Error {
		switch ( $param ) {
			case 'page':
				return Signature_Rules::error( 'wpca_invalid_page', 'page', __( 'Invalid page: must be an integer of at least 1.', 'wp-coding-agents-runtimes' ) );
			case 'per_page':
				return Signature_Rules::error(
					'wpca_invalid_per_page',
					'per_page',
					sprintf(
						/* translators: %d: maximum. */
						__( 'Invalid per_page: must be an integer from 1 to %d.', 'wp-coding-agents-runtimes' ),
						Schema::PER_PAGE_MAX
					)
				);
		}
		return null;
	}

	/**
	 * GET /attribution/worktrees: one page of rows, totals in X-WP-Total and X-WP-TotalPages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		// A page past any total reads nothing (and its offset stays an integer).
		$offset      = min( $page - 1, intdiv( PHP_INT_MAX, $per_page ) - 1 ) * $per_page;
		$read        = $this->records->read_page( $this->resolver->clean( $this->publisher->effective()['signatures'] ), $offset, $per_page );
		$total       = $read['total'];
		$total_pages = (int) ceil( $total / $per_page );
		if ( $page > max( 1, $total_pages ) ) {
			return Signature_Rules::error( 'wpca_invalid_page', 'page', __( 'Invalid page: the page number requested is larger than the number of pages available.', 'wp-coding-agents-runtimes' ) );
		}
		$response = new WP_REST_Response( array_map( array( self::class, 'row_data' ), $read['rows'] ) );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) $total_pages );
		return $response;
	}

	/**
	 * A row ready for JSON: maps as objects, also when empty.
	 *
	 * @param array $row Row from DMC_Worktree_Records::read().
	 * @return array
	 */
	private static function row_data( array $row ): array {
		$row = DMC_Worktree_Records::public_row( $row );
		$ids = array();
		foreach ( $row['origin_session']['ids'] as $runtime_id => $values ) {
			$ids[ $runtime_id ] = (object) $values;
		}
		$row['origin_session']['ids'] = (object) $ids;
		return $row;
	}

	/**
	 * JSON schema of one row: a worktree DMC recorded, read back as DMC reads it.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$nullable     = array( 'string', 'null' );
		$this->schema = self::response_schema(
			'wpca-worktree',
			array(
				'handle'          => self::read_only( __( 'The worktree handle (the key in DMC\'s option).', 'wp-coding-agents-runtimes' ), 'string' ),
				'repo'            => self::read_only( __( 'Repository, or null when not recorded.', 'wp-coding-agents-runtimes' ), $nullable ),
				'branch'          => self::read_only( __( 'Branch, or null when not recorded.', 'wp-coding-agents-runtimes' ), $nullable ),
				'created_at'      => self::read_only_time( __( 'When DMC recorded the worktree, ISO 8601 UTC; null when absent or unreadable.', 'wp-coding-agents-runtimes' ) ),
				'origin_session'  => self::read_only( __( 'The origin session as DMC reads it back: legacy keys migrated, values normalised (null kept), primary_id resolved against the signatures registered now.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => Preview_Controller::origin_session_properties( $nullable ),
				),
				'primary_runtime' => self::read_only( __( 'The runtime whose value is primary_id, or null.', 'wp-coding-agents-runtimes' ), $nullable ),
				'primary_rule'    => self::read_only(
					__( 'How primary_id was chosen: explicit (stored), session_id (first session_id of a registered runtime), registered_value (first value of a registered runtime), captured_value (first value of any runtime); null when there is none.', 'wp-coding-agents-runtimes' ),
					$nullable,
					array( 'enum' => array_merge( DMC_Worktree_Records::PRIMARY_RULES, array( null ) ) )
				),
				'legacy'          => self::read_only( __( 'Whether the stored row holds legacy <runtime>_<subkey> keys (written before DMC 0.45).', 'wp-coding-agents-runtimes' ), 'boolean' ),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
