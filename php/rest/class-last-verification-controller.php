<?php
/**
 * REST route of the last verification (docs/rest-api.md, "Observations").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/last-verification`: `{ "verification": report }`, the report being the
 * newest observation, null when none was recorded. The envelope keeps the body a JSON
 * object either way, which WordPress serves as is. Schema `wpca-last-verification`.
 */
class Last_Verification_Controller extends Controller {

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * Constructor.
	 *
	 * @param Verification_Log $log Observation history.
	 */
	public function __construct( Verification_Log $log ) {
		parent::__construct();
		$this->rest_base = 'attribution/last-verification';
		$this->log       = $log;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /attribution/last-verification.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		$report = $this->log->last();
		if ( null !== $report ) {
			$report['hashes'] = (object) $report['hashes'];
		}
		return new WP_REST_Response( array( 'verification' => $report ) );
	}

	/**
	 * JSON schema of GET /attribution/last-verification: the newest observation with
	 * recorded_at for its observed_at, plus the primary value's hash, or null.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$report = Observations_Controller::observation_schema();
		unset( $report['properties']['observed_at'] );
		$report['description'] = __( 'The newest observation from an agent process, or null when none was recorded.', 'wp-coding-agents-runtimes' );
		$report['type']        = array( 'object', 'null' );
		$report['properties']  = array(
			'recorded_at' => self::read_only_time( __( 'When the verification was recorded, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ), false ),
		) + $report['properties'] + array(
			'primary_hash' => self::read_only( __( 'The keyed hash of the value that would become the primary_id, or null. The value itself is never stored.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
		);

		$this->schema = self::response_schema( 'wpca-last-verification', array( 'verification' => $report ) );
		return $this->add_additional_fields_schema( $this->schema );
	}
}
