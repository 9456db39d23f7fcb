<?php
/**
 * REST route of the observation window (docs/rest-api.md, "Observations").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET|PUT /attribution/observation-settings`: the observation window; schema
 * `wpca-observation-settings`.
 */
class Observation_Settings_Controller extends Controller {

	/**
	 * Observation history (it keeps the window).
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
		$this->rest_base = 'attribution/observation-settings';
		$this->log       = $log;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$window_days = self::window_days_schema();
		unset( $window_days['default'] );
		$window_days['required'] = true;
		$this->register_route(
			'/' . $this->rest_base,
			$this->endpoint( WP_REST_Server::READABLE, 'get_item' ),
			$this->endpoint( 'PUT', 'update_item', array( 'window_days' => $window_days ), true )
		);
	}

	/**
	 * The error of `window_days`, missing or invalid.
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What is wrong.
	 * @return WP_Error|null
	 */
	protected function invalid_param( string $param, ?WP_Error $detail ): ?WP_Error {
		if ( 'window_days' !== $param ) {
			return null;
		}
		return Signature_Rules::error(
			'wpca_invalid_window_days',
			'window_days',
			sprintf(
				/* translators: 1: minimum, 2: maximum. */
				__( 'Invalid window_days: must be a whole number of days from %1$d to %2$d.', 'wp-coding-agents-runtimes' ),
				Schema::WINDOW_DAYS_MIN,
				Schema::WINDOW_DAYS_MAX
			)
		);
	}

	/**
	 * GET /attribution/observation-settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		return new WP_REST_Response( array( 'window_days' => $this->log->window_days() ) );
	}

	/**
	 * PUT /attribution/observation-settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function update_item( $request ): WP_REST_Response {
		$this->log->set_window_days( Request_Input::sent_params( $request )['window_days'] );
		return Screen_Controller::link( $this->get_item( $request ) );
	}

	/**
	 * JSON schema of the observation window setting.
	 *
	 * @return array
	 */
	public static function window_days_schema(): array {
		return array(
			'description' => __( 'Days within which at least one variable of each published runtime must have been observed in an agent process; otherwise the runtime is flagged.', 'wp-coding-agents-runtimes' ),
			'type'        => 'integer',
			'minimum'     => Schema::WINDOW_DAYS_MIN,
			'maximum'     => Schema::WINDOW_DAYS_MAX,
			'default'     => Schema::WINDOW_DAYS_DEFAULT,
		);
	}

	/**
	 * JSON schema of GET and PUT /attribution/observation-settings.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( ! $this->schema ) {
			$this->schema = self::response_schema( 'wpca-observation-settings', array( 'window_days' => self::window_days_schema() ) );
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
