<?php
/**
 * REST routes of the observation history (docs/rest-api.md, "Observations").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Evidence\Observation_Summary;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET /attribution/observations (history and per-variable summary) and
 * GET/PUT /attribution/observation-settings (the window). Observations are recorded by
 * POST /attribution/preview with `record: true` (REST_Controller).
 */
class Observations_Controller extends WP_REST_Controller {

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private $publisher;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private $log;

	/**
	 * Constructor.
	 *
	 * @param Filter_Publisher $publisher Publisher.
	 * @param Verification_Log $log       Observation history.
	 */
	public function __construct( Filter_Publisher $publisher, Verification_Log $log ) {
		$this->namespace = REST_Controller::API_NAMESPACE;
		$this->rest_base = 'attribution/observations';
		$this->publisher = $publisher;
		$this->log       = $log;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes() {
		$permission = array( REST_Controller::class, 'check_permission' );
		register_rest_route(
			$this->namespace,
			'/attribution/observations',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => $permission,
				),
				'schema' => array( Schema::class, 'get_observations_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/attribution/observation-settings',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_settings' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'put_settings' ),
					'permission_callback' => $permission,
					'args'                => Schema::observation_settings_args(),
				),
				'schema' => array( Schema::class, 'get_observation_settings_schema' ),
			)
		);
	}

	/**
	 * GET /attribution/observations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$observations = $this->log->observations();
		$summary      = self::summary( $this->publisher, $this->log, $observations );
		foreach ( $observations as $index => $observation ) {
			$observations[ $index ]['hashes'] = (object) $observation['hashes'];
		}
		return new WP_REST_Response( array( 'observations' => $observations ) + $summary );
	}

	/**
	 * The per-variable summary of what DMC reads now; shared with Site Health.
	 *
	 * @param Filter_Publisher $publisher    Publisher.
	 * @param Verification_Log $log          Observation history.
	 * @param array[]|null     $observations The history, newest first (read when null).
	 * @return array See Observation_Summary::summarize().
	 */
	public static function summary( Filter_Publisher $publisher, Verification_Log $log, $observations = null ) {
		return ( new Observation_Summary() )->summarize(
			( new Attribution_Resolver() )->clean( $publisher->effective()['signatures'] ),
			null === $observations ? $log->observations() : $observations,
			$log->window_days(),
			time()
		);
	}

	/**
	 * GET /attribution/observation-settings.
	 *
	 * @return WP_REST_Response
	 */
	public function get_settings() {
		return new WP_REST_Response( array( 'window_days' => $this->log->window_days() ) );
	}

	/**
	 * PUT /attribution/observation-settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function put_settings( $request ) {
		$checked = REST_Controller::preconditions( $request, array( 'body' => array( Schema::class, 'validate_observation_settings_body' ) ) );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$this->log->set_window_days( $checked['body']['window_days'] );
		return $this->get_settings();
	}
}
