<?php
/**
 * The rules of the registry: what a change does to the state of the runtimes.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The state model and its transitions, free of storage: precedence (where a runtime is
 * placed, how disabled runtimes keep their place), toggles (a disabled runtime keeps its
 * mapping), who changed what when, and the limits. A state is
 * `{ order: string[], runtimes: id => record, invalid: key => entry, problems: array }`,
 * stored (Signature_Record) as two values:
 * - the published option: the enabled runtimes in DMC's shape, in precedence order, then
 *   the entries this plugin cannot read (kept until repaired);
 * - the metadata option: the full order (disabled runtimes included), labels, enabled
 *   flags, the fields of disabled runtimes and who changed what when.
 * Each transition returns `[ next state or null when nothing changes, result ]` or a WP_Error.
 */
class Registry_Rules {

	const META_VERSION = 1;

	/**
	 * Registers or replaces a runtime.
	 *
	 * @param array  $state   Current state (state_of()).
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated `fields` (required), `enabled` (default true), `label` (kept when absent).
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function put( array $state, $id, array $changes ) {
		$changes += array( 'enabled' => true );
		$created = ! isset( $state['runtimes'][ $id ] );
		if ( $created && count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
			return $this->too_many_runtimes();
		}
		$current = $created ? $this->new_record() : $state['runtimes'][ $id ];
		return $this->apply_change( $state, $id, $current, $changes, $created );
	}

	/**
	 * Changes some properties of a runtime; an unregistered preset becomes registered
	 * with its defaults plus the change.
	 *
	 * @param array  $state   Current state (state_of()).
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated non-empty subset of `fields`, `enabled`, `label`.
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function patch( array $state, $id, array $changes ) {
		$created = ! isset( $state['runtimes'][ $id ] );
		if ( $created ) {
			$preset = Presets::get( $id );
			if ( null === $preset ) {
				return Signature_Store::not_found( $id );
			}
			if ( count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
				return $this->too_many_runtimes();
			}
			$current           = $this->new_record();
			$current['fields'] = $preset['fields'];
		} else {
			$current = $state['runtimes'][ $id ];
		}
		return $this->apply_change( $state, $id, $current, $changes, $created );
	}

	/**
	 * Registers, with source `adopted`, an entry other code adds to the filter. Checked
	 * under the lock: an id registered here meanwhile is never overwritten.
	 *
	 * @param array  $state  Current state (state_of()).
	 * @param string $id     Valid runtime id.
	 * @param array  $fields Validated fields, as the other code declares them.
	 * @return array|WP_Error `[ next state or null, { item, created } ]`; `wpca_adopt_conflict` (409)
	 *                        when the id is registered here with another mapping or disabled.
	 */
	public function adopt( array $state, $id, array $fields ) {
		if ( isset( $state['runtimes'][ $id ] ) ) {
			$current = $state['runtimes'][ $id ];
			if ( $current['enabled'] && $current['fields'] === $fields ) {
				return array(
					null,
					array(
						'item'    => $this->item_in( $state, $id ),
						'created' => false,
					),
				);
			}
			return Schema::error(
				'wpca_adopt_conflict',
				'id',
				sprintf(
					/* translators: %s: runtime id. */
					__( 'Cannot adopt "%s": a runtime with this id is already registered here with another mapping (or disabled). Edit or delete that registration first; nothing was changed.', 'wp-coding-agents-runtimes' ),
					$id
				),
				409
			);
		}
		$outcome = $this->put( $state, $id, array( 'fields' => $fields ) );
		if ( is_wp_error( $outcome ) ) {
			return $outcome;
		}
		list( $next, $result )             = $outcome;
		$next['runtimes'][ $id ]['source'] = 'adopted';
		$result['item']                    = $this->item_in( $next, $id );
		return array( $next, $result );
	}

	/**
	 * Unregisters a runtime: a preset returns to its unregistered default, anything else disappears.
	 *
	 * @param array  $state Current state (state_of()).
	 * @param string $id    Valid runtime id.
	 * @return array `[ next state or null, { deleted, previous } ]`.
	 */
	public function delete( array $state, $id ) {
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			return array(
				null,
				array(
					'deleted'  => false,
					'previous' => null,
				),
			);
		}
		$previous = $this->item_in( $state, $id );
		unset( $state['runtimes'][ $id ] );
		$state['order'] = array_values( array_diff( $state['order'], array( $id ) ) );
		return array(
			$state,
			array(
				'deleted'  => true,
				'previous' => $previous,
			),
		);
	}

	/**
	 * Sets the precedence order.
	 *
	 * @param array    $state Current state (state_of()).
	 * @param string[] $order Every registered id, each once.
	 * @return array|WP_Error `[ next state or null, items ]`.
	 */
	public function reorder( array $state, array $order ) {
		$registered = $state['order'];
		$same_set   = count( $order ) === count( $registered )
			&& count( array_unique( $order ) ) === count( $order )
			&& array() === array_diff( $order, $registered );
		if ( ! $same_set ) {
			return Schema::invalid_order();
		}
		if ( $order === $registered ) {
			return array( null, $this->items_of( $state ) );
		}
		$state['order'] = array_values( $order );
		return array( $state, $this->items_of( $state ) );
	}

	/**
	 * Keeps only the valid entries and pairs of the published option.
	 *
	 * @param array $state Current state (state_of()).
	 * @return array `[ next state or null, true ]`.
	 */
	public function repair( array $state ) {
		if ( array() === $state['problems'] ) {
			return array( null, true );
		}
		foreach ( $state['runtimes'] as $id => $record ) {
			unset( $state['runtimes'][ $id ]['raw'] );
		}
		$state['invalid'] = array();
		return array( $state, true );
	}

	/**
	 * Applies validated changes to one runtime, unless they change nothing.
	 *
	 * @param array  $state   Current state.
	 * @param string $id      Runtime id.
	 * @param array  $current Its current record (or a new one).
	 * @param array  $changes Validated changes.
	 * @param bool   $created Whether the runtime is being registered now.
	 * @return array `[ next state or null, { item, created } ]`.
	 */
	private function apply_change( array $state, $id, array $current, array $changes, $created ) {
		$next = $current;
		if ( array_key_exists( 'fields', $changes ) ) {
			$next['fields'] = $changes['fields'];
		}
		if ( array_key_exists( 'enabled', $changes ) ) {
			$next['enabled'] = $changes['enabled'];
		}
		if ( array_key_exists( 'label', $changes ) ) {
			$next['label'] = '' === $changes['label'] ? null : $changes['label'];
		}

		$unchanged = ! $created
			&& $next['fields'] === $current['fields']
			&& $next['enabled'] === $current['enabled']
			&& $next['label'] === $current['label'];
		if ( $unchanged ) {
			return array(
				null,
				array(
					'item'    => $this->item_in( $state, $id ),
					'created' => false,
				),
			);
		}

		if ( $next['fields'] !== $current['fields'] || $next['enabled'] !== $current['enabled'] ) {
			// What gets published changes: the stored entry is rewritten from the validated fields.
			unset( $next['raw'] );
		}
		$actor              = Signature_Store::current_actor();
		$next['source']     = $actor['source'];
		$next['updated_by'] = $actor['user'];
		$next['updated_at'] = gmdate( 'c' );

		$state['runtimes'][ $id ] = $next;
		if ( $created ) {
			$state['order'] = Presets::place( $id, $state['order'] );
		}
		return array(
			$state,
			array(
				'item'    => $this->item_in( $state, $id ),
				'created' => $created,
			),
		);
	}

	/**
	 * A record for a runtime being registered now.
	 *
	 * @return array
	 */
	private function new_record() {
		return array(
			'fields'     => array(),
			'enabled'    => true,
			'label'      => null,
			'source'     => 'admin',
			'updated_at' => null,
			'updated_by' => null,
		);
	}

	/**
	 * Merges both stored values into one state: the published option is the truth for
	 * enabled runtimes; a valid entry found there without metadata has source `external`.
	 *
	 * @param array $published The published option, parsed (Published_Option_Reader::parse()).
	 * @param mixed $meta      The stored metadata option.
	 * @return array{order: string[], runtimes: array, invalid: array, problems: array}
	 */
	public function state_of( array $published, $meta ) {
		$meta = $this->parse_meta( $meta );

		$runtimes = array();
		foreach ( $published['valid'] as $id => $fields ) {
			$record             = isset( $meta[ $id ] ) ? $meta[ $id ] : array(
				'label'      => null,
				'source'     => 'external',
				'updated_at' => null,
				'updated_by' => null,
			);
			$record['fields']   = $fields;
			$record['enabled']  = true;
			$record['raw']      = $published['raw'][ $id ];
			$runtimes[ $id ]    = $record;
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
	 * @param array $state State from state_of(), changed.
	 * @return array{published: array, meta: array}
	 */
	public function stored_values_of( array $state ) {
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
	private function parse_meta( $stored ) {
		$records = array();
		if ( ! is_array( $stored ) || ! isset( $stored['runtimes'] ) || ! is_array( $stored['runtimes'] ) ) {
			return $records;
		}
		foreach ( $stored['runtimes'] as $id => $record ) {
			if ( ! Schema::is_valid_id( $id ) || ! is_array( $record ) ) {
				continue;
			}
			$fields = array();
			if ( isset( $record['fields'] ) && is_array( $record['fields'] ) ) {
				foreach ( $record['fields'] as $subkey => $env_name ) {
					if ( Schema::is_valid_subkey( $subkey ) && Schema::is_valid_env_name( $env_name ) && count( $fields ) < Schema::MAX_FIELDS ) {
						$fields[ $subkey ] = $env_name;
					}
				}
			}
			$label           = isset( $record['label'] ) && is_string( $record['label'] ) && '' !== $record['label'] ? $record['label'] : null;
			$source          = isset( $record['source'] ) && in_array( $record['source'], array( 'installer', 'admin', 'external', 'adopted' ), true ) ? $record['source'] : 'external';
			$records[ $id ] = array(
				'label'      => null !== $label ? mb_substr( $label, 0, Schema::LABEL_MAX_LENGTH ) : null,
				'enabled'    => isset( $record['enabled'] ) && true === $record['enabled'],
				'fields'     => $fields,
				'source'     => $source,
				'updated_at' => isset( $record['updated_at'] ) && is_string( $record['updated_at'] ) ? $record['updated_at'] : null,
				'updated_by' => isset( $record['updated_by'] ) && is_string( $record['updated_by'] ) ? $record['updated_by'] : null,
			);
		}
		return $records;
	}

	/**
	 * Items of a state, in precedence order, then unregistered presets.
	 *
	 * @param array $state State.
	 * @return array[]
	 */
	public function items_of( array $state ) {
		$items = array();
		foreach ( $state['order'] as $id ) {
			$items[] = $this->item_in( $state, $id );
		}
		foreach ( Presets::ids() as $id ) {
			if ( ! isset( $state['runtimes'][ $id ] ) ) {
				$items[] = $this->item_in( $state, $id );
			}
		}
		return $items;
	}

	/**
	 * One item of a state.
	 *
	 * @param array  $state State.
	 * @param string $id    Runtime id.
	 * @return array|null
	 */
	public function item_in( array $state, $id ) {
		$preset = Presets::get( $id );
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			if ( null === $preset ) {
				return null;
			}
			return array(
				'id'         => $id,
				'label'      => $preset['label'],
				'fields'     => $preset['fields'],
				'enabled'    => false,
				'registered' => false,
				'preset'     => true,
				'source'     => 'preset',
				'updated_at' => null,
				'updated_by' => null,
				'collision'  => false,
			);
		}
		$record = $state['runtimes'][ $id ];
		$label  = $record['label'];
		if ( null === $label ) {
			$label = null !== $preset ? $preset['label'] : $id;
		}
		return array(
			'id'         => $id,
			'label'      => $label,
			'fields'     => $record['fields'],
			'enabled'    => $record['enabled'],
			'registered' => true,
			'preset'     => null !== $preset,
			'source'     => $record['source'],
			'updated_at' => $record['updated_at'],
			'updated_by' => $record['updated_by'],
			'collision'  => false,
		);
	}

	/**
	 * The `wpca_too_many_runtimes` error.
	 *
	 * @return WP_Error
	 */
	private function too_many_runtimes() {
		return Schema::error(
			'wpca_too_many_runtimes',
			'id',
			sprintf(
				/* translators: %d: maximum number of runtimes. */
				__( 'Too many runtimes: at most %d can be registered; delete one first.', 'wp-coding-agents-runtimes' ),
				Schema::MAX_RUNTIMES
			)
		);
	}
}
