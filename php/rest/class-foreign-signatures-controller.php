<?php
/**
 * REST route of the entries other code adds to DMC's filter (docs/rest-api.md, "Adopting").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Signature_Adopter;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /foreign-signatures`: who else declares which entry, and whether it can be adopted
 * (Adoption_Controller); schema `wpca-foreign-signatures`.
 */
class Foreign_Signatures_Controller extends Controller {

	/**
	 * Adopter (it finds the candidates).
	 *
	 * @var Signature_Adopter
	 */
	private Signature_Adopter $adopter;

	/**
	 * Constructor.
	 *
	 * @param Signature_Adopter $adopter Adopter.
	 */
	public function __construct( Signature_Adopter $adopter ) {
		parent::__construct();
		$this->rest_base = 'foreign-signatures';
		$this->adopter   = $adopter;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_items' ) );
	}

	/**
	 * GET /foreign-signatures.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ): WP_REST_Response {
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
	 * JSON schema of one entry other code adds to the filter; its `declared_by` is also the
	 * adoption's.
	 *
	 * @return array
	 */
	public static function foreign_signature_schema(): array {
		$nullable = array( 'string', 'null' );
		return array(
			'type'       => 'object',
			'readonly'   => true,
			'properties' => array(
				'id'          => array( 'type' => 'string' ),
				'fields'      => self::property( __( 'The mapping as the other code declares it (what DMC reads); a value that is not a variable name is described in parentheses, e.g. (array of 2).', 'wp-coding-agents-runtimes' ), 'object', array( 'additionalProperties' => array( 'type' => 'string' ) ) ),
				'declared_by' => self::property(
					__( 'The callbacks that add or change the entry, in the order WordPress runs them, with the file and line defining each (relative to the WordPress root).', 'wp-coding-agents-runtimes' ),
					'array',
					array( 'items' => self::declarer_schema() )
				),
				'status'      => self::property(
					__( 'adoptable; stored (the registry holds the same mapping, e.g. after adopting: remove the declaring file); conflict (the registry holds this id with another mapping, or disabled); invalid (not a valid signature for this registry).', 'wp-coding-agents-runtimes' ),
					'string',
					array( 'enum' => array( 'adoptable', 'stored', 'conflict', 'invalid' ) )
				),
				'problem'     => self::property( __( 'Why an invalid entry cannot be adopted.', 'wp-coding-agents-runtimes' ), $nullable ),
			),
		);
	}

	/**
	 * JSON schema of a callback on DMC's filter and where it is defined (also a finding's, GET /signatures).
	 *
	 * @return array
	 */
	public static function declarer_schema(): array {
		return array(
			'type'       => 'object',
			'properties' => array(
				'file'     => array( 'type' => array( 'string', 'null' ) ),
				'line'     => array( 'type' => array( 'integer', 'null' ) ),
				'priority' => array( 'type' => 'integer' ),
				'callback' => array( 'type' => 'string' ),
			),
		);
	}

	/**
	 * JSON schema of GET /foreign-signatures.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( ! $this->schema ) {
			$this->schema = self::response_schema(
				'wpca-foreign-signatures',
				array(
					'entries' => self::read_only(
						__( 'Entries DMC sees that code other than this plugin declares, in filter order.', 'wp-coding-agents-runtimes' ),
						'array',
						array( 'items' => self::foreign_signature_schema() )
					),
				)
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
