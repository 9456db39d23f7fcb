<?php
/**
 * Building blocks of the controllers' responses and response schemas.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

defined( 'ABSPATH' ) || exit;

/**
 * Used by Controller, so every controller writes its item schema with the same words
 * (a read-only property, a time, a list of variable names) and its maps as JSON objects.
 */
trait Response_Parts {

	/**
	 * Makes a PHP map encode as a JSON object (also when empty or integer-keyed), with
	 * array entries as objects too.
	 *
	 * @param mixed $map Map.
	 * @return object
	 */
	protected static function as_object_map( $map ): object {
		$converted = array();
		if ( is_array( $map ) ) {
			foreach ( $map as $key => $value ) {
				$converted[ $key ] = is_array( $value ) ? (object) $value : $value;
			}
		}
		// A cast, unlike property assignment, accepts any key (empty, integer, NUL-prefixed).
		return (object) $converted;
	}

	/**
	 * The top of a route's response schema.
	 *
	 * @param string $title      Schema title (`wpca-…`).
	 * @param array  $properties Its properties.
	 * @return array
	 */
	protected static function response_schema( string $title, array $properties ): array {
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
	protected static function property( string $description, $type, array $extra = array() ): array {
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
	protected static function read_only( string $description, $type, array $extra = array() ): array {
		return self::property( $description, $type, $extra ) + array( 'readonly' => true );
	}

	/**
	 * A read-only ISO 8601 UTC time.
	 *
	 * @param string $description What happened then.
	 * @param bool   $nullable    Whether it may be null.
	 * @return array
	 */
	protected static function read_only_time( string $description, bool $nullable = true ): array {
		return self::read_only( $description, $nullable ? array( 'string', 'null' ) : 'string', array( 'format' => 'date-time' ) );
	}

	/**
	 * A read-only list of environment variable names.
	 *
	 * @param string $description Which variables.
	 * @return array
	 */
	protected static function variable_names( string $description ): array {
		return self::read_only( $description, 'array', array( 'items' => array( 'type' => 'string' ) ) );
	}
}
