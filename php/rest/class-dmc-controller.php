<?php
/**
 * REST routes about Data Machine Code itself: is it there, and what did it record.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /dmc`, `GET /attribution/worktrees` (core-style pagination, newest first) and
 * `GET /attribution/summary`, all read-only and behind the plugin's capability.
 */
class DMC_Controller {

	/**
	 * DMC detection.
	 *
	 * @var DMC_Detector
	 */
	private $detector;

	/**
	 * DMC's worktree records.
	 *
	 * @var DMC_Worktree_Records
	 */
	private $records;

	/**
	 * Registry (for the runtimes' last change).
	 *
	 * @var Signature_Store
	 */
	private $store;

	/**
	 * Publisher (what DMC reads now).
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
	 * @param DMC_Detector         $detector  DMC detection.
	 * @param DMC_Worktree_Records $records   DMC's worktree records.
	 * @param Signature_Store      $store     Registry.
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Attribution_Resolver $resolver  Resolver.
	 */
	public function __construct( DMC_Detector $detector, DMC_Worktree_Records $records, Signature_Store $store, Filter_Publisher $publisher, Attribution_Resolver $resolver ) {
		$this->detector  = $detector;
		$this->records   = $records;
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->resolver  = $resolver;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes() {
		$routes = array(
			'/dmc'                   => array( 'get_dmc', array(), array( Schema::class, 'get_dmc_schema' ) ),
			'/attribution/worktrees' => array( 'get_worktrees', Schema::worktrees_args(), array( Schema::class, 'get_worktree_schema' ) ),
			'/attribution/summary'   => array( 'get_summary', array(), array( Schema::class, 'get_attribution_summary_schema' ) ),
		);
		foreach ( $routes as $route => list( $callback, $args, $schema ) ) {
			register_rest_route(
				REST_Controller::API_NAMESPACE,
				$route,
				array(
					array(
						'methods'             => WP_REST_Server::READABLE,
						'callback'            => array( $this, $callback ),
						'permission_callback' => array( Capability::class, 'rest_permission' ),
						'args'                => $args,
					),
					'schema' => $schema,
				)
			);
		}
	}

	/**
	 * GET /dmc.
	 *
	 * @return WP_REST_Response
	 */
	public function get_dmc() {
		return new WP_REST_Response( $this->detector->status() );
	}

	/**
	 * GET /attribution/worktrees: one page of rows, totals in X-WP-Total and X-WP-TotalPages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_worktrees( $request ) {
		$paging = Schema::validate_pagination( $request->get_param( 'page' ), $request->get_param( 'per_page' ) );
		if ( is_wp_error( $paging ) ) {
			return $paging;
		}
		$read        = $this->records->read_page( $this->signatures(), ( $paging['page'] - 1 ) * $paging['per_page'], $paging['per_page'] );
		$total       = $read['total'];
		$total_pages = (int) ceil( $total / $paging['per_page'] );
		if ( $paging['page'] > max( 1, $total_pages ) ) {
			return Schema::error( 'wpca_invalid_page', 'page', __( 'Invalid page: the page number requested is larger than the number of pages available.', 'wp-coding-agents-runtimes' ) );
		}
		$response = new WP_REST_Response( array_map( array( self::class, 'row_data' ), $read['rows'] ) );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) $total_pages );
		return $response;
	}

	/**
	 * GET /attribution/summary.
	 *
	 * @return WP_REST_Response
	 */
	public function get_summary() {
		$signatures = $this->signatures();
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
	 * The signatures DMC reads now, cleaned as DMC cleans them.
	 *
	 * @return array<string, array<string, string>>
	 */
	private function signatures() {
		return $this->resolver->clean( $this->publisher->effective()['signatures'] );
	}

	/**
	 * A row ready for JSON: maps as objects, also when empty.
	 *
	 * @param array $row Row from DMC_Worktree_Records::read().
	 * @return array
	 */
	private static function row_data( array $row ) {
		$row = DMC_Worktree_Records::public_row( $row );
		$ids = array();
		foreach ( $row['origin_session']['ids'] as $runtime_id => $values ) {
			$ids[ $runtime_id ] = (object) $values;
		}
		$row['origin_session']['ids'] = (object) $ids;
		return $row;
	}
}
