<?php
/**
 * REST route adopting an entry other code adds to DMC's filter (docs/rest-api.md, "Adopting").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Signature_Adopter;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /foreign-signatures/<id>/adopt`; schema `wpca-adoption`.
 */
class Adoption_Controller extends Controller {

	/**
	 * Adopter.
	 *
	 * @var Signature_Adopter
	 */
	private Signature_Adopter $adopter;

	/**
	 * Filter publisher (for the collision flag of an adopted item).
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * The runtimes' controller (the adopted item's schema).
	 *
	 * @var Runtimes_Controller
	 */
	private Runtimes_Controller $runtimes;

	/**
	 * Constructor.
	 *
	 * @param Signature_Adopter   $adopter   Adopter.
	 * @param Filter_Publisher    $publisher Publisher.
	 * @param Runtimes_Controller $runtimes  The runtimes' controller.
	 */
	public function __construct( Signature_Adopter $adopter, Filter_Publisher $publisher, Runtimes_Controller $runtimes ) {
		parent::__construct();
		$this->rest_base = 'foreign-signatures';
		$this->adopter   = $adopter;
		$this->publisher = $publisher;
		$this->runtimes  = $runtimes;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)/adopt',
			// Takes no body ({} accepted), and says so rather than ignore one.
			$this->endpoint( WP_REST_Server::CREATABLE, 'adopt', self::id_arg(), true )
		);
	}

	/**
	 * POST /foreign-signatures/<id>/adopt: 201 when stored now, 200 when it already was.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function adopt( WP_REST_Request $request ) {
		$checked = $this->preconditions( $request, array( 'id' => true ) );
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
		return Screen_Controller::link( $response );
	}

	/**
	 * JSON schema of POST /foreign-signatures/<id>/adopt.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( ! $this->schema ) {
			$this->schema = self::response_schema(
				'wpca-adoption',
				array(
					'adopted'     => self::read_only( __( 'Whether this request stored the entry (false: it was already stored with the same mapping).', 'wp-coding-agents-runtimes' ), 'boolean' ),
					'item'        => $this->runtimes->get_public_item_schema(),
					'declared_by' => Foreign_Signatures_Controller::foreign_signature_schema()['properties']['declared_by'],
				)
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
