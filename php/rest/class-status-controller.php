<?php
/**
 * REST route: is attribution working, per runtime.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\Admin\Admin_Page;
use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\Evidence\Attribution_Evidence;
use WP_Coding_Agents\Runtimes\Evidence\Attribution_Status;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /attribution/status` (docs/rest-api.md): for every runtime, this plugin's and the
 * entries other code adds to the filter, one verdict with its reason, the action that
 * fixes it and the evidence chain (Attribution_Status). Read-only, behind the plugin's
 * capability; the `attribution-status` ability runs it.
 */
class Status_Controller extends Controller {

	/**
	 * The evidence.
	 *
	 * @var Attribution_Evidence
	 */
	private Attribution_Evidence $evidence;

	/**
	 * Constructor.
	 *
	 * @param Attribution_Evidence $evidence The evidence.
	 */
	public function __construct( Attribution_Evidence $evidence ) {
		parent::__construct();
		$this->rest_base = 'attribution/status';
		$this->evidence  = $evidence;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes() {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /attribution/status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return new WP_REST_Response( self::answer( $this->evidence->gather( time() ) ) );
	}

	/**
	 * The answer for some evidence: the verdicts, and what they were judged against.
	 *
	 * @param array $evidence Attribution_Evidence::gather().
	 * @return array See get_item_schema().
	 */
	public static function answer( array $evidence ): array {
		$runtimes = ( new Attribution_Status() )->evaluate( $evidence );
		foreach ( $runtimes as $index => $runtime ) {
			$runtimes[ $index ]['url'] = Admin_Page::url( 'runtimes', $runtime['id'] );
		}
		return array(
			'generated_at' => gmdate( 'c', $evidence['now'] ),
			'window_days'  => $evidence['window_days'],
			'dmc'          => array(
				'state'   => $evidence['dmc']['state'],
				'version' => $evidence['dmc']['version'],
			),
			'runtimes'     => $runtimes,
		);
	}

	/**
	 * JSON schema of GET /attribution/status.
	 *
	 * @return array
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$string       = array( 'type' => 'string' );
		$nullable     = array( 'string', 'null' );
		$time         = array(
			'type'   => $nullable,
			'format' => 'date-time',
		);
		$this->schema = self::response_schema(
			'wpca-attribution-status',
			array(
				'generated_at' => self::described( __( 'When the verdicts were judged, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ), array( 'type' => 'string', 'format' => 'date-time' ) ),
				'window_days'  => self::described( __( 'The observation window in days: "working" means DMC recorded the runtime\'s session within it.', 'wp-coding-agents-runtimes' ), array( 'type' => 'integer' ) ),
				'dmc'          => self::described(
					__( 'Data Machine Code as the verdicts saw it (GET /dmc has the rest).', 'wp-coding-agents-runtimes' ),
					array(
						'type'       => 'object',
						'properties' => array(
							'state'   => array(
								'type' => 'string',
								'enum' => DMC_Detector::STATES,
							),
							'version' => array( 'type' => $nullable ),
						),
					)
				),
				'runtimes'     => self::described(
					__( 'One entry per runtime: this plugin\'s in the order of GET /runtimes, then the entries other code adds to the filter.', 'wp-coding-agents-runtimes' ),
					array(
						'type'  => 'array',
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'id'        => $string,
								'label'     => self::described( __( 'Its label, or its id when it has none or belongs to other code.', 'wp-coding-agents-runtimes' ), $string ),
								'owner'     => self::described(
									__( 'plugin: in this plugin\'s registry (or a preset); other_code: an entry other code adds to the filter.', 'wp-coding-agents-runtimes' ),
									array(
										'type' => 'string',
										'enum' => array( 'plugin', 'other_code' ),
									)
								),
								'verdict'   => self::described(
									__( 'The first link of the chain declared → published → seen → recorded that does not hold: not_published, overridden (other code replaces or removes it), waiting (published, no agent process has reported yet), not_observed (agent processes do not export its variables), not_recorded (seen, but DMC recorded nothing within the window); working when DMC recorded its session within the window.', 'wp-coding-agents-runtimes' ),
									array(
										'type' => 'string',
										'enum' => Attribution_Status::VERDICTS,
									)
								),
								'cause'     => self::described(
									__( 'Which way the verdict came about: disabled, preset, invalid, ignored_by_dmc; just_published, no_reports; never, not_in_window, process_lacked; dmc_absent, dmc_inactive, dmc_too_old, unattributed, no_worktree_since; null for working and overridden.', 'wp-coding-agents-runtimes' ),
									array( 'type' => $nullable )
								),
								'severity'  => self::described(
									__( 'good (working), info (nothing is wrong yet: turned off, waiting, no worktree yet) or warning.', 'wp-coding-agents-runtimes' ),
									array(
										'type' => 'string',
										'enum' => Attribution_Status::SEVERITIES,
									)
								),
								'headline'  => self::described( __( 'The verdict in a few words, translated.', 'wp-coding-agents-runtimes' ), $string ),
								'reason'    => self::described( __( 'Why, in one sentence, translated.', 'wp-coding-agents-runtimes' ), $string ),
								'action'    => self::described(
									__( 'The one action that fixes it, or null when there is nothing to do. view: the screen\'s view where it is done (null: elsewhere, e.g. the Plugins screen).', 'wp-coding-agents-runtimes' ),
									array(
										'type'       => array( 'object', 'null' ),
										'properties' => array(
											'kind'  => array(
												'type' => 'string',
												'enum' => Attribution_Status::ACTIONS,
											),
											'label' => $string,
											'view'  => array(
												'type' => $nullable,
												'enum' => array_merge( Admin_Page::VIEWS, array( null ) ),
											),
										),
									)
								),
								'position'  => self::described( __( 'Its position in the filter DMC reads (1 first), or null when DMC does not read it.', 'wp-coding-agents-runtimes' ), array( 'type' => array( 'integer', 'null' ) ) ),
								'variables' => self::described(
									__( 'The variables DMC reads for it and where an agent process last exported each (bin/runtime-signature verify); empty when DMC does not read it.', 'wp-coding-agents-runtimes' ),
									array(
										'type'  => 'array',
										'items' => array(
											'type'       => 'object',
											'properties' => array(
												'subkey' => $string,
												'name'   => $string,
												'last_seen_at' => $time,
												'last_seen_host' => array( 'type' => $nullable ),
											),
										),
									)
								),
								'chain'     => self::described(
									__( 'The evidence, one link per step (declared, published, seen, recorded): done, failed, waiting or skipped (not reached), when its evidence dates from, and what it says.', 'wp-coding-agents-runtimes' ),
									array(
										'type'  => 'array',
										'items' => array(
											'type'       => 'object',
											'properties' => array(
												'step'  => array(
													'type' => 'string',
													'enum' => Attribution_Status::STEPS,
												),
												'state' => array(
													'type' => 'string',
													'enum' => Attribution_Status::STEP_STATES,
												),
												'at'    => $time,
												'text'  => $string,
											),
										),
									)
								),
								'url'       => self::described(
									__( 'The runtime on the Agent Runtimes screen.', 'wp-coding-agents-runtimes' ),
									array(
										'type'   => 'string',
										'format' => 'uri',
									)
								),
							),
						),
					)
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * A read-only property with its description first.
	 *
	 * @param string $description What it holds.
	 * @param array  $schema      Its schema.
	 * @return array
	 */
	private static function described( string $description, array $schema ): array {
		return array( 'description' => $description ) + $schema + array( 'readonly' => true );
	}
}
