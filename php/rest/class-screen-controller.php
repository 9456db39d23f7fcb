<?php
/**
 * REST route for the Agent Runtimes screen's whole state (docs/rest-api.md, "The screen").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET /screen: everything the screen's views show that a change made on the screen can
 * alter, each part exactly what its own route answers (dispatched internally, so no rule
 * is repeated here), in one response. The writes link to it as an embeddable resource
 * (`wpca:screen`), so a write sent with `?_embed=wpca:screen` answers with the screen as
 * the write left it: one HTTP request per change, as core's `_embed` does for a post and
 * its terms. Each runtime's verdict (GET /attribution/status) is a part: a change can
 * alter it. (DMC's recorded worktrees and their summary are a view of their own, read
 * when it is shown: GET /attribution/summary and /attribution/worktrees.)
 */
class Screen_Controller extends Controller {

	/** The link relation of the screen, compacted with the `wpca` CURIE. */
	public const REL = 'wpca:screen';

	/** Part of the response => the route (below the namespace) that answers it. */
	public const PARTS = array(
		'runtimes'           => '/runtimes',
		'signatures'         => '/signatures',
		'last_verification'  => '/attribution/last-verification',
		'observations'       => '/attribution/observations',
		'foreign_signatures' => '/foreign-signatures',
		'dmc'                => '/dmc',
		'catalogue'          => '/catalogue',
		'attribution'        => '/attribution/status',
	);

	/**
	 * Constructor.
	 */
	public function __construct() {
		parent::__construct();
		$this->rest_base = 'screen';
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /screen.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error The first part's error, if a part fails.
	 */
	public function get_item( $request ) {
		$server = rest_get_server();
		$data   = array();
		foreach ( self::PARTS as $key => $route ) {
			$response = rest_do_request( new WP_REST_Request( 'GET', '/' . $this->namespace . $route ) );
			if ( $response->is_error() ) {
				return $response->as_error();
			}
			$data[ $key ] = $server->response_to_data( $response, false );
			if ( 'runtimes' === $key ) {
				$headers            = $response->get_headers();
				$data['order_etag'] = trim( isset( $headers['ETag'] ) ? $headers['ETag'] : '', '"' );
			}
		}
		return new WP_REST_Response( $data );
	}

	/**
	 * Links a write's response to the screen, embeddable: `?_embed=wpca:screen` then answers
	 * the write with the screen as it left it.
	 *
	 * @param WP_REST_Response $response A write's response.
	 * @return WP_REST_Response The same response.
	 */
	public static function link( WP_REST_Response $response ): WP_REST_Response {
		if ( ! has_filter( 'rest_response_link_curies', array( self::class, 'add_curie' ) ) ) {
			add_filter( 'rest_response_link_curies', array( self::class, 'add_curie' ) );
		}
		$response->add_link( self::expanded_rel(), rest_url( Plugin::REST_NAMESPACE . '/screen' ), array( 'embeddable' => true ) );
		return $response;
	}

	/**
	 * `rest_response_link_curies`: `wpca:<name>` stands for this namespace's `<name>` route.
	 *
	 * @param array $curies CURIEs.
	 * @return array
	 */
	public static function add_curie( $curies ) {
		$curies[] = array(
			'name'      => 'wpca',
			'href'      => rest_url( Plugin::REST_NAMESPACE . '/{rel}' ),
			'templated' => true,
		);
		return $curies;
	}

	/**
	 * The relation in full, as the CURIE expands it.
	 *
	 * @return string
	 */
	private static function expanded_rel(): string {
		return rest_url( Plugin::REST_NAMESPACE . '/screen' );
	}

	/**
	 * The schema: each part's schema is the one its route publishes.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$server     = rest_get_server();
		$schema     = static function ( $route ) use ( $server ) {
			$options = $server->get_route_options( '/' . Plugin::REST_NAMESPACE . $route );
			$found   = isset( $options['schema'] ) ? call_user_func( $options['schema'] ) : array();
			unset( $found['$schema'] );
			return $found;
		};
		$properties = array();
		foreach ( self::PARTS as $key => $route ) {
			$properties[ $key ] = $schema( $route );
		}
		$properties['runtimes']   = array(
			'description' => __( 'Every runtime, registered ones first, in precedence order (GET /runtimes).', 'wp-coding-agents-runtimes' ),
			'type'        => 'array',
			'items'       => $properties['runtimes'],
		);
		$properties['order_etag'] = array(
			'description' => __( 'The ETag of the order (the ETag header of GET /runtimes): send it in If-Match with PUT /order.', 'wp-coding-agents-runtimes' ),
			'type'        => 'string',
		);
		$this->schema             = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'wpca-screen',
			'type'       => 'object',
			'properties' => $properties,
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
