<?php
/**
 * What a valid runtime signature is: its id, its field map, and the names in it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The signature's rules for code that checks values without a REST request: the store
 * reading what is in the options, the adopter checking what other code declares, the
 * no-JavaScript form. The REST API validates the same values against the controllers'
 * schemas (core's rest_validate_value_from_schema()) and applies the checks below that a
 * JSON schema cannot express (REST\Input_Rules), so both answer with these errors.
 */
final class Signature_Rules {

	/**
	 * Whether a value is a valid runtime id.
	 *
	 * @param mixed $id Candidate.
	 * @return bool
	 */
	public static function is_valid_id( $id ): bool {
		return self::matches( $id, Schema::ID_PATTERN, Schema::ID_MAX_LENGTH );
	}

	/**
	 * Whether a value is a valid subkey.
	 *
	 * @param mixed $subkey Candidate.
	 * @return bool
	 */
	public static function is_valid_subkey( $subkey ): bool {
		return self::matches( $subkey, Schema::SUBKEY_PATTERN, Schema::SUBKEY_MAX_LENGTH );
	}

	/**
	 * Whether a value is a valid environment variable name.
	 *
	 * @param mixed $name Candidate.
	 * @return bool
	 */
	public static function is_valid_env_name( $name ): bool {
		return self::matches( $name, Schema::ENV_NAME_PATTERN, Schema::ENV_NAME_MAX_LENGTH );
	}

	/**
	 * Whether a value is a host name an agent process may report.
	 *
	 * @param mixed $host Candidate.
	 * @return bool
	 */
	public static function is_valid_host( $host ): bool {
		return self::matches( $host, Schema::HOST_PATTERN, Schema::HOST_MAX_LENGTH );
	}

	/**
	 * Strict pattern match. JSON Schema patterns are ECMAScript regexes where `$` ends the
	 * subject; in PCRE (and so in WordPress's schema validation) it also matches before a
	 * final newline, hence the D modifier.
	 *
	 * @param mixed  $value      Candidate.
	 * @param string $pattern    Pattern from Schema.
	 * @param int    $max_length Longest allowed length.
	 * @return bool
	 */
	private static function matches( $value, string $pattern, int $max_length ): bool {
		return is_string( $value )
			&& strlen( $value ) <= $max_length
			&& 1 === preg_match( '/' . $pattern . '/D', $value );
	}

	/**
	 * JSON schema of a runtime's field map `subkey => ENV_VAR_NAME` (a runtime item's
	 * `fields` and `declared.fields`, the body of PUT/PATCH /runtimes/<id>).
	 *
	 * @return array
	 */
	public static function fields_schema(): array {
		return array(
			'description'          => __( 'Map of subkey to the environment variable holding its value, in the order the consumer reads them.', 'wp-coding-agents-runtimes' ),
			'type'                 => 'object',
			'minProperties'        => 1,
			'maxProperties'        => Schema::MAX_FIELDS,
			'patternProperties'    => array(
				Schema::SUBKEY_PATTERN => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => Schema::ENV_NAME_MAX_LENGTH,
					'pattern'   => Schema::ENV_NAME_PATTERN,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * Validates a runtime id.
	 *
	 * @param mixed $id Candidate.
	 * @return true|WP_Error `wpca_invalid_id`.
	 */
	public static function check_id( $id ) {
		return self::is_valid_id( $id ) ? true : self::invalid_id();
	}

	/**
	 * Validates a field map: its schema, then what the schema cannot say.
	 *
	 * @param mixed $fields Candidate map.
	 * @return array|WP_Error The map with string keys in the given order, or `wpca_invalid_fields`.
	 */
	public static function check_fields( $fields ) {
		$valid = rest_validate_value_from_schema( $fields, self::fields_schema(), 'fields' );
		if ( true === $valid ) {
			$fields = rest_sanitize_object( $fields );
			$valid  = self::check_field_names( $fields );
		}
		if ( is_wp_error( $valid ) ) {
			return 'wpca_secret_env_name' === $valid->get_error_code() ? $valid : self::invalid_fields( $valid->get_error_message() );
		}
		$accepted = array();
		foreach ( $fields as $subkey => $env_name ) {
			$accepted[ (string) $subkey ] = $env_name;
		}
		return $accepted;
	}

	/**
	 * What the field map's schema cannot say: a subkey is at most 64 characters (JSON
	 * Schema's patternProperties cannot limit a name's length), and names end where the
	 * pattern's `$` does (see matches()).
	 *
	 * @param array $fields Map that passed its schema.
	 * @return true|WP_Error What is wrong, for invalid_fields().
	 */
	public static function check_field_names( array $fields ) {
		foreach ( $fields as $subkey => $env_name ) {
			if ( ! self::is_valid_subkey( $subkey ) ) {
				return new WP_Error(
					'rest_invalid_param',
					sprintf(
						/* translators: 1: subkey, 2: maximum length, 3: pattern. */
						__( 'subkey "%1$s" must be 1 to %2$d characters matching %3$s.', 'wp-coding-agents-runtimes' ),
						self::shorten( (string) $subkey ),
						Schema::SUBKEY_MAX_LENGTH,
						Schema::SUBKEY_PATTERN
					)
				);
			}
			if ( ! self::is_valid_env_name( $env_name ) ) {
				return new WP_Error(
					'rest_invalid_param',
					sprintf(
						/* translators: 1: subkey, 2: maximum length, 3: pattern. */
						__( 'fields[%1$s] must be an environment variable name of 1 to %2$d characters matching %3$s.', 'wp-coding-agents-runtimes' ),
						$subkey,
						Schema::ENV_NAME_MAX_LENGTH,
						Schema::ENV_NAME_PATTERN
					)
				);
			}
			$secret = self::check_not_secret( (string) $subkey, $env_name );
			if ( is_wp_error( $secret ) ) {
				return $secret;
			}
		}
		return true;
	}

	/**
	 * A variable that looks like a credential (Secret_Names) cannot be registered: DMC
	 * would copy its value into its worktree records and `verify` would have to send it.
	 *
	 * @param string $subkey   Subkey reading it.
	 * @param string $env_name Variable name.
	 * @return true|WP_Error `wpca_secret_env_name`.
	 */
	public static function check_not_secret( string $subkey, string $env_name ) {
		$reason = Secret_Names::reason( $env_name );
		if ( null === $reason ) {
			return true;
		}
		return self::error(
			'wpca_secret_env_name',
			'fields',
			sprintf(
				/* translators: 1: subkey, 2: environment variable name, 3: the part of the name that looks like a credential. */
				__( 'fields[%1$s]: %2$s looks like a credential (%3$s), and Data Machine Code would store its value in worktree records. Name the variable that carries the session id instead.', 'wp-coding-agents-runtimes' ),
				$subkey,
				$env_name,
				$reason
			)
		);
	}

	/**
	 * The `wpca_invalid_id` error.
	 *
	 * @return WP_Error
	 */
	public static function invalid_id(): WP_Error {
		return self::error(
			'wpca_invalid_id',
			'id',
			sprintf(
				/* translators: 1: maximum length, 2: pattern. */
				__( 'Invalid id: use 1 to %1$d lowercase letters, digits and single dashes, starting with a letter (%2$s).', 'wp-coding-agents-runtimes' ),
				Schema::ID_MAX_LENGTH,
				Schema::ID_PATTERN
			)
		);
	}

	/**
	 * The `wpca_invalid_fields` error.
	 *
	 * @param string $detail What is wrong.
	 * @return WP_Error
	 */
	public static function invalid_fields( string $detail ): WP_Error {
		return self::error(
			'wpca_invalid_fields',
			'fields',
			sprintf(
				/* translators: 1: maximum number of subkeys, 2: what is wrong. */
				__( 'Invalid fields: must map 1 to %1$d subkeys to environment variable names; %2$s', 'wp-coding-agents-runtimes' ),
				Schema::MAX_FIELDS,
				self::shorten( $detail, 300 )
			)
		);
	}

	/**
	 * The `wpca_invalid_order` error.
	 *
	 * @return WP_Error
	 */
	public static function invalid_order(): WP_Error {
		return self::error( 'wpca_invalid_order', 'order', __( 'Invalid order: must be an array naming every registered runtime id exactly once.', 'wp-coding-agents-runtimes' ) );
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
	public static function error( string $code, string $field, string $message, int $status = 400 ): WP_Error {
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
	 * Keeps user-supplied text quoted in messages short.
	 *
	 * @param string $text   Text.
	 * @param int    $length Longest kept length.
	 * @return string
	 */
	public static function shorten( string $text, int $length = 80 ): string {
		return mb_strlen( $text ) > $length ? mb_substr( $text, 0, $length ) . '…' : $text;
	}
}
