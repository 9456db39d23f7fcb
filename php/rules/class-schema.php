<?php
/**
 * The limits and patterns of runtime signatures.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * Only constants: the limits and patterns shared by the REST controllers' schemas, the
 * store, the rules (Signature_Rules) and the screen, which gets them as `SCHEMA` in
 * src/api/schema.generated.ts (see docs/rest-api.md, "Validation").
 */
class Schema {

	/**
	 * Runtime id. No all-digit ids (PHP turns them into integers and DMC drops them)
	 * and no underscores (DMC's legacy-row migration splits at the first one).
	 */
	public const ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

	public const ID_MAX_LENGTH = 64;

	public const SUBKEY_PATTERN = '^[a-z][a-z0-9_]*$';

	public const SUBKEY_MAX_LENGTH = 64;

	public const MAX_FIELDS = 16;

	/** A character an entity tag may hold inside its quotes (RFC 9110 etagc, ASCII only). */
	public const ETAG_CHAR = '[\x21\x23-\x7e]';

	public const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

	public const ENV_NAME_MAX_LENGTH = 128;

	public const LABEL_MAX_LENGTH = 100;

	public const MAX_RUNTIMES = 64;

	/** Attribution preview: how many variables one simulated environment may hold. */
	public const ENV_MAX_VARIABLES = 1000;

	/** Attribution preview: the longest value of one simulated variable. */
	public const ENV_VALUE_MAX_LENGTH = 32768;

	public const RUNTIME_PROPERTIES = array( 'fields', 'enabled', 'label' );

	public const SOURCES = array( 'installer', 'admin', 'preset', 'external', 'adopted' );

	/** Who recorded a verification: an Application Password (installer) or cookie auth (admin). */
	public const VERIFICATION_SOURCES = array( 'installer', 'admin' );

	/** Host name an agent process reports with an observation (what `hostname` prints). */
	public const HOST_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9._-]*$';

	public const HOST_MAX_LENGTH = 253;

	/** Observation window: days within which a published runtime's variables must be seen. */
	public const WINDOW_DAYS_DEFAULT = 14;

	public const WINDOW_DAYS_MIN = 1;

	public const WINDOW_DAYS_MAX = 365;

	/** Collections (GET /attribution/worktrees): core's default and largest page size. */
	public const PER_PAGE_DEFAULT = 10;

	public const PER_PAGE_MAX = 100;
}
