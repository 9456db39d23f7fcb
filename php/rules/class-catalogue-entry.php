<?php
/**
 * One catalogue entry: validated and put in the shape GET /catalogue answers.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads an entry in the shape `wpca_runtime_catalogue` carries (docs/catalogue.md) —
 * `{ label, description?, fields, variables?: { NAME: { identifies?, set_by?, exported_to?,
 * value?, upstream?: { project?, version? }, note? } }, notes? }` — and answers it in the
 * catalogue's shape, or a WP_Error naming the first thing wrong. Built-in entries pass
 * through the same checks as other code's, so both reach the screen alike.
 */
class Catalogue_Entry {

	/** What a variable's value identifies; `runtime`: a marker that only says which runtime runs. */
	public const IDENTIFIES = array( 'session', 'thread', 'run', 'process', 'tool_call', 'runtime', 'unknown' );

	/** Who sets a variable: the runtime itself, only a bridge around it, nobody (declared, never set), or not known. */
	public const SET_BY = array( 'runtime', 'bridge', 'never', 'unknown' );

	/** The longest description, note or other text an entry may carry. */
	public const TEXT_MAX_LENGTH = 500;

	/** The most notes one entry may carry. */
	public const MAX_NOTES = 8;

	/** The most variables one entry may describe (its fields' and markers). */
	public const MAX_VARIABLES = 32;

	/**
	 * Validates an entry and answers it in the catalogue's shape.
	 *
	 * @param string     $id       Runtime id (already valid).
	 * @param mixed      $raw      The entry as handed over.
	 * @param bool       $default  Whether it is one of the defaults (built-ins only).
	 * @param array|null $added_by Who added it (Filter_Inspector::describe()), null for built-ins.
	 * @return array|WP_Error
	 */
	public static function from( string $id, $raw, bool $default = false, ?array $added_by = null ) {
		if ( ! is_array( $raw ) ) {
			return self::invalid( __( 'the entry must be an array', 'wp-coding-agents-runtimes' ) );
		}
		$label = self::text( $raw, 'label', Schema::LABEL_MAX_LENGTH );
		if ( is_wp_error( $label ) ) {
			return $label;
		}
		if ( null === $label ) {
			return self::invalid( __( 'label: a name is required', 'wp-coding-agents-runtimes' ) );
		}
		$description = self::text( $raw, 'description', self::TEXT_MAX_LENGTH );
		if ( is_wp_error( $description ) ) {
			return $description;
		}
		$fields = self::fields( $raw );
		if ( is_wp_error( $fields ) ) {
			return $fields;
		}
		$notes = self::notes( $raw );
		if ( is_wp_error( $notes ) ) {
			return $notes;
		}
		$variables = self::variables( $raw, $fields );
		if ( is_wp_error( $variables ) ) {
			return $variables;
		}
		return array(
			'id'           => $id,
			'label'        => $label,
			'description'  => $description,
			'default'      => $default,
			'origin'       => null === $added_by ? 'built-in' : 'filter',
			'added_by'     => $added_by,
			'attributable' => array() !== $fields,
			'fields'       => $fields,
			'notes'        => $notes,
			'variables'    => $variables,
		);
	}

	/**
	 * The signature: `subkey => VARIABLE`, valid as the registry requires; may be empty
	 * (a runtime known to export nothing that identifies a session).
	 *
	 * @param array $raw Entry.
	 * @return array<string, string>|WP_Error
	 */
	private static function fields( array $raw ) {
		if ( ! isset( $raw['fields'] ) || ! is_array( $raw['fields'] ) ) {
			return self::invalid( __( 'fields: a map of subkey to environment variable name is required (it may be empty)', 'wp-coding-agents-runtimes' ) );
		}
		if ( count( $raw['fields'] ) > Schema::MAX_FIELDS ) {
			/* translators: %d: maximum number of subkeys. */
			return self::invalid( sprintf( __( 'fields: at most %d subkeys', 'wp-coding-agents-runtimes' ), Schema::MAX_FIELDS ) );
		}
		$fields = array();
		foreach ( $raw['fields'] as $subkey => $name ) {
			if ( ! Signature_Rules::is_valid_subkey( $subkey ) || ! Signature_Rules::is_valid_env_name( $name ) ) {
				/* translators: %s: the subkey as given. */
				return self::invalid( sprintf( __( 'fields[%s]: a subkey and an environment variable name as the registry accepts them are required', 'wp-coding-agents-runtimes' ), self::shown( $subkey ) ) );
			}
			if ( Secret_Names::is_secret_like( $name ) ) {
				/* translators: %s: the subkey as given. */
				return self::invalid( sprintf( __( 'fields[%s]: names a variable that looks like a credential, which the registry refuses', 'wp-coding-agents-runtimes' ), self::shown( $subkey ) ) );
			}
			$fields[ $subkey ] = $name;
		}
		return $fields;
	}

	/**
	 * Every variable the entry names: its fields' first, in field order (with the first
	 * subkey reading each), then the others it describes (markers).
	 *
	 * @param array                 $raw    Entry.
	 * @param array<string, string> $fields Validated fields.
	 * @return array[]|WP_Error
	 */
	private static function variables( array $raw, array $fields ) {
		$described = isset( $raw['variables'] ) ? $raw['variables'] : array();
		if ( ! is_array( $described ) || count( $described ) > self::MAX_VARIABLES ) {
			/* translators: %d: maximum number of variables. */
			return self::invalid( sprintf( __( 'variables: a map of at most %d environment variable names to their descriptions', 'wp-coding-agents-runtimes' ), self::MAX_VARIABLES ) );
		}
		foreach ( array_keys( $described ) as $name ) {
			if ( ! Signature_Rules::is_valid_env_name( $name ) ) {
				/* translators: %s: the name as given. */
				return self::invalid( sprintf( __( 'variables[%s]: not an environment variable name', 'wp-coding-agents-runtimes' ), self::shown( $name ) ) );
			}
		}
		$subkeys = array();
		foreach ( $fields as $subkey => $name ) {
			if ( ! isset( $subkeys[ $name ] ) ) {
				$subkeys[ $name ] = $subkey;
			}
		}
		$variables = array();
		foreach ( array_unique( array_merge( array_values( $fields ), array_keys( $described ) ) ) as $name ) {
			$variable = self::variable( $name, isset( $subkeys[ $name ] ) ? $subkeys[ $name ] : null, isset( $described[ $name ] ) ? $described[ $name ] : array() );
			if ( is_wp_error( $variable ) ) {
				return $variable;
			}
			$variables[] = $variable;
		}
		return $variables;
	}

	/**
	 * One variable in the catalogue's shape.
	 *
	 * @param string      $name   Variable name (valid).
	 * @param string|null $subkey The subkey that reads it, null for a variable the signature does not publish.
	 * @param mixed       $raw    Its description.
	 * @return array|WP_Error
	 */
	private static function variable( string $name, ?string $subkey, $raw ) {
		if ( ! is_array( $raw ) ) {
			/* translators: %s: variable name. */
			return self::invalid( sprintf( __( 'variables[%s]: the description must be an array', 'wp-coding-agents-runtimes' ), $name ) );
		}
		$identifies = isset( $raw['identifies'] ) ? $raw['identifies'] : self::identifies_by_subkey( $subkey );
		$set_by     = isset( $raw['set_by'] ) ? $raw['set_by'] : 'unknown';
		if ( ! in_array( $identifies, self::IDENTIFIES, true ) || ! in_array( $set_by, self::SET_BY, true ) ) {
			return self::invalid(
				sprintf(
					/* translators: 1: variable name, 2: allowed values of identifies, 3: allowed values of set_by. */
					__( 'variables[%1$s]: identifies must be one of %2$s and set_by one of %3$s', 'wp-coding-agents-runtimes' ),
					$name,
					implode( ', ', self::IDENTIFIES ),
					implode( ', ', self::SET_BY )
				)
			);
		}
		$upstream = isset( $raw['upstream'] ) ? $raw['upstream'] : array();
		if ( ! is_array( $upstream ) ) {
			/* translators: %s: variable name. */
			return self::invalid( sprintf( __( 'variables[%s]: upstream must be an array of project and version', 'wp-coding-agents-runtimes' ), $name ) );
		}
		$texts = array();
		foreach ( array(
			'exported_to' => array( $raw, self::TEXT_MAX_LENGTH ),
			'value'       => array( $raw, Schema::LABEL_MAX_LENGTH ),
			'note'        => array( $raw, self::TEXT_MAX_LENGTH ),
			'project'     => array( $upstream, Schema::LABEL_MAX_LENGTH ),
			'version'     => array( $upstream, Schema::LABEL_MAX_LENGTH ),
		) as $key => list( $source, $max_length ) ) {
			$texts[ $key ] = self::text( $source, $key, $max_length, $name );
			if ( is_wp_error( $texts[ $key ] ) ) {
				return $texts[ $key ];
			}
		}
		return array(
			'name'        => $name,
			'subkey'      => $subkey,
			'identifies'  => $identifies,
			'set_by'      => $set_by,
			'exported_to' => $texts['exported_to'],
			'value'       => $texts['value'],
			'generic'     => Variable_Names::is_generic( $name ),
			'upstream'    => array(
				'project' => $texts['project'],
				'version' => $texts['version'],
			),
			'note'        => $texts['note'],
		);
	}

	/**
	 * What a published variable identifies when its entry does not say: what its subkey names.
	 *
	 * @param string|null $subkey Subkey.
	 * @return string
	 */
	private static function identifies_by_subkey( ?string $subkey ): string {
		if ( 'session_id' === $subkey ) {
			return 'session';
		}
		if ( null !== $subkey && 0 === strpos( $subkey, 'thread_' ) ) {
			return 'thread';
		}
		return 'run_id' === $subkey ? 'run' : 'unknown';
	}

	/**
	 * The notes: a list of sentences.
	 *
	 * @param array $raw Entry.
	 * @return string[]|WP_Error
	 */
	private static function notes( array $raw ) {
		$notes = isset( $raw['notes'] ) ? $raw['notes'] : array();
		if ( ! is_array( $notes ) || count( $notes ) > self::MAX_NOTES ) {
			/* translators: %d: maximum number of notes. */
			return self::invalid( sprintf( __( 'notes: a list of at most %d sentences', 'wp-coding-agents-runtimes' ), self::MAX_NOTES ) );
		}
		$texts = array();
		foreach ( array_values( $notes ) as $index => $note ) {
			$key  = 'notes[' . $index . ']';
			$text = self::text( array( $key => $note ), $key, self::TEXT_MAX_LENGTH );
			if ( is_wp_error( $text ) ) {
				return $text;
			}
			if ( null !== $text ) {
				$texts[] = $text;
			}
		}
		return $texts;
	}

	/**
	 * An optional text: plain (tags and line breaks stripped), at most $max_length characters.
	 *
	 * @param array       $source     Where it is.
	 * @param string      $key        Its key.
	 * @param int         $max_length Longest allowed.
	 * @param string|null $context    The variable or list it belongs to, for the message.
	 * @return string|null|WP_Error Null when absent or empty.
	 */
	private static function text( array $source, string $key, int $max_length, ?string $context = null ) {
		if ( ! isset( $source[ $key ] ) ) {
			return null;
		}
		$where = null === $context ? $key : $context . '.' . $key;
		if ( ! is_string( $source[ $key ] ) || mb_strlen( $source[ $key ] ) > $max_length ) {
			/* translators: 1: field, 2: maximum length. */
			return self::invalid( sprintf( __( '%1$s: text of at most %2$d characters', 'wp-coding-agents-runtimes' ), $where, $max_length ) );
		}
		$text = sanitize_text_field( $source[ $key ] );
		return '' === $text ? null : $text;
	}

	/**
	 * A key as given, short and printable, for a message.
	 *
	 * @param mixed $key Key.
	 * @return string
	 */
	private static function shown( $key ): string {
		return mb_substr( sanitize_text_field( (string) $key ), 0, 40 );
	}

	/**
	 * The error of an entry.
	 *
	 * @param string $detail What is wrong.
	 * @return WP_Error
	 */
	private static function invalid( string $detail ): WP_Error {
		return new WP_Error( 'wpca_catalogue_invalid_entry', $detail );
	}
}
