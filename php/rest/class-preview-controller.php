<?php
/**
 * REST route of the attribution preview (docs/rest-api.md, "Routes" and "Observations").
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Inventory_Limit;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Secret_Names;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /attribution/preview`: what DMC would record for an agent process with the given
 * environment; with `record: true` also an observation (Verification_Log). Schema
 * `wpca-attribution-preview`.
 */
class Preview_Controller extends Controller {

	/** What the preview answers instead of the value of a variable that looks like a credential. */
	public const WITHHELD = '[withheld: looks like a credential]';

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Attribution resolver.
	 *
	 * @var Attribution_Resolver
	 */
	private Attribution_Resolver $resolver;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * Constructor.
	 *
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Attribution_Resolver $resolver  Resolver.
	 * @param Verification_Log     $log       Observation history.
	 */
	public function __construct( Filter_Publisher $publisher, Attribution_Resolver $resolver, Verification_Log $log ) {
		parent::__construct();
		$this->rest_base = 'attribution/preview';
		$this->publisher = $publisher;
		$this->resolver  = $resolver;
		$this->log       = $log;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route(
			'/' . $this->rest_base,
			$this->endpoint( WP_REST_Server::CREATABLE, 'preview', $this->get_preview_args(), true )
		);
	}

	/**
	 * Args of POST /attribution/preview (the abilities' input schemas take theirs from here).
	 *
	 * @return array
	 */
	public function get_preview_args(): array {
		return array(
			'env'     => array( 'description' => __( 'Environment of a simulated agent process: variable name => value.', 'wp-coding-agents-runtimes' ) ) + self::env_schema(),
			'record'  => array(
				'description' => __( 'Also record the result as an observation (variable names and keyed hashes of the values, never a value).', 'wp-coding-agents-runtimes' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'host'    => array(
				'description' => __( 'With record: the host name of the agent process, kept with the observation.', 'wp-coding-agents-runtimes' ),
				'type'        => 'string',
				'maxLength'   => Schema::HOST_MAX_LENGTH,
				'pattern'     => Schema::HOST_PATTERN,
			),
			'runtime' => array( 'description' => __( 'With record: the runtime the agent process says it is (verify --runtime).', 'wp-coding-agents-runtimes' ) ) + Runtimes_Controller::id_schema(),
		);
	}

	/**
	 * JSON schema of the simulated environment.
	 *
	 * @return array
	 */
	private static function env_schema(): array {
		return array(
			'type'                 => 'object',
			'maxProperties'        => Schema::ENV_MAX_VARIABLES,
			'patternProperties'    => array(
				Schema::ENV_NAME_PATTERN => array(
					'type'      => 'string',
					'maxLength' => Schema::ENV_VALUE_MAX_LENGTH,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * The errors of this controller's params.
	 *
	 * @param string        $param  Param name.
	 * @param WP_Error|null $detail What is wrong.
	 * @return WP_Error|null
	 */
	protected function invalid_param( string $param, ?WP_Error $detail ): ?WP_Error {
		switch ( $param ) {
			case 'env':
				return Signature_Rules::error(
					'wpca_invalid_env',
					'env',
					sprintf(
						/* translators: 1: maximum number of variables, 2: maximum value length. */
						__( 'Invalid env: must be an object of at most %1$d environment variable names mapped to strings of at most %2$d characters.', 'wp-coding-agents-runtimes' ),
						Schema::ENV_MAX_VARIABLES,
						Schema::ENV_VALUE_MAX_LENGTH
					)
				);
			case 'record':
				return Signature_Rules::error( 'wpca_invalid_record', 'record', __( 'Invalid record: must be true or false.', 'wp-coding-agents-runtimes' ) );
			case 'host':
				return Signature_Rules::error(
					'wpca_invalid_host',
					'host',
					sprintf(
						/* translators: %d: maximum length. */
						__( 'Invalid host: must be a host name of at most %d letters, digits, dots, dashes and underscores.', 'wp-coding-agents-runtimes' ),
						Schema::HOST_MAX_LENGTH
					)
				);
			case 'runtime':
				return Signature_Rules::error( 'wpca_invalid_runtime', 'runtime', __( 'Invalid runtime: must be a runtime id (lowercase letters, digits and single dashes, starting with a letter).', 'wp-coding-agents-runtimes' ) );
		}
		return null;
	}

	/**
	 * POST /attribution/preview.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function preview( WP_REST_Request $request ) {
		$sent       = Request_Input::sent_params( $request ) + array(
			'env'     => array(),
			'record'  => false,
			'host'    => null,
			'runtime' => null,
		);
		$env        = rest_sanitize_object( $sent['env'] );
		$signatures = $this->publisher->effective()['signatures'];
		$preview    = $this->resolver->preview( $signatures, $env );
		if ( $sent['record'] ) {
			$primary  = $preview['primary_source'];
			$recorded = $this->log->record( $preview, $env, $primary['runtime'] ?? null, $primary['variable'] ?? null, $sent );
			if ( is_wp_error( $recorded ) ) {
				return $recorded;
			}
		}
		$preview['lock_budget'] = ( new Lock_Metadata_Budget() )->measure( $preview['lock_owner']['runtime_ids'] );
		$preview['inventory']   = ( new Inventory_Limit() )->measure( null === $preview['origin_session'] ? null : $preview['origin_session']['primary_id'] );
		$preview                = self::withhold_credentials( $preview, $this->resolver->clean( $signatures ) );
		if ( null !== $preview['origin_session'] ) {
			$preview['origin_session']['ids'] = self::as_object_map( $preview['origin_session']['ids'] );
		}
		$preview['lock_owner']['runtime_ids'] = self::as_object_map( $preview['lock_owner']['runtime_ids'] );
		$preview['recorded']                  = $sent['record'];
		return new WP_REST_Response( $preview );
	}

	/**
	 * The preview without the value of any variable that looks like a credential
	 * (Secret_Names): such a value (an Application Password, a token) is never answered,
	 * neither as the primary id nor among the captured ids; WITHHELD stands in its place
	 * and `withheld` names the variables. Measured before (lock budget, inventory length).
	 *
	 * @param array $preview    The resolver's preview, measured.
	 * @param array $signatures The cleaned signatures it was computed with.
	 * @return array
	 */
	private static function withhold_credentials( array $preview, array $signatures ): array {
		$withheld = array();
		foreach ( $preview['found'] as $name ) {
			if ( Secret_Names::is_secret_like( $name ) ) {
				$withheld[] = $name;
			}
		}
		$preview['withheld'] = $withheld;
		if ( array() === $withheld || null === $preview['origin_session'] ) {
			return $preview;
		}
		foreach ( array( array( 'origin_session', 'ids' ), array( 'lock_owner', 'runtime_ids' ) ) as list( $part, $key ) ) {
			foreach ( $preview[ $part ][ $key ] as $runtime => $values ) {
				foreach ( array_keys( $values ) as $subkey ) {
					if ( Secret_Names::is_secret_like( $signatures[ $runtime ][ $subkey ] ?? null ) ) {
						$preview[ $part ][ $key ][ $runtime ][ $subkey ] = self::WITHHELD;
					}
				}
			}
		}
		if ( Secret_Names::is_secret_like( $preview['primary_source']['variable'] ) ) {
			$preview['origin_session']['primary_id'] = self::WITHHELD;
		}
		return $preview;
	}

	/**
	 * JSON schema of a lock metadata budget (Lock_Metadata_Budget::measure()); also in
	 * the signatures' schema.
	 *
	 * @param string $description What is measured.
	 * @return array
	 */
	public static function lock_budget_schema( string $description ): array {
		return self::read_only( $description, 'object' ) + array(
			'properties' => array(
				'runtime_ids_bytes' => self::read_only( __( 'Bytes of runtime_ids as DMC JSON-encodes it.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'reserved_bytes'    => self::read_only( __( 'Bytes of the lock metadata without runtime_ids: DMC\'s own keys at their largest (host 253, pid 7, four DATAMACHINE_* values of 300, wp_cli_args 1,000, workspace and lock paths of 255 each, request id 24; plain characters).', 'wp-coding-agents-runtimes' ), 'integer' ),
				'total_bytes'       => self::read_only( __( 'Bytes of the whole lock metadata JSON.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'budget'            => self::read_only( __( 'DMC cuts the JSON at this many bytes; a cut JSON reads back as no metadata at all.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'fits'              => self::read_only( __( 'Whether total_bytes is within the budget.', 'wp-coding-agents-runtimes' ), 'boolean' ),
			),
		);
	}

	/**
	 * Properties of an origin session (`primary_id`, `ids`: runtime => subkey => value);
	 * also in the worktrees' schema.
	 *
	 * @param string|array $value_type JSON type(s) of one captured value.
	 * @return array
	 */
	public static function origin_session_properties( $value_type ): array {
		return array(
			'primary_id' => array( 'type' => array( 'string', 'null' ) ),
			'ids'        => self::runtime_values_schema( $value_type ),
		);
	}

	/**
	 * Schema of a map runtime => subkey => value (DMC's `ids` and `runtime_ids`).
	 *
	 * @param string|array $value_type JSON type(s) of one value.
	 * @return array
	 */
	private static function runtime_values_schema( $value_type ): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => array(
				'type'                 => 'object',
				'additionalProperties' => array( 'type' => $value_type ),
			),
		);
	}

	/**
	 * JSON schema of POST /attribution/preview.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = self::response_schema(
			'wpca-attribution-preview',
			array(
				'origin_session' => self::read_only( __( 'The worktree origin session Data Machine Code would record, or null when nothing is captured.', 'wp-coding-agents-runtimes' ), array( 'object', 'null' ) ) + array(
					'properties' => self::origin_session_properties( 'string' ),
				),
				'primary_source' => self::read_only( __( 'Where primary_id comes from: its runtime, subkey and variable; null when nothing is captured.', 'wp-coding-agents-runtimes' ), array( 'object', 'null' ) ) + array(
					'properties' => array(
						'runtime'  => array( 'type' => 'string' ),
						'subkey'   => array( 'type' => 'string' ),
						'variable' => array( 'type' => 'string' ),
					),
				),
				'lock_owner'     => self::read_only( __( 'The workspace lock owner context Data Machine Code would record.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array( 'runtime_ids' => self::runtime_values_schema( 'string' ) ),
				),
				'declared'       => self::variable_names( __( 'Environment variables named by the effective signatures.', 'wp-coding-agents-runtimes' ) ),
				'found'          => self::variable_names( __( 'Declared variables present (non-blank) in the given environment.', 'wp-coding-agents-runtimes' ) ),
				'missing'        => self::variable_names( __( 'Declared variables absent or blank in the given environment.', 'wp-coding-agents-runtimes' ) ),
				'dropped'        => self::read_only( __( 'Every set value DMC would not record as given: where (origin_session or lock_owner) and why (not_a_url: a URL subkey\'s value not starting with http:// or https://, left out of the origin session; cut: a value longer than 300 bytes, cut to kept_bytes in the lock owner).', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'runtime'    => array( 'type' => 'string' ),
							'subkey'     => array( 'type' => 'string' ),
							'variable'   => array( 'type' => 'string' ),
							'consumer'   => array(
								'type' => 'string',
								'enum' => array( 'origin_session', 'lock_owner' ),
							),
							'reason'     => array(
								'type' => 'string',
								'enum' => array( 'not_a_url', 'cut' ),
							),
							'kept_bytes' => array( 'type' => 'integer' ),
						),
					),
				),
				'withheld'       => self::variable_names( __( 'Found variables that look like credentials: their values are never answered; "[withheld: looks like a credential]" stands in their place.', 'wp-coding-agents-runtimes' ) ),
				'lock_budget'    => self::lock_budget_schema( __( 'DMC\'s lock metadata budget for the lock owner\'s runtime_ids of this environment, with DMC\'s own keys at their largest.', 'wp-coding-agents-runtimes' ) ),
				'inventory'      => self::read_only( __( 'The primary id against DMC\'s inventory column (DMC 0.56+: origin_session, a varchar(191)); wpdb refuses a longer value, so DMC writes no inventory row for the worktree.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'length'     => self::read_only( __( 'Characters of the primary id, or null when there is none.', 'wp-coding-agents-runtimes' ), array( 'integer', 'null' ) ),
						'max_length' => self::read_only( __( 'Characters the column holds.', 'wp-coding-agents-runtimes' ), 'integer' ),
						'fits'       => self::read_only( __( 'Whether the primary id fits (true when there is none).', 'wp-coding-agents-runtimes' ), 'boolean' ),
					),
				),
				'recorded'       => self::read_only( __( 'Whether this result was recorded as an observation (the request sent "record": true).', 'wp-coding-agents-runtimes' ), 'boolean' ),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
