<?php
/**
 * The single source of validation for runtime signatures.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Limits, JSON schemas and validators shared by the REST API and the store
 * (see docs/rest-api.md, "Validation").
 */
class Schema {

	/**
	 * Runtime id. No all-digit ids (PHP turns them into integers and DMC drops them)
	 * and no underscores (DMC's legacy-row migration splits at the first one).
	 */
	const ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

	const ID_MAX_LENGTH = 64;

	const SUBKEY_PATTERN = '^[a-z][a-z0-9_]*$';

	const SUBKEY_MAX_LENGTH = 64;

	const MAX_FIELDS = 16;

	/** A character an entity tag may hold inside its quotes (RFC 9110 etagc, ASCII only). */
	const ETAG_CHAR = '[\x21\x23-\x7e]';

	const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

	const ENV_NAME_MAX_LENGTH = 128;

	const LABEL_MAX_LENGTH = 100;

	const MAX_RUNTIMES = 64;

	/** Attribution preview: how many variables one simulated environment may hold. */
	const ENV_MAX_VARIABLES = 1000;

	/** Attribution preview: the longest value of one simulated variable. */
	const ENV_VALUE_MAX_LENGTH = 32768;

	const RUNTIME_PROPERTIES = array( 'fields', 'enabled', 'label' );

	const SOURCES = array( 'installer', 'admin', 'preset', 'external', 'adopted' );

	/** Who recorded a verification: an Application Password (installer) or cookie auth (admin). */
	const VERIFICATION_SOURCES = array( 'installer', 'admin' );

	const PREVIEW_PROPERTIES = array( 'env', 'record', 'host', 'runtime' );

	/** Host name an agent process reports with an observation (what `hostname` prints). */
	const HOST_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9._-]*$';

	const HOST_MAX_LENGTH = 253;

	/** Observation window: days within which a published runtime's variables must be seen. */
	const WINDOW_DAYS_DEFAULT = 14;

	const WINDOW_DAYS_MIN = 1;

	const WINDOW_DAYS_MAX = 365;

	/** Collections (GET /attribution/worktrees): core's default and largest page size. */
	const PER_PAGE_DEFAULT = 10;

	const PER_PAGE_MAX = 100;

	/**
	 * Whether a value is a valid runtime id.
	 *
	 * @param mixed $id Candidate.
	 * @return bool
	 */
	public static function is_valid_id( $id ) {
		return self::matches( $id, self::ID_PATTERN, self::ID_MAX_LENGTH );
	}

	/**
	 * Whether a value is a valid subkey.
	 *
	 * @param mixed $subkey Candidate.
	 * @return bool
	 */
	public static function is_valid_subkey( $subkey ) {
		return self::matches( $subkey, self::SUBKEY_PATTERN, self::SUBKEY_MAX_LENGTH );
	}

	/**
	 * Whether a value is a valid environment variable name.
	 *
	 * @param mixed $name Candidate.
	 * @return bool
	 */
	public static function is_valid_env_name( $name ) {
		return self::matches( $name, self::ENV_NAME_PATTERN, self::ENV_NAME_MAX_LENGTH );
	}

	/**
	 * Strict pattern match. JSON Schema patterns are ECMAScript regexes where `$` ends the
	 * subject; in PCRE it also matches before a final newline, hence the D modifier.
	 *
	 * @param mixed  $value      Candidate.
	 * @param string $pattern    Pattern from this class.
	 * @param int    $max_length Longest allowed length.
	 * @return bool
	 */
	private static function matches( $value, $pattern, $max_length ) {
		return is_string( $value )
			&& strlen( $value ) <= $max_length
			&& 1 === preg_match( '/' . $pattern . '/D', $value );
	}

	/**
	 * JSON schema of a runtime's field map `subkey => ENV_VAR_NAME`.
	 *
	 * @return array
	 */
	public static function fields_schema() {
		return array(
			'description'          => __( 'Map of subkey to the environment variable holding its value, in the order the consumer reads them.', 'wp-coding-agents-runtimes' ),
			'type'                 => 'object',
			'minProperties'        => 1,
			'maxProperties'        => self::MAX_FIELDS,
			'patternProperties'    => array(
				self::SUBKEY_PATTERN => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => self::ENV_NAME_MAX_LENGTH,
					'pattern'   => self::ENV_NAME_PATTERN,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * JSON schema of a runtime id.
	 *
	 * @return array
	 */
	public static function id_schema() {
		return array(
			'description' => __( 'Runtime id: lowercase letters and digits in dash-separated groups, starting with a letter.', 'wp-coding-agents-runtimes' ),
			'type'        => 'string',
			'minLength'   => 1,
			'maxLength'   => self::ID_MAX_LENGTH,
			'pattern'     => self::ID_PATTERN,
		);
	}

	/**
	 * JSON schema of a runtime label.
	 *
	 * @return array
	 */
	public static function label_schema() {
		return array(
			'description' => __( 'Human-readable name; plain text, tags are stripped.', 'wp-coding-agents-runtimes' ),
			'type'        => 'string',
			'maxLength'   => self::LABEL_MAX_LENGTH,
		);
	}

	/**
	 * JSON schema of the `enabled` flag.
	 *
	 * @return array
	 */
	public static function enabled_schema() {
		return array(
			'description' => __( 'Whether the signature is published to Data Machine Code.', 'wp-coding-agents-runtimes' ),
			'type'        => 'boolean',
		);
	}

	/**
	 * JSON schema of a runtime item as the REST API returns it.
	 *
	 * @return array
	 */
	public static function get_item_schema() {
		return self::response_schema(
			'wpca-runtime',
			array(
				'id'         => self::id_schema() + array( 'readonly' => true ),
				'label'      => self::label_schema(),
				'fields'     => self::fields_schema(),
				'enabled'    => self::enabled_schema(),
				'registered' => self::read_only( __( 'Whether the runtime is stored (enabled or disabled).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'preset'     => self::read_only( __( 'Whether the runtime is one of the built-in presets.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'source'     => self::read_only(
					__( 'Who last wrote the runtime: installer (Application Password), admin (admin screen), preset (never registered), external (found in the option without metadata) or adopted (taken over from other code that adds it to the filter, e.g. a legacy mu-plugin).', 'wp-coding-agents-runtimes' ),
					'string',
					array( 'enum' => self::SOURCES )
				),
				'updated_at' => self::read_only_time( __( 'When the runtime last changed, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ) ),
				'updated_by' => self::read_only( __( 'Login of the user who last changed the runtime.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
				'collision'  => self::read_only( __( 'Whether another plugin publishes an entry with the same id, so this one does not take effect.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'declared'   => self::read_only( __( 'What the installer last declared (writes with an Application Password), or null when no installer did.', 'wp-coding-agents-runtimes' ), array( 'object', 'null' ) ) + array(
					'properties' => array(
						'label'   => self::label_schema(),
						'fields'  => self::fields_schema(),
						'enabled' => self::enabled_schema(),
					),
				),
				'overridden' => self::read_only(
					__( 'Properties the admin changed away from what the installer declares; an installer\'s registration leaves them alone until reset (POST /runtimes/<id>/reset) or ?force=true.', 'wp-coding-agents-runtimes' ),
					'array',
					array(
						'items' => array(
							'type' => 'string',
							'enum' => self::RUNTIME_PROPERTIES,
						),
					)
				),
				'revision'   => self::read_only( __( 'How many times this plugin has changed the runtime (0 when never).', 'wp-coding-agents-runtimes' ), 'integer' ),
				'etag'       => self::read_only( __( 'The ETag of the runtime as read (also in the ETag header): send it in If-Match to write only if nobody changed it since.', 'wp-coding-agents-runtimes' ), 'string' ),
			)
		);
	}

	/**
	 * JSON schema of GET /signatures and POST /signatures/repair.
	 *
	 * @return array
	 */
	public static function get_signatures_schema() {
		return self::response_schema(
			'wpca-signatures',
			array(
				'signatures'        => self::read_only( __( 'Exactly what Data Machine Code receives from the filter, in filter order.', 'wp-coding-agents-runtimes' ), 'object' ),
				'collisions'        => self::read_only( __( 'Runtimes of ours that do not take effect because other code publishes the same id.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'     => array( 'type' => 'string' ),
							'ours'   => array( 'type' => 'object' ),
							'theirs' => array(),
						),
					),
				),
				'lock_budget'       => self::lock_budget_schema( __( 'DMC\'s lock metadata budget if every declared variable had a 300-byte value (the most DMC keeps), with DMC\'s own keys at their largest.', 'wp-coding-agents-runtimes' ) ),
				'entries'           => self::read_only( __( 'Each entry of the filter\'s value as DMC reads it, in filter order: the pairs it keeps (non-empty string subkey and variable name) and what it skips. An entry whose id is not a non-empty string (an all-digit id becomes an integer in PHP) or whose value is not a map, or that keeps no pair, is ignored whole.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'            => array( 'type' => 'string' ),
							'pairs'         => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => array(
										'subkey'   => array( 'type' => 'string' ),
										'variable' => array( 'type' => 'string' ),
									),
								),
							),
							'ignored'       => array( 'type' => 'boolean' ),
							'dropped_pairs' => array(
								'description' => __( 'Pairs of a kept entry that DMC skips (0 when the entry is ignored).', 'wp-coding-agents-runtimes' ),
								'type'        => 'integer',
							),
						),
					),
				),
				'declared'          => self::variable_names( __( 'Every variable DMC reads, once, in the order it reads them.', 'wp-coding-agents-runtimes' ) ),
				'primary_variables' => self::variable_names( __( 'The variables whose value DMC takes as primary_id first (each runtime\'s session_id), in precedence order; when none is set, the first value DMC keeps wins.', 'wp-coding-agents-runtimes' ) ),
				'problems'          => self::read_only( __( 'Entries and pairs of the stored option that are invalid and therefore not published.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						// Only pair problems name a subkey.
						'required'   => array( 'id', 'code', 'message' ),
						'properties' => array(
							'id'      => array( 'type' => 'string' ),
							'subkey'  => array( 'type' => 'string' ),
							'code'    => array( 'type' => 'string' ),
							'message' => array( 'type' => 'string' ),
						),
					),
				),
			)
		);
	}

	/**
	 * JSON schema of POST /attribution/preview.
	 *
	 * @return array
	 */
	public static function get_preview_schema() {
		return self::response_schema(
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
	}

	/**
	 * JSON schema of GET /attribution/last-verification: always an object whose `verification`
	 * is the newest observation (recorded_at for its observed_at, plus the primary value's
	 * hash), or null when none was recorded.
	 *
	 * @return array
	 */
	public static function get_last_verification_schema() {
		$report = self::observation_schema();
		unset( $report['properties']['observed_at'] );
		$report['description'] = __( 'The newest observation from an agent process, or null when none was recorded.', 'wp-coding-agents-runtimes' );
		$report['type']        = array( 'object', 'null' );
		$report['properties']  = array(
			'recorded_at' => self::read_only_time( __( 'When the verification was recorded, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ), false ),
		) + $report['properties'] + array(
			'primary_hash' => self::read_only( __( 'The keyed hash of the value that would become the primary_id, or null. The value itself is never stored.', 'wp-coding-agents-runtimes' ), array( 'string', 'null' ) ),
		);
		return self::response_schema( 'wpca-last-verification', array( 'verification' => $report ) );
	}

	/**
	 * JSON schema of a lock metadata budget (Lock_Metadata_Budget::measure()).
	 *
	 * @param string $description What is measured.
	 * @return array
	 */
	public static function lock_budget_schema( $description ) {
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
	 * JSON schema of GET /dmc: whether Data Machine Code is there to consume the signatures.
	 *
	 * @return array
	 */
	public static function get_dmc_schema() {
		$consumes = array(
			'type'     => array( 'boolean', 'null' ),
			'readonly' => true,
		);
		return self::response_schema(
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
	}

	/**
	 * JSON schema of one row of GET /attribution/worktrees: a worktree DMC recorded, read back as DMC reads it.
	 *
	 * @return array
	 */
	public static function get_worktree_schema() {
		$nullable = array( 'string', 'null' );
		return self::response_schema(
			'wpca-worktree',
			array(
				'handle'          => self::read_only( __( 'The worktree handle (the key in DMC\'s option).', 'wp-coding-agents-runtimes' ), 'string' ),
				'repo'            => self::read_only( __( 'Repository, or null when not recorded.', 'wp-coding-agents-runtimes' ), $nullable ),
				'branch'          => self::read_only( __( 'Branch, or null when not recorded.', 'wp-coding-agents-runtimes' ), $nullable ),
				'created_at'      => self::read_only_time( __( 'When DMC recorded the worktree, ISO 8601 UTC; null when absent or unreadable.', 'wp-coding-agents-runtimes' ) ),
				'origin_session'  => self::read_only( __( 'The origin session as DMC reads it back: legacy keys migrated, values normalised (null kept), primary_id resolved against the signatures registered now.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => self::origin_session_properties( $nullable ),
				),
				'primary_runtime' => self::read_only( __( 'The runtime whose value is primary_id, or null.', 'wp-coding-agents-runtimes' ), $nullable ),
				'primary_rule'    => self::read_only(
					__( 'How primary_id was chosen: explicit (stored), session_id (first session_id of a registered runtime), registered_value (first value of a registered runtime), captured_value (first value of any runtime); null when there is none.', 'wp-coding-agents-runtimes' ),
					$nullable,
					array( 'enum' => array_merge( DMC_Worktree_Records::PRIMARY_RULES, array( null ) ) )
				),
				'legacy'          => self::read_only( __( 'Whether the stored row holds legacy <runtime>_<subkey> keys (written before DMC 0.45).', 'wp-coding-agents-runtimes' ), 'boolean' ),
			)
		);
	}

	/**
	 * JSON schema of GET /attribution/summary.
	 *
	 * @return array
	 */
	public static function get_attribution_summary_schema() {
		$nullable_time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		return self::response_schema(
			'wpca-attribution-summary',
			array(
				'option'   => self::read_only( __( 'State of DMC\'s option datamachine_worktree_metadata: absent, unreadable (not an array) or ok.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => array( 'absent', 'unreadable', 'ok' ) ) ),
				'total'    => self::read_only( __( 'Recorded worktrees read.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'skipped'  => self::read_only( __( 'Entries of the option that are not a handle mapped to metadata, left out.', 'wp-coding-agents-runtimes' ), 'integer' ),
				'runtimes' => self::read_only( __( 'Per runtime DMC reads now or found in the records, in filter order.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'                 => array( 'type' => 'string' ),
							'published'          => self::property( __( 'Whether DMC reads this runtime now.', 'wp-coding-agents-runtimes' ), 'boolean' ),
							'published_since'    => array( 'description' => __( 'The runtime\'s last change here (updated_at), the nearest time to its publication this plugin keeps; null when unknown.', 'wp-coding-agents-runtimes' ) ) + $nullable_time,
							'worktrees'          => self::read_only( __( 'Recorded worktrees holding a value of this runtime.', 'wp-coding-agents-runtimes' ), 'integer' ),
							'primary'            => self::read_only( __( 'Recorded worktrees whose primary_id is this runtime\'s.', 'wp-coding-agents-runtimes' ), 'integer' ),
							'last_attributed_at' => array( 'description' => __( 'Newest recorded worktree holding a value of this runtime.', 'wp-coding-agents-runtimes' ) ) + $nullable_time,
							'worktrees_since'    => self::property( __( 'Published runtimes: worktrees recorded since published_since (all dated ones when it is null).', 'wp-coding-agents-runtimes' ), array( 'integer', 'null' ) ),
							'attributed_since'   => self::property( __( 'Published runtimes: of those, how many hold a value of this runtime.', 'wp-coding-agents-runtimes' ), array( 'integer', 'null' ) ),
							'flag'               => self::property(
								__( 'unattributed: worktrees were recorded since it was published and none holds a value of it; no_worktrees_since: none was recorded since; null otherwise.', 'wp-coding-agents-runtimes' ),
								array( 'string', 'null' ),
								array( 'enum' => array( 'unattributed', 'no_worktrees_since', null ) )
							),
						),
					),
				),
			)
		);
	}

	/**
	 * Args of GET /attribution/worktrees, core's collection pagination.
	 *
	 * @return array
	 */
	public static function worktrees_args() {
		return array(
			'page'     => self::documented_arg(
				array(
					'description' => __( 'Page of the collection, from 1.', 'wp-coding-agents-runtimes' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'default'     => 1,
				)
			),
			'per_page' => self::documented_arg(
				array(
					'description' => __( 'Rows per page, 1 to 100.', 'wp-coding-agents-runtimes' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => self::PER_PAGE_MAX,
					'default'     => self::PER_PAGE_DEFAULT,
				)
			),
		);
	}

	/**
	 * Validates `page` and `per_page` (query strings of digits, as core accepts them).
	 *
	 * @param mixed $page     Requested page.
	 * @param mixed $per_page Requested page size.
	 * @return array{page: int, per_page: int}|WP_Error
	 */
	public static function validate_pagination( $page, $per_page ) {
		$page     = null === $page ? 1 : $page;
		$per_page = null === $per_page ? self::PER_PAGE_DEFAULT : $per_page;
		if ( ! self::is_positive_integer( $page ) ) {
			return self::error( 'wpca_invalid_page', 'page', __( 'Invalid page: must be an integer of at least 1.', 'wp-coding-agents-runtimes' ) );
		}
		if ( ! self::is_positive_integer( $per_page ) || (int) $per_page > self::PER_PAGE_MAX ) {
			return self::error(
				'wpca_invalid_per_page',
				'per_page',
				sprintf(
					/* translators: %d: maximum. */
					__( 'Invalid per_page: must be an integer from 1 to %d.', 'wp-coding-agents-runtimes' ),
					self::PER_PAGE_MAX
				)
			);
		}
		return array(
			'page'     => (int) $page,
			'per_page' => (int) $per_page,
		);
	}

	/**
	 * Whether a query value is an integer of at least 1 (an int, or a string of digits).
	 *
	 * @param mixed $value Candidate.
	 * @return bool
	 */
	private static function is_positive_integer( $value ) {
		if ( is_int( $value ) ) {
			return $value >= 1;
		}
		return is_string( $value ) && 1 === preg_match( '/^[1-9][0-9]{0,8}$/D', $value );
	}

	/**
	 * JSON schema of one entry other code adds to the filter (GET /foreign-signatures).
	 *
	 * @return array
	 */
	public static function foreign_signature_schema() {
		$nullable = array( 'string', 'null' );
		return array(
			'type'       => 'object',
			'readonly'   => true,
			'properties' => array(
				'id'          => array( 'type' => 'string' ),
				'fields'      => self::property( __( 'The mapping as the other code declares it (what DMC reads).', 'wp-coding-agents-runtimes' ), 'object', array( 'additionalProperties' => array( 'type' => 'string' ) ) ),
				'declared_by' => self::property(
					__( 'The callbacks that add or change the entry, in the order WordPress runs them, with the file and line defining each (relative to the WordPress root).', 'wp-coding-agents-runtimes' ),
					'array',
					array(
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'file'     => array( 'type' => $nullable ),
								'line'     => array( 'type' => array( 'integer', 'null' ) ),
								'priority' => array( 'type' => 'integer' ),
								'callback' => array( 'type' => 'string' ),
							),
						),
					)
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
	 * JSON schema of GET /foreign-signatures.
	 *
	 * @return array
	 */
	public static function get_foreign_signatures_schema() {
		return self::response_schema(
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

	/**
	 * JSON schema of POST /foreign-signatures/<id>/adopt.
	 *
	 * @return array
	 */
	public static function get_adoption_schema() {
		return self::response_schema(
			'wpca-adoption',
			array(
				'adopted'     => self::read_only( __( 'Whether this request stored the entry (false: it was already stored with the same mapping).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'item'        => self::get_item_schema(),
				'declared_by' => self::foreign_signature_schema()['properties']['declared_by'],
			)
		);
	}

	/**
	 * Route args documenting a parameter without letting WordPress validate it: our own
	 * validators answer with specific `wpca_` codes instead of `rest_invalid_param`.
	 *
	 * @param array $schema JSON schema of the parameter.
	 * @return array
	 */
	public static function documented_arg( array $schema ) {
		$schema['sanitize_callback'] = null;
		$schema['validate_callback'] = null;
		return $schema;
	}

	/**
	 * Args of routes addressing one runtime by id.
	 *
	 * @return array
	 */
	public static function id_args() {
		return array( 'id' => self::documented_arg( self::id_schema() ) );
	}

	/**
	 * Args of PUT and PATCH on a runtime.
	 *
	 * @param bool $fields_required Whether `fields` must be present (PUT).
	 * @return array
	 */
	public static function runtime_write_args( $fields_required ) {
		$fields = self::fields_schema();
		if ( $fields_required ) {
			$fields['description'] .= ' ' . __( 'Required, unless preset is sent.', 'wp-coding-agents-runtimes' );
		}
		$enabled = self::enabled_schema();
		if ( $fields_required ) {
			$enabled['default'] = true;
		}
		return self::id_args() + array(
			'fields'  => self::documented_arg( $fields ),
			'enabled' => self::documented_arg( $enabled ),
			'label'   => self::documented_arg( self::label_schema() ),
			'preset'  => self::documented_arg(
				array(
					'description' => __( 'Instead of fields: the id of a catalogue runtime (GET /catalogue), which must be the runtime\'s own id; its fields, and its name unless label is sent, are written.', 'wp-coding-agents-runtimes' ),
					'type'        => 'string',
					'pattern'     => self::ID_PATTERN,
					'maxLength'   => self::ID_MAX_LENGTH,
				)
			),
		);
	}

	/**
	 * Args of PUT /order.
	 *
	 * @return array
	 */
	public static function order_args() {
		return array(
			'order' => self::documented_arg(
				array(
					'description' => __( 'Every registered runtime id, each once, in the new precedence order.', 'wp-coding-agents-runtimes' ),
					'type'        => 'array',
					'items'       => self::id_schema(),
					'maxItems'    => self::MAX_RUNTIMES,
				)
			),
		);
	}

	/**
	 * JSON schema of the simulated environment for the attribution preview.
	 *
	 * @param bool $described With its description (validating needs none, and a request's
	 *                        first translation costs WordPress a lookup of the domain's files).
	 * @return array
	 */
	public static function env_schema( $described = true ) {
		$schema = array(
			'type'                 => 'object',
			'maxProperties'        => self::ENV_MAX_VARIABLES,
			'patternProperties'    => array(
				self::ENV_NAME_PATTERN => array(
					'type'      => 'string',
					'maxLength' => self::ENV_VALUE_MAX_LENGTH,
				),
			),
			'additionalProperties' => false,
		);
		return $described ? array( 'description' => __( 'Environment of a simulated agent process: variable name => value.', 'wp-coding-agents-runtimes' ) ) + $schema : $schema;
	}

	/**
	 * Args of POST /attribution/preview.
	 *
	 * @return array
	 */
	public static function preview_args() {
		return array(
			'env'     => self::documented_arg( self::env_schema() ),
			'record'  => self::documented_arg( self::record_schema() ),
			'host'    => self::documented_arg(
				array(
					'description' => __( 'With record: the host name of the agent process, kept with the observation.', 'wp-coding-agents-runtimes' ),
					'type'        => 'string',
					'maxLength'   => self::HOST_MAX_LENGTH,
					'pattern'     => self::HOST_PATTERN,
				)
			),
			'runtime' => self::documented_arg(
				array( 'description' => __( 'With record: the runtime the agent process says it is (verify --runtime).', 'wp-coding-agents-runtimes' ) ) + self::id_schema()
			),
		);
	}

	/**
	 * JSON schema of the observation window setting.
	 *
	 * @return array
	 */
	public static function window_days_schema() {
		return array(
			'description' => __( 'Days within which at least one variable of each published runtime must have been observed in an agent process; otherwise the runtime is flagged.', 'wp-coding-agents-runtimes' ),
			'type'        => 'integer',
			'minimum'     => self::WINDOW_DAYS_MIN,
			'maximum'     => self::WINDOW_DAYS_MAX,
			'default'     => self::WINDOW_DAYS_DEFAULT,
		);
	}

	/**
	 * Args of PUT /attribution/observation-settings.
	 *
	 * @return array
	 */
	public static function observation_settings_args() {
		return array( 'window_days' => self::documented_arg( self::window_days_schema() ) );
	}

	/**
	 * JSON schema of GET and PUT /attribution/observation-settings.
	 *
	 * @return array
	 */
	public static function get_observation_settings_schema() {
		return self::response_schema( 'wpca-observation-settings', array( 'window_days' => self::window_days_schema() ) );
	}

	/**
	 * JSON schema of one observation: what one `bin/runtime-signature verify` run saw in an
	 * agent process. Names and keyed hashes only, never a value.
	 *
	 * @return array
	 */
	public static function observation_schema() {
		$nullable = array( 'string', 'null' );
		return array(
			'type'       => 'object',
			'readonly'   => true,
			'properties' => array(
				'observed_at'      => self::read_only_time( __( 'When the observation was recorded, ISO 8601 UTC.', 'wp-coding-agents-runtimes' ), false ),
				'recorded_by'      => self::read_only( __( 'Login of the user whose credentials recorded it.', 'wp-coding-agents-runtimes' ), $nullable ),
				'source'           => self::read_only( __( 'installer (Application Password, e.g. bin/runtime-signature verify in an agent process) or admin (cookie auth).', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => self::VERIFICATION_SOURCES ) ),
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
	public static function get_observations_schema() {
		$nullable = array( 'type' => array( 'string', 'null' ) );
		return self::response_schema(
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
				'window_days'  => self::window_days_schema() + array( 'readonly' => true ),
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
	}

	/**
	 * JSON schema of the preview's `record` flag.
	 *
	 * @return array
	 */
	public static function record_schema() {
		return array(
			'description' => __( 'Also record the result as an observation (variable names and keyed hashes of the values, never a value).', 'wp-coding-agents-runtimes' ),
			'type'        => 'boolean',
			'default'     => false,
		);
	}

	/**
	 * A validation error in the shape of core's `rest_invalid_param`.
	 *
	 * @param string $code    Error code (`wpca_…`).
	 * @param string $field   The offending field.
	 * @param string $message Human-readable message naming the field.
	 * @param int    $status  HTTP status.
	 * @return WP_Error
	 */
	public static function error( $code, $field, $message, $status = 400 ) {
		return new WP_Error(
			$code,
			$message,
			array(
				'status' => $status,
				'params' => array( $field => $message ),
			)
		);
	}

	/**
	 * Validates a runtime id.
	 *
	 * @param mixed $id Candidate.
	 * @return true|WP_Error
	 */
	public static function validate_id( $id ) {
		if ( self::is_valid_id( $id ) ) {
			return true;
		}
		return self::error(
			'wpca_invalid_id',
			'id',
			sprintf(
				/* translators: 1: maximum length, 2: pattern. */
				__( 'Invalid id: use 1 to %1$d lowercase letters, digits and single dashes, starting with a letter (%2$s).', 'wp-coding-agents-runtimes' ),
				self::ID_MAX_LENGTH,
				self::ID_PATTERN
			)
		);
	}

	/**
	 * Validates a request body for PUT (`$is_patch` false) or PATCH of a runtime.
	 *
	 * @param mixed $body     Decoded JSON body.
	 * @param bool  $is_patch Whether every property is optional (but at least one is needed).
	 * @return array|WP_Error The accepted properties (`fields`, `enabled`, `label`), label sanitised.
	 */
	public static function validate_runtime_body( $body, $is_patch ) {
		$body = self::validate_body_object( $body, array_merge( self::RUNTIME_PROPERTIES, array( 'preset' ) ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		if ( ! $is_patch && ! array_key_exists( 'fields', $body ) && ! array_key_exists( 'preset', $body ) ) {
			return self::error( 'wpca_missing_fields', 'fields', __( 'Missing fields: send "fields", a map of subkey to environment variable name, or "preset", the id of a catalogue runtime.', 'wp-coding-agents-runtimes' ) );
		}
		if ( $is_patch && array() === $body ) {
			return self::error( 'wpca_empty_patch', 'body', __( 'Nothing to change: send at least one of "enabled", "fields", "label" or "preset".', 'wp-coding-agents-runtimes' ) );
		}

		$accepted = array();
		if ( array_key_exists( 'preset', $body ) ) {
			if ( array_key_exists( 'fields', $body ) ) {
				return self::error( 'wpca_invalid_preset', 'preset', __( 'Send either "preset" (the catalogue\'s fields) or "fields", not both.', 'wp-coding-agents-runtimes' ) );
			}
			if ( ! self::is_valid_id( $body['preset'] ) ) {
				return self::error( 'wpca_invalid_preset', 'preset', __( 'Invalid preset: it must be the id of a catalogue runtime (GET /catalogue lists them).', 'wp-coding-agents-runtimes' ) );
			}
			// Turned into fields and label by the catalogue (Runtime_Catalogue::preset_changes()).
			$accepted['preset'] = $body['preset'];
		}
		if ( array_key_exists( 'fields', $body ) ) {
			$fields = self::validate_fields( $body['fields'] );
			if ( is_wp_error( $fields ) ) {
				return $fields;
			}
			$accepted['fields'] = $fields;
		}
		if ( array_key_exists( 'enabled', $body ) ) {
			// Strictly a JSON boolean: "false" as a string would otherwise be easy to misread.
			if ( ! is_bool( $body['enabled'] ) ) {
				return self::error( 'wpca_invalid_enabled', 'enabled', __( 'Invalid enabled: must be true or false.', 'wp-coding-agents-runtimes' ) );
			}
			$accepted['enabled'] = $body['enabled'];
		}
		if ( array_key_exists( 'label', $body ) ) {
			$valid = is_string( $body['label'] ) ? rest_validate_value_from_schema( $body['label'], self::label_schema(), 'label' ) : false;
			if ( true !== $valid ) {
				return self::error(
					'wpca_invalid_label',
					'label',
					sprintf(
						/* translators: %d: maximum length. */
						__( 'Invalid label: must be text of at most %d characters.', 'wp-coding-agents-runtimes' ),
						self::LABEL_MAX_LENGTH
					)
				);
			}
			$label = sanitize_text_field( $body['label'] );
			// Markup alone ("<b></b>") would silently become the default label; say so instead.
			if ( '' === $label && '' !== trim( $body['label'] ) ) {
				return self::error( 'wpca_invalid_label', 'label', __( 'Invalid label: it has no text once tags are stripped. Send an empty label for the default.', 'wp-coding-agents-runtimes' ) );
			}
			$accepted['label'] = $label;
		}
		return $accepted;
	}

	/**
	 * Validates a field map.
	 *
	 * @param mixed $fields Candidate map.
	 * @return array|WP_Error The map with string keys in the given order.
	 */
	public static function validate_fields( $fields ) {
		$valid = rest_validate_value_from_schema( $fields, self::fields_schema(), 'fields' );
		if ( is_wp_error( $valid ) ) {
			return self::invalid_fields( $valid->get_error_message() );
		}
		$accepted = array();
		foreach ( rest_sanitize_object( $fields ) as $subkey => $env_name ) {
			if ( ! self::is_valid_subkey( $subkey ) ) {
				return self::invalid_fields(
					sprintf(
						/* translators: 1: subkey, 2: maximum length, 3: pattern. */
						__( 'subkey "%1$s" must be 1 to %2$d characters matching %3$s.', 'wp-coding-agents-runtimes' ),
						self::shorten( (string) $subkey ),
						self::SUBKEY_MAX_LENGTH,
						self::SUBKEY_PATTERN
					)
				);
			}
			if ( ! self::is_valid_env_name( $env_name ) ) {
				return self::invalid_fields(
					sprintf(
						/* translators: 1: subkey, 2: maximum length, 3: pattern. */
						__( 'fields[%1$s] must be an environment variable name of 1 to %2$d characters matching %3$s.', 'wp-coding-agents-runtimes' ),
						$subkey,
						self::ENV_NAME_MAX_LENGTH,
						self::ENV_NAME_PATTERN
					)
				);
			}
			$accepted[ $subkey ] = $env_name;
		}
		return $accepted;
	}

	/**
	 * The `wpca_invalid_fields` error.
	 *
	 * @param string $detail What is wrong.
	 * @return WP_Error
	 */
	private static function invalid_fields( $detail ) {
		return self::error(
			'wpca_invalid_fields',
			'fields',
			sprintf(
				/* translators: 1: maximum number of subkeys, 2: what is wrong. */
				__( 'Invalid fields: must map 1 to %1$d subkeys to environment variable names; %2$s', 'wp-coding-agents-runtimes' ),
				self::MAX_FIELDS,
				self::shorten( $detail, 300 )
			)
		);
	}

	/**
	 * Validates the body of PUT /order (shape only; the store checks it names the registered ids).
	 *
	 * @param mixed $body Decoded JSON body.
	 * @return string[]|WP_Error The ids.
	 */
	public static function validate_order_body( $body ) {
		$body = self::validate_body_object( $body, array( 'order' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$order = isset( $body['order'] ) ? $body['order'] : null;
		if ( ! is_array( $order ) || ! wp_is_numeric_array( $order ) || count( $order ) > self::MAX_RUNTIMES
			|| count( $order ) !== count( array_filter( $order, array( self::class, 'is_valid_id' ) ) ) ) {
			return self::invalid_order();
		}
		return array_values( $order );
	}

	/**
	 * The `wpca_invalid_order` error.
	 *
	 * @return WP_Error
	 */
	public static function invalid_order() {
		return self::error( 'wpca_invalid_order', 'order', __( 'Invalid order: must be an array naming every registered runtime id exactly once.', 'wp-coding-agents-runtimes' ) );
	}

	/**
	 * Validates the body of POST /attribution/preview.
	 *
	 * @param mixed $body Decoded JSON body.
	 * @return array|WP_Error `{ env: NAME => value, record: bool }`.
	 */
	public static function validate_preview_body( $body ) {
		$body = self::validate_body_object( $body, self::PREVIEW_PROPERTIES );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$env   = array_key_exists( 'env', $body ) ? $body['env'] : array();
		$valid = rest_validate_value_from_schema( $env, self::env_schema( false ), 'env' );
		if ( true === $valid ) {
			$env = rest_sanitize_object( $env );
			foreach ( array_keys( $env ) as $name ) {
				if ( ! self::is_valid_env_name( $name ) ) {
					$valid = false;
					break;
				}
			}
		}
		if ( true !== $valid ) {
			return self::error(
				'wpca_invalid_env',
				'env',
				sprintf(
					/* translators: 1: maximum number of variables, 2: maximum value length. */
					__( 'Invalid env: must be an object of at most %1$d environment variable names mapped to strings of at most %2$d characters.', 'wp-coding-agents-runtimes' ),
					self::ENV_MAX_VARIABLES,
					self::ENV_VALUE_MAX_LENGTH
				)
			);
		}
		$record = array_key_exists( 'record', $body ) ? $body['record'] : false;
		// Strictly a JSON boolean, like `enabled`: "false" as a string would record.
		if ( ! is_bool( $record ) ) {
			return self::error( 'wpca_invalid_record', 'record', __( 'Invalid record: must be true or false.', 'wp-coding-agents-runtimes' ) );
		}
		$context = array();
		foreach ( array( 'host', 'runtime' ) as $property ) {
			$value = array_key_exists( $property, $body ) ? $body[ $property ] : null;
			$valid = null === $value || ( 'host' === $property
				? self::matches( $value, self::HOST_PATTERN, self::HOST_MAX_LENGTH )
				: self::is_valid_id( $value ) );
			if ( ! $valid ) {
				return 'host' === $property
					? self::error(
						'wpca_invalid_host',
						'host',
						sprintf(
							/* translators: %d: maximum length. */
							__( 'Invalid host: must be a host name of at most %d letters, digits, dots, dashes and underscores.', 'wp-coding-agents-runtimes' ),
							self::HOST_MAX_LENGTH
						)
					)
					: self::error( 'wpca_invalid_runtime', 'runtime', __( 'Invalid runtime: must be a runtime id (lowercase letters, digits and single dashes, starting with a letter).', 'wp-coding-agents-runtimes' ) );
			}
			$context[ $property ] = $value;
		}
		return array(
			'env'     => $env,
			'record'  => $record,
			'host'    => $context['host'],
			'runtime' => $context['runtime'],
		);
	}

	/**
	 * Validates the body of PUT /attribution/observation-settings.
	 *
	 * @param mixed $body Decoded JSON body.
	 * @return array|WP_Error `{ window_days: int }`.
	 */
	public static function validate_observation_settings_body( $body ) {
		$body = self::validate_body_object( $body, array( 'window_days' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$days = array_key_exists( 'window_days', $body ) ? $body['window_days'] : null;
		// Strictly a JSON integer: "14" or 14.5 would be easy to misread.
		if ( ! is_int( $days ) || $days < self::WINDOW_DAYS_MIN || $days > self::WINDOW_DAYS_MAX ) {
			return self::error(
				'wpca_invalid_window_days',
				'window_days',
				sprintf(
					/* translators: 1: minimum, 2: maximum. */
					__( 'Invalid window_days: must be a whole number of days from %1$d to %2$d.', 'wp-coding-agents-runtimes' ),
					self::WINDOW_DAYS_MIN,
					self::WINDOW_DAYS_MAX
				)
			);
		}
		return array( 'window_days' => $days );
	}

	/**
	 * Validates the body of a route that takes none (POST /signatures/repair): absent or `{}`.
	 *
	 * @param mixed $body Decoded JSON body (null when there was none).
	 * @return true|WP_Error
	 */
	public static function validate_no_body( $body ) {
		$body = self::validate_body_object( $body, array() );
		return is_wp_error( $body ) ? $body : true;
	}

	/**
	 * Checks that a body is a JSON object with only known properties.
	 *
	 * @param mixed    $body    Decoded JSON body (null when there was none).
	 * @param string[] $allowed Known properties.
	 * @return array|WP_Error
	 */
	private static function validate_body_object( $body, array $allowed ) {
		if ( null === $body || array() === $body ) {
			return array();
		}
		if ( ! is_array( $body ) || wp_is_numeric_array( $body ) ) {
			return self::error( 'wpca_invalid_body', 'body', __( 'Invalid body: the request body must be a JSON object.', 'wp-coding-agents-runtimes' ) );
		}
		foreach ( array_keys( $body ) as $property ) {
			if ( ! in_array( $property, $allowed, true ) ) {
				$name = self::shorten( (string) $property );
				return self::error(
					'wpca_unknown_property',
					$name,
					array() === $allowed
						? sprintf(
							/* translators: %s: property name. */
							__( 'Unknown property "%s": this route takes no body.', 'wp-coding-agents-runtimes' ),
							$name
						)
						: sprintf(
							/* translators: 1: property name, 2: list of known properties. */
							__( 'Unknown property "%1$s": this route accepts %2$s.', 'wp-coding-agents-runtimes' ),
							$name,
							implode( ', ', $allowed )
						)
				);
			}
		}
		return $body;
	}

	/**
	 * The top of a route's response schema.
	 *
	 * @param string $title      Schema title (`wpca-…`).
	 * @param array  $properties Its properties.
	 * @return array
	 */
	private static function response_schema( $title, array $properties ) {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => $title,
			'type'       => 'object',
			'properties' => $properties,
		);
	}

	/**
	 * A described property: description, type, then `$extra` (format, enum, items…).
	 *
	 * @param string       $description What it holds.
	 * @param string|array $type        JSON type(s).
	 * @param array        $extra       Further keywords, in order.
	 * @return array
	 */
	private static function property( $description, $type, array $extra = array() ) {
		return array(
			'description' => $description,
			'type'        => $type,
		) + $extra;
	}

	/**
	 * A described read-only property; keywords added after it (`+ array( 'properties' => … )`)
	 * follow `readonly`.
	 *
	 * @param string       $description What it holds.
	 * @param string|array $type        JSON type(s).
	 * @param array        $extra       Further keywords, before `readonly`.
	 * @return array
	 */
	private static function read_only( $description, $type, array $extra = array() ) {
		return self::property( $description, $type, $extra ) + array( 'readonly' => true );
	}

	/**
	 * A read-only ISO 8601 UTC time.
	 *
	 * @param string $description What happened then.
	 * @param bool   $nullable    Whether it may be null.
	 * @return array
	 */
	private static function read_only_time( $description, $nullable = true ) {
		return self::read_only( $description, $nullable ? array( 'string', 'null' ) : 'string', array( 'format' => 'date-time' ) );
	}

	/**
	 * A read-only list of environment variable names.
	 *
	 * @param string $description Which variables.
	 * @return array
	 */
	private static function variable_names( $description ) {
		return self::read_only( $description, 'array', array( 'items' => array( 'type' => 'string' ) ) );
	}

	/**
	 * Properties of an origin session (`primary_id`, `ids`: runtime => subkey => value).
	 *
	 * @param string|array $value_type JSON type(s) of one captured value.
	 * @return array
	 */
	private static function origin_session_properties( $value_type ) {
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
	private static function runtime_values_schema( $value_type ) {
		return array(
			'type'                 => 'object',
			'additionalProperties' => array(
				'type'                 => 'object',
				'additionalProperties' => array( 'type' => $value_type ),
			),
		);
	}
	/**
	 * Keeps user-supplied text quoted in messages short.
	 *
	 * @param string $text   Text.
	 * @param int    $length Longest kept length.
	 * @return string
	 */
	private static function shorten( $text, $length = 80 ) {
		return mb_strlen( $text ) > $length ? mb_substr( $text, 0, $length ) . '…' : $text;
	}
}
