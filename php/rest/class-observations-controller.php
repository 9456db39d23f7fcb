<?php
/**
 * REST route of the observation history (docs/rest-api.md, "Observations").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Evidence\Observation_Summary;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/observations`: the history and its per-variable summary; schema
 * `wpca-observations`. Observations are recorded by POST /attribution/preview with
 * `record: true` (Preview_Controller); the window is Observation_Settings_Controller's.
 */
class Observations_Controller extends Controller {

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * Constructor.
	 *
	 * @param Filter_Publisher $publisher Publisher.
	 * @param Verification_Log $log       Observation history.
	 */
	public function __construct( Filter_Publisher $publisher, Verification_Log $log ) {
		parent::__construct();
		$this->rest_base = 'attribution/observations';
		$this->publisher = $publisher;
		$this->log       = $log;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_items' ) );
	}

	/**
	 * GET /attribution/observations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ): WP_REST_Response {
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
	public static function summary( Filter_Publisher $publisher, Verification_Log $log, ?array $observations = null ): array {
		return ( new Observation_Summary() )->summarize(
			( new Attribution_Resolver() )->clean( $publisher->effective()['signatures'] ),
			null === $observations ? $log->observations() : $observations,
			$log->window_days(),
			time()
		);
	}

	/**
	 * JSON schema of one observation: what one `bin/runtime-signature verify` run saw in an
	 * agent process. Names and keyed hashes only, never a value. Also the last verification's.
	 *
	 * @return array
	 */
	public static function observation_schema(): array {
		$nullable = array( 'string', 'null' );
		return array(
			'type'       => 'object',
			'readonly'   => true,
			'properties' => array(
				'observed_at'      => self::read_only_time( __( 'When the observation was recorded, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ), false ),
				'recorded_by'      => self::read_only( __( 'Login of the user whose credentials recorded it.', 'wp-coding-agents-runtimes' ), $nullable ),
				'source'           => self::read_only( __( 'installer (Application Password, e.g. bin/runtime-signature verify in an agent process) or admin (cookie auth).', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => Schema::VERIFICATION_SOURCES ) ),
				'host'             => self::read_only( __( 'Host name the agent process reported, or null.', 'wp-coding-agents-runtimes' ), $nullable ),
				'runtime'          => self::read_only( __( 'The runtime the process said it is (verify --runtime), or null.', 'wp-coding-agents-runtimes' ), $nullable ),
				'declared'         => self::variable_names( __( 'Environment variables named by the effective signatures at the time.', 'wp-coding-agents-runtimes' ) ),
				'found'            => self::variable_names( __( 'Declared variables the agent process had (names only).', 'wp-coding-agents-runtimes' ) ),
				'missing'          => self::variable_names( __( 'Declared variables absent or blank in the agent process (names only).', 'wp-coding-agents-runtimes' ) ),
				'hashes'           => self::read_only(
					__( 'Per found variable, a short keyed hash of its trimmed value (HMAC-SHA256 with a site secret, first 12 hex digits): equal hashes mean the same value, e.g. the same session, without storing it.', 'wp-coding-agents-runtimes' ),
					'object',
					array( 'additionalProperties' => array( 'type' => 'string' ) )
				),
				'primary_runtime'  => self::read_only( __( 'The runtime whose value would become DMC\'s primary_id, or null when DMC would record none.', 'wp-coding-agents-runtimes' ), $nullable ),
				'primary_variable' => self::read_only( __( 'The variable whose value would become the primary_id, or null.', 'wp-coding-agents-runtimes' ), $nullable ),
			),
		);
	}

	/**
	 * JSON schema of GET /attribution/observations.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$nullable     = array( 'type' => array( 'string', 'null' ) );
		$this->schema = self::response_schema(
			'wpca-observations',
			array(
				'observations' => self::read_only(
					__( 'The last observations from agent processes, newest first.', 'wp-coding-agents-runtimes' ),
					'array',
					array(
						'maxItems' => Verification_Log::MAX_OBSERVATIONS,
						'items'    => self::observation_schema(),
					)
				),
				'window_days'  => Observation_Settings_Controller::window_days_schema() + array( 'readonly' => true ),
				'variables'    => self::read_only( __( 'Every variable the effective signatures declare, in filter order, with where and when it was last seen.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'runtime'         => array( 'type' => 'string' ),
							'subkey'          => array( 'type' => 'string' ),
							'name'            => array( 'type' => 'string' ),
							'last_seen_at'    => array( 'format' => 'date-time' ) + $nullable,
							'last_seen_host'  => $nullable,
							'times_seen'      => array( 'type' => 'integer' ),
							'distinct_values' => self::property( __( 'How many different values (by hash) the kept observations saw.', 'wp-coding-agents-runtimes' ), 'integer' ),
						),
					),
				),
				'runtimes'     => self::read_only( __( 'Every runtime DMC reads, in filter order; flagged when observations exist but none within the window saw any of its variables.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'           => array( 'type' => 'string' ),
							'last_seen_at' => array( 'format' => 'date-time' ) + $nullable,
							'flagged'      => array( 'type' => 'boolean' ),
						),
					),
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
