<?php
/**
 * REST route of the worktrees DMC recorded (docs/rest-api.md, "Data Machine Code").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Origin_Session_Reader;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/worktrees`: DMC's records read back as DMC reads them, sorted,
 * filtered and searched on the server (DMC_Worktree_Records::read_page()) and paged like
 * core's collections; item schema `wpca-worktree`. The records table asks for one page:
 * `orderby` (date, handle), `order` (asc, desc), `runtime`, `attributed`, `search`,
 * `page`, `per_page`.
 */
class Worktrees_Controller extends Controller {

	public const ORDERBY = array( 'date', 'handle' );

	public const ORDER = array( 'asc', 'desc' );

	/** Longest search term, in characters. */
	public const SEARCH_MAX_LENGTH = 100;

	/** Longest runtime id looked for (DMC's records may hold other code's ids, any string). */
	public const RUNTIME_MAX_LENGTH = 64;

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
	 * Core's collection pagination, `page` and `per_page` (no `context`: the rows have one
	 * view), then the table's sort, filters and search. A query string carries only text,
	 * so booleans and integers are read as core reads them.
	 *
	 * @return array
	 */
	public function get_collection_params(): array {
		return array(
			'page'       => array(
				'description' => __( 'Page of the collection, from 1.', 'wp-coding-agents-runtimes' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
			'per_page'   => array(
				'description' => __( 'Rows per page, 1 to 100.', 'wp-coding-agents-runtimes' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => Schema::PER_PAGE_MAX,
				'default'     => Schema::PER_PAGE_DEFAULT,
			),
			'orderby'    => array(
				'description' => __( 'Sort by date (created_at; undated rows last) or handle.', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'enum'        => self::ORDERBY,
				'default'     => 'date',
			),
			'order'      => array(
				'description' => __( 'desc (newest first, the default) or asc.', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'enum'        => self::ORDER,
				'default'     => 'desc',
			),
			'runtime'    => array(
				'description' => __( 'Only rows holding a value of this runtime (with attributed=false: only rows holding none). Any id DMC may have recorded, other code\'s included.', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => self::RUNTIME_MAX_LENGTH,
			),
			'attributed' => array(
				'description' => __( 'true: only rows attributed (holding a value of runtime, or, without runtime, any primary id); false: only the others.', 'wp-coding-agents-runtimes' ),
				'type'        => 'boolean',
			),
			'search'     => array(
				'description' => __( 'Only rows whose handle or branch contains this text (case-insensitive).', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'maxLength'   => self::SEARCH_MAX_LENGTH,
			),
		);
	}

	/**
	 * The errors of the collection's params.
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
			case 'orderby':
			case 'order':
				return Signature_Rules::error(
					'order' === $param ? 'wpca_invalid_order' : 'wpca_invalid_orderby',
					$param,
					sprintf(
						/* translators: 1: parameter name, 2: the values allowed. */
						__( 'Invalid %1$s: must be one of %2$s.', 'wp-coding-agents-runtimes' ),
						$param,
						implode( ', ', 'order' === $param ? self::ORDER : self::ORDERBY )
					)
				);
			case 'runtime':
				return Signature_Rules::error(
					'wpca_invalid_runtime',
					'runtime',
					sprintf(
						/* translators: %d: maximum length. */
						__( 'Invalid runtime: must be a runtime id of at most %d characters.', 'wp-coding-agents-runtimes' ),
						self::RUNTIME_MAX_LENGTH
					)
				);
			case 'attributed':
				return Signature_Rules::error( 'wpca_invalid_attributed', 'attributed', __( 'Invalid attributed: must be true or false.', 'wp-coding-agents-runtimes' ) );
			case 'search':
				return Signature_Rules::error(
					'wpca_invalid_search',
					'search',
					sprintf(
						/* translators: %d: maximum length. */
						__( 'Invalid search: must be text of at most %d characters.', 'wp-coding-agents-runtimes' ),
						self::SEARCH_MAX_LENGTH
					)
				);
		}
		return null;
	}

	/**
	 * GET /attribution/worktrees: one page of rows, sorted, filtered and searched as the
	 * request asks; totals in X-WP-Total and X-WP-TotalPages, the neighbouring pages in
	 * Link, as core's collections.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		$query    = array(
			'orderby'    => $request['orderby'],
			'order'      => $request['order'],
			'runtime'    => '' === (string) $request['runtime'] ? null : (string) $request['runtime'],
			'attributed' => null === $request['attributed'] ? null : (bool) $request['attributed'],
			'search'     => '' === (string) $request['search'] ? null : (string) $request['search'],
		);
		// A page past any total reads nothing (and its offset stays an integer).
		$offset      = min( $page - 1, intdiv( PHP_INT_MAX, $per_page ) - 1 ) * $per_page;
		$read        = $this->records->read_page( $this->resolver->clean( $this->publisher->effective()['signatures'] ), $offset, $per_page, $query );
		$total       = $read['total'];
		$total_pages = (int) ceil( $total / $per_page );
		if ( $page > max( 1, $total_pages ) ) {
			return Signature_Rules::error( 'wpca_invalid_page', 'page', __( 'Invalid page: the page number requested is larger than the number of pages available.', 'wp-coding-agents-runtimes' ) );
		}
		$response = new WP_REST_Response( array_map( array( self::class, 'row_data' ), $read['rows'] ) );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) $total_pages );
		$base = add_query_arg( urlencode_deep( array_filter( $request->get_query_params(), 'is_scalar' ) ), rest_url( $this->namespace . '/' . $this->rest_base ) );
		if ( $page > 1 ) {
			$response->link_header( 'prev', add_query_arg( 'page', $page - 1, $base ) );
		}
		if ( $page < $total_pages ) {
			$response->link_header( 'next', add_query_arg( 'page', $page + 1, $base ) );
		}
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
					array( 'enum' => array_merge( Origin_Session_Reader::PRIMARY_RULES, array( null ) ) )
				),
				'legacy'          => self::read_only( __( 'Whether the stored row holds legacy <runtime>_<subkey> keys (written before DMC 0.45).', 'wp-coding-agents-runtimes' ), 'boolean' ),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
