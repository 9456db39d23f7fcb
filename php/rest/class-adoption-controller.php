<?php
/**
 * REST routes for entries other code adds to DMC's filter (docs/rest-api.md, "Adopting").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Signature_Adopter;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET /foreign-signatures and POST /foreign-signatures/<id>/adopt.
 */
class Adoption_Controller extends WP_REST_Controller {

	/**
	 * Adopter.
	 *
	 * @var Signature_Adopter
	 */
	private $adopter;

	/**
	 * Filter publisher (for the collision flag of an adopted item).
	 *
	 * @var Filter_Publisher
	 */
	private $publisher;

	/**
	 * Constructor.
	 *
	 * @param Signature_Adopter $adopter   Adopter.
	 * @param Filter_Publisher  $publisher Publisher.
	 */
	public function __construct( Signature_Adopter $adopter, Filter_Publisher $publisher ) {
		$this->namespace = REST_Controller::API_NAMESPACE;
		$this->rest_base = 'foreign-signatures';
		$this->adopter   = $adopter;
		$this->publisher = $publisher;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes() {
		$permission = array( REST_Controller::class, 'check_permission' );
		register_rest_route(
			$this->namespace,
			'/foreign-signatures',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => $permission,
				),
				'schema' => array( Schema::class, 'get_foreign_signatures_schema' ),
			)
		);
		// Any segment matches, so a malformed id gets our 400 rather than a 404 "no route".
		register_rest_route(
			$this->namespace,
			'/foreign-signatures/(?P<id>[^/]+)/adopt',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'adopt' ),
					'permission_callback' => $permission,
					'args'                => Schema::id_args(),
				),
				'schema' => array( Schema::class, 'get_adoption_schema' ),
			)
		);
	}

	/**
	 * GET /foreign-signatures.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$entries = array_map(
			static function ( array $entry ) {
				$entry['fields'] = (object) $entry['fields'];
				return $entry;
			},
			$this->adopter->candidates()
		);
		return new WP_REST_Response( array( 'entries' => $entries ) );
	}

	/**
	 * POST /foreign-signatures/<id>/adopt: 201 when stored now, 200 when it already was.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function adopt( $request ) {
		$checked = REST_Controller::preconditions(
			$request,
			array(
				'id'   => true,
				'body' => array( Schema::class, 'validate_no_body' ),
			)
		);
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$id     = $checked['id'];
		$result = $this->adopter->adopt( $id );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$collided                    = array_map( 'strval', wp_list_pluck( $this->publisher->effective()['collisions'], 'id' ) );
		$result['item']['collision'] = $result['item']['enabled'] && in_array( $id, $collided, true );
		$result['item']['fields']    = (object) $result['item']['fields'];
		$response                    = new WP_REST_Response( $result );
		if ( $result['adopted'] ) {
			$response->set_status( 201 );
		}
		return $response;
	}
}
