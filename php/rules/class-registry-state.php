<?php
/**
 * The registry's state and the two stored values it is kept in.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * Pure conversions between a state and what Signature_Record stores. A state is
 * `{ order: string[], runtimes: id => record, invalid: key => entry, problems: array }`,
 * stored as two values:
 * - the published option: the enabled runtimes in DMC's shape, in precedence order, then
 *   the entries this plugin cannot read (kept until repaired);
 * - the metadata option: the full order (disabled runtimes included), labels, enabled
 *   flags, the fields of disabled runtimes and who changed what when.
 * Whatever is stored is read defensively: anything unreadable is left out, never a warning.
 */
class Registry_State {

	public const META_VERSION = 1;

	/**
	 * Merges both stored values into one state: the published option is the truth for
	 * enabled runtimes; a valid entry found there without metadata has source `external`.
	 *
	 * @param array $published The published option, parsed (Published_Option_Reader::parse()).
	 * @param mixed $meta      The stored metadata option.
	 * @return array{order: string[], runtimes: array, invalid: array, problems: array}
	 */
	public static function from_stored( array $published, $meta ): array {
		$meta = self::parse_meta( $meta );

		$runtimes = array();
		foreach ( $published['valid'] as $id => $fields ) {
			$record            = isset( $meta[ $id ] ) ? $meta[ $id ] : array(
				'label'      => null,
				'source'     => 'external',
				'updated_at' => null,
				'updated_by' => null,
				'declared'   => null,
				'overridden' => array(),
				'revision'   => 0,
			);
			$record['fields']  = $fields;
			$record['enabled'] = true;
			$record['raw']     = $published['raw'][ $id ];
			$runtimes[ $id ]   = $record;
		}
		$order = array_keys( $runtimes );

		// Disabled runtimes keep their place: right after the runtime that preceded them.
		$previous = null;
		foreach ( $meta as $id => $record ) {
			$is_disabled = ! isset( $runtimes[ $id ] ) && ! $record['enabled'] && array() !== $record['fields'];
			if ( $is_disabled && count( $order ) < Schema::MAX_RUNTIMES ) {
				$position = null === $previous ? 0 : array_search( $previous, $order, true ) + 1;
				array_splice( $order, $position, 0, array( $id ) );
				$runtimes[ $id ] = $record;
			}
			if ( isset( $runtimes[ $id ] ) ) {
				$previous = $id;
			}
		}

		return array(
			'order'    => $order,
			'runtimes' => $runtimes,
			'invalid'  => $published['invalid'],
			'problems' => $published['problems'],
		);
	}

	/**
	 * The values of both options for a state. Entries of the published option this plugin
	 * cannot read are kept as they are (only repair() drops them), after ours.
	 *
	 * @param array $state State from from_stored(), changed.
	 * @return array{published: array, meta: array}
	 */
	public static function to_stored( array $state ): array {
		$published = array();
		$meta      = array();
		foreach ( $state['order'] as $id ) {
			$record = $state['runtimes'][ $id ];
			if ( $record['enabled'] ) {
				$published[ $id ] = isset( $record['raw'] ) ? $record['raw'] : $record['fields'];
			}
			$meta[ $id ] = array(
				'label'      => $record['label'],
				'enabled'    => $record['enabled'],
				'source'     => $record['source'],
				'updated_at' => $record['updated_at'],
				'updated_by' => $record['updated_by'],
				'declared'   => $record['declared'],
				'overridden' => $record['overridden'],
				'revision'   => $record['revision'],
			);
			if ( ! $record['enabled'] ) {
				$meta[ $id ]['fields'] = $record['fields'];
			}
		}
		foreach ( $state['invalid'] as $key => $entry ) {
			if ( ! array_key_exists( $key, $published ) ) {
				$published[ $key ] = $entry;
			}
		}

		return array(
			'published' => $published,
			'meta'      => array() === $meta ? array() : array(
				'version'  => self::META_VERSION,
				'runtimes' => $meta,
			),
		);
	}

	/**
	 * Reads the metadata option defensively: anything unreadable is ignored.
	 *
	 * @param mixed $stored Raw option value.
	 * @return array<string, array> Records in stored order.
	 */
	private static function parse_meta( $stored ): array {
		$records = array();
		if ( ! is_array( $stored ) || ! isset( $stored['runtimes'] ) || ! is_array( $stored['runtimes'] ) ) {
			return $records;
		}
		foreach ( $stored['runtimes'] as $id => $record ) {
			if ( ! Signature_Rules::is_valid_id( $id ) || ! is_array( $record ) ) {
				continue;
			}
			$fields = array();
			if ( isset( $record['fields'] ) && is_array( $record['fields'] ) ) {
				foreach ( $record['fields'] as $subkey => $env_name ) {
					if ( Signature_Rules::is_valid_subkey( $subkey ) && Signature_Rules::is_valid_env_name( $env_name ) && count( $fields ) < Schema::MAX_FIELDS ) {
						$fields[ $subkey ] = $env_name;
					}
				}
			}
			// Stored before direction controls were refused, or written by other code: shown without them.
			$label          = isset( $record['label'] ) && is_string( $record['label'] ) ? Plain_Text::without_direction_controls( $record['label'] ) : '';
			$label          = '' !== $label ? $label : null;
			$source         = isset( $record['source'] ) && in_array( $record['source'], array( 'installer', 'admin', 'external', 'adopted' ), true ) ? $record['source'] : 'external';
			$records[ $id ] = array(
				'label'      => null !== $label ? mb_substr( $label, 0, Schema::LABEL_MAX_LENGTH ) : null,
				'enabled'    => isset( $record['enabled'] ) && true === $record['enabled'],
				'fields'     => $fields,
				'source'     => $source,
				'updated_at' => isset( $record['updated_at'] ) && is_string( $record['updated_at'] ) ? $record['updated_at'] : null,
				'updated_by' => isset( $record['updated_by'] ) && is_string( $record['updated_by'] ) ? $record['updated_by'] : null,
				'declared'   => self::parse_declared( isset( $record['declared'] ) ? $record['declared'] : null ),
				'overridden' => isset( $record['overridden'] ) && is_array( $record['overridden'] ) ? array_values( array_intersect( Schema::RUNTIME_PROPERTIES, $record['overridden'] ) ) : array(),
				'revision'   => isset( $record['revision'] ) && is_int( $record['revision'] ) ? $record['revision'] : 0,
			);
		}
		return $records;
	}

	/**
	 * Reads a stored declaration defensively.
	 *
	 * @param mixed $declared Stored value.
	 * @return array|null `{ fields, enabled, label }`.
	 */
	private static function parse_declared( $declared ): ?array {
		if ( ! is_array( $declared ) || ! isset( $declared['fields'] ) || ! is_array( $declared['fields'] ) ) {
			return null;
		}
		$fields = array();
		foreach ( $declared['fields'] as $subkey => $env_name ) {
			if ( Signature_Rules::is_valid_subkey( $subkey ) && Signature_Rules::is_valid_env_name( $env_name ) && count( $fields ) < Schema::MAX_FIELDS ) {
				$fields[ $subkey ] = $env_name;
			}
		}
		return array(
			'fields'  => $fields,
			'enabled' => isset( $declared['enabled'] ) && true === $declared['enabled'],
			'label'   => isset( $declared['label'] ) && is_string( $declared['label'] ) && '' !== $declared['label'] ? mb_substr( Plain_Text::without_direction_controls( $declared['label'] ), 0, Schema::LABEL_MAX_LENGTH ) : null,
		);
	}
}
