<?php
/**
 * REST route about Data Machine Code itself: is it there (docs/rest-api.md, "Data Machine Code").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /dmc`: whether Data Machine Code is there to consume the signatures; schema `wpca-dmc`.
 */
class DMC_Controller extends Controller {

	/**
	 * DMC detection.
	 *
	 * @var DMC_Detector
	 */
	private DMC_Detector $detector;

	/**
	 * Constructor.
	 *
	 * @param DMC_Detector $detector DMC detection.
	 */
	public function __construct( DMC_Detector $detector ) {
		parent::__construct();
		$this->rest_base = 'dmc';
		$this->detector  = $detector;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /dmc.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		return new WP_REST_Response( $this->detector->status() );
	}

	/**
	 * JSON schema of GET /dmc.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$consumes     = array(
			'type'     => array( 'boolean', 'null' ),
			'readonly' => true,
		);
		$this->schema = self::response_schema(
			'wpca-dmc',
			array(
				'state'          => self::read_only( __( 'absent (not installed), inactive, too_old (before 0.45: it reads no signatures) or active.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => DMC_Detector::STATES ) ),
				'installed'      => self::read_only( __( 'Whether the plugin file data-machine-code/data-machine-code.php exists (or DMC is loaded from elsewhere).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'active'         => self::read_only( __( 'Whether DMC is active on this site (network-activated included) or loaded in this request.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'network_active' => self::read_only( __( 'Whether DMC is network-activated.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'loaded'         => self::read_only( __( 'Whether DMC is loaded in this request (its DATAMACHINE_CODE_VERSION constant is defined).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'plugin_file'    => self::read_only( __( 'The plugin file looked for, relative to the plugins folder.', 'wp-coding-agents-runtimes' ), 'string' ),
				'version'        => self::read_only( __( 'Version from DMC\'s plugin header, or null when not installed or unreadable.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
				'consumes'       => self::read_only( __( 'Whether this DMC version reads the filter for the worktree origin session (0.45+) and for the lock owner context (after 0.47.7); null when the version is unknown.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'origin_session' => $consumes,
						'lock_owner'     => $consumes,
					),
				),
				'filter'         => self::read_only( __( 'Who applied the filter in this request. DMC applies it only in the process that creates a worktree or takes a lock, usually WP-CLI, so a REST request rarely sees it.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'applied_in_request'    => array( 'type' => 'integer' ),
						'applied_by_other_code' => array( 'type' => 'boolean' ),
						'first_other_caller'    => array(
							'type'       => array( 'object', 'null' ),
							'properties' => array(
								'file' => array( 'type' => 'string' ),
								'line' => array( 'type' => 'integer' ),
							),
						),
					),
				),
				'plugins_url'    => self::read_only( __( 'The Plugins screen, for users who may activate plugins; null otherwise.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ), array( 'format' => 'uri' ) ),
				'release'        => self::read_only( __( 'DMC\'s last known release, its date, and the release since which the filter contract this plugin follows is unchanged.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'last_known'            => array( 'type' => 'string' ),
						'last_known_date'       => array(
							'type'   => 'string',
							'format' => 'date',
						),
						'contract_stable_since' => array( 'type' => 'string' ),
					),
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
