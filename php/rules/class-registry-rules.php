<?php
/**
 * The rules of the registry: what a change does to the state of the runtimes.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The state model and its transitions, free of storage: precedence (where a runtime is
 * placed, how disabled runtimes keep their place), toggles (a disabled runtime keeps its
 * mapping), ownership (an installer declares, an admin decides: apply_change()),
 * revisions and ETags (conflict detection for If-Match), who changed what when, and the
 * limits. A state is
 * `{ order: string[], runtimes: id => record, invalid: key => entry, problems: array }`,
 * stored (Signature_Record) as two values:
 * - the published option: the enabled runtimes in DMC's shape, in precedence order, then
 *   the entries this plugin cannot read (kept until repaired);
 * - the metadata option: the full order (disabled runtimes included), labels, enabled
 *   flags, the fields of disabled runtimes and who changed what when.
 * Each transition returns `[ next state or null when nothing changes, result ]` or a WP_Error.
 */
class Registry_Rules {

	public const META_VERSION = 1;

	/**
	 * Registers or replaces a runtime.
	 *
	 * @param array  $state   Current state (state_of()).
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated `fields` (required), `enabled` (default true), `label` (kept when absent).
	 * @param array  $request See apply_change().
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function put( array $state, string $id, array $changes, array $request = array() ) {
		$conflict = $this->conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		$changes += array( 'enabled' => true );
		$created  = ! isset( $state['runtimes'][ $id ] );
		if ( $created && count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
			return $this->too_many_runtimes();
		}
		$current = $created ? $this->new_record() : $state['runtimes'][ $id ];
		return $this->apply_change( $state, $id, $current, $changes, $created, $request );
	}

	/**
	 * Changes some properties of a runtime; an unregistered preset becomes registered
	 * with its defaults plus the change.
	 *
	 * @param array  $state   Current state (state_of()).
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated non-empty subset of `fields`, `enabled`, `label`.
	 * @param array  $request See apply_change().
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function patch( array $state, string $id, array $changes, array $request = array() ) {
		$conflict = $this->conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
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
		return $this->apply_change( $state, $id, $current, $changes, $created, $request );
	}

	/**
	 * Hands a runtime back to its installer: the admin's changes are dropped and what the
	 * installer last declared applies again.
	 *
	 * @param array  $state   Current state (state_of()).
	 * @param string $id      Valid runtime id.
	 * @param array  $request See apply_change() (`if_match` only).
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function reset( array $state, string $id, array $request = array() ) {
		$conflict = $this->conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			return Signature_Store::not_found( $id );
		}
		$current = $state['runtimes'][ $id ];
		if ( null === $current['declared'] ) {
			return new WP_Error(
				'wpca_nothing_declared',
				/* translators: %s: runtime id. */
				sprintf( __( 'No installer has declared runtime "%s": there is nothing to reset it to.', 'wp-coding-agents-runtimes' ), $id ),
				array( 'status' => 409 )
			);
		}
		return $this->apply_change( $state, $id, $current, $current['declared'], false, array( 'force' => true ) );
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
	public function adopt( array $state, string $id, array $fields ) {
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
	 * @param array  $request See apply_change() (`if_match` only).
	 * @return array|WP_Error `[ next state or null, { deleted, previous } ]`.
	 */
	public function delete( array $state, string $id, array $request = array() ) {
		$conflict = $this->conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
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
	 * @param array    $request See apply_change() (`if_match` only, against order_etag()).
	 * @return array|WP_Error `[ next state or null, items ]`.
	 */
	public function reorder( array $state, array $order, array $request = array() ) {
		if ( isset( $request['if_match'] ) && ! self::matches( $request['if_match'], $this->order_etag( $state ), true ) ) {
			return $this->conflict_error( __( 'The order changed since it was loaded; nothing was saved.', 'wp-coding-agents-runtimes' ), $this->items_of( $state ) );
		}
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
	public function repair( array $state ): array {
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
	 * Ownership: an installer declares, an admin decides. A write authenticated by an
	 * Application Password (an installer) updates the runtime's declaration (`declared`)
	 * and changes each property only where the admin has not overridden it; any other
	 * write (the admin screen) changes the properties and marks those that now differ from
	 * the declaration as overridden. `force` (an installer taking over deliberately, or a
	 * reset) makes the declaration apply to every property it names.
	 *
	 * @param array  $state   Current state.
	 * @param string $id      Runtime id.
	 * @param array  $current Its current record (or a new one).
	 * @param array  $changes Validated changes.
	 * @param bool   $created Whether the runtime is being registered now.
	 * @param array  $request `{ force?: bool, if_match?: string[] }`.
	 * @return array `[ next state or null, { item, created } ]`.
	 */
	private function apply_change( array $state, string $id, array $current, array $changes, bool $created, array $request = array() ): array {
		if ( array_key_exists( 'label', $changes ) && '' === $changes['label'] ) {
			$changes['label'] = null;
		}
		$actor = Signature_Store::current_actor();
		$force = ! empty( $request['force'] );
		$next  = $current;
		if ( 'installer' === $actor['source'] || $force ) {
			if ( 'installer' === $actor['source'] ) {
				$next['declared'] = array_merge( null === $current['declared'] ? self::properties_of( $current ) : $current['declared'], $changes );
			}
			foreach ( $changes as $property => $value ) {
				if ( $force ) {
					$next['overridden'] = array_values( array_diff( $next['overridden'], array( $property ) ) );
				}
				if ( ! in_array( $property, $next['overridden'], true ) ) {
					$next[ $property ] = $value;
				}
			}
		} else {
			foreach ( $changes as $property => $value ) {
				$next[ $property ]   = $value;
				$follows_declaration = null !== $next['declared'] && $next['declared'][ $property ] === $value;
				$next['overridden']  = array_values( array_diff( $next['overridden'], array( $property ) ) );
				if ( ! $follows_declaration ) {
					$next['overridden'][] = $property;
				}
			}
		}
		$next['overridden'] = array_values( array_intersect( Schema::RUNTIME_PROPERTIES, $next['overridden'] ) );

		$unchanged = ! $created
			&& self::properties_of( $next ) === self::properties_of( $current )
			&& $next['declared'] === $current['declared']
			&& $next['overridden'] === $current['overridden'];
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
		$next['source']     = $actor['source'];
		$next['updated_by'] = $actor['user'];
		$next['updated_at'] = gmdate( 'c' );
		++$next['revision'];

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
	 * The properties a declaration or an override is about.
	 *
	 * @param array $record Record.
	 * @return array{fields: array, enabled: bool, label: string|null}
	 */
	private static function properties_of( array $record ): array {
		return array(
			'fields'  => $record['fields'],
			'enabled' => $record['enabled'],
			'label'   => $record['label'],
		);
	}

	/**
	 * Conflict detection: a request made with `If-Match` fails when the runtime changed since
	 * the ETag was read (by anyone: another admin, an installer, other code).
	 *
	 * @param array  $state   State.
	 * @param string $id      Runtime id.
	 * @param array  $request `{ if_match?: string[] }`.
	 * @return WP_Error|null `wpca_conflict` (412) carrying the current item, or null.
	 */
	private function conflict( array $state, string $id, array $request ): ?WP_Error {
		if ( ! isset( $request['if_match'] ) ) {
			return null;
		}
		$item = $this->item_in( $state, $id );
		if ( null !== $item && self::matches( $request['if_match'], $item['etag'], $item['registered'] ) ) {
			return null;
		}
		return $this->conflict_error(
			null === $item || ! $item['registered']
				/* translators: %s: runtime id. */
				? sprintf( __( 'Runtime "%s" was unregistered since it was loaded; nothing was saved.', 'wp-coding-agents-runtimes' ), $id )
				: sprintf(
					/* translators: 1: runtime id, 2: who changed it, 3: when (ISO 8601). */
					__( 'Runtime "%1$s" was changed by %2$s at %3$s since it was loaded; nothing was saved.', 'wp-coding-agents-runtimes' ),
					$id,
					null !== $item['updated_by'] ? $item['updated_by'] . ' (' . $item['source'] . ')' : $item['source'],
					null !== $item['updated_at'] ? $item['updated_at'] : '?'
				),
			$item
		);
	}

	/**
	 * Whether an If-Match list names an ETag (`*` matches anything that exists).
	 *
	 * @param string[] $if_match Entity tags from the header, quotes and W/ stripped.
	 * @param string   $etag     Current ETag.
	 * @param bool     $exists   Whether the resource exists.
	 * @return bool
	 */
	private static function matches( array $if_match, string $etag, bool $exists ): bool {
		return in_array( $etag, $if_match, true ) || ( $exists && in_array( '*', $if_match, true ) );
	}

	/**
	 * The `wpca_conflict` error (412), with what is stored now.
	 *
	 * @param string     $message Message.
	 * @param array|null $current The current item (or item list, for the order).
	 * @return WP_Error
	 */
	private function conflict_error( string $message, ?array $current ): WP_Error {
		return new WP_Error(
			'wpca_conflict',
			$message,
			array(
				'status'  => 412,
				'current' => $current,
			)
		);
	}

	/**
	 * ETag of the precedence order (PUT /order's If-Match; GET /runtimes answers it).
	 *
	 * @param array $state State.
	 * @return string
	 */
	public function order_etag( array $state ): string {
		return substr( md5( wp_json_encode( $state['order'] ) ), 0, 16 );
	}

	/**
	 * A record for a runtime being registered now.
	 *
	 * @return array
	 */
	private function new_record(): array {
		return array(
			'fields'     => array(),
			'enabled'    => true,
			'label'      => null,
			'source'     => 'admin',
			'updated_at' => null,
			'updated_by' => null,
			'declared'   => null,
			'overridden' => array(),
			'revision'   => 0,
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
	public function state_of( array $published, $meta ): array {
		$meta = $this->parse_meta( $meta );

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
	 * @param array $state State from state_of(), changed.
	 * @return array{published: array, meta: array}
	 */
	public function stored_values_of( array $state ): array {
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
	private function parse_meta( $stored ): array {
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
			$label          = isset( $record['label'] ) && is_string( $record['label'] ) && '' !== $record['label'] ? $record['label'] : null;
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
			if ( Schema::is_valid_subkey( $subkey ) && Schema::is_valid_env_name( $env_name ) && count( $fields ) < Schema::MAX_FIELDS ) {
				$fields[ $subkey ] = $env_name;
			}
		}
		return array(
			'fields'  => $fields,
			'enabled' => isset( $declared['enabled'] ) && true === $declared['enabled'],
			'label'   => isset( $declared['label'] ) && is_string( $declared['label'] ) && '' !== $declared['label'] ? mb_substr( $declared['label'], 0, Schema::LABEL_MAX_LENGTH ) : null,
		);
	}

	/**
	 * Items of a state, in precedence order, then unregistered presets.
	 *
	 * @param array $state State.
	 * @return array[]
	 */
	public function items_of( array $state ): array {
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
	public function item_in( array $state, string $id ): ?array {
		$preset = Presets::get( $id );
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			if ( null === $preset ) {
				return null;
			}
			return self::with_etag(
				array(
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
					'declared'   => null,
					'overridden' => array(),
					'revision'   => 0,
				)
			);
		}
		$record = $state['runtimes'][ $id ];
		$label  = $record['label'];
		if ( null === $label ) {
			$label = null !== $preset ? $preset['label'] : $id;
		}
		$declared = $record['declared'];
		if ( null !== $declared && null === $declared['label'] ) {
			$declared['label'] = null !== $preset ? $preset['label'] : $id;
		}
		return self::with_etag(
			array(
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
				'declared'   => $declared,
				// Only the admin's changes that still differ from the declaration.
				'overridden' => null === $record['declared'] ? array() : array_values(
					array_filter(
						$record['overridden'],
						static function ( $property ) use ( $record, $label, $declared ) {
							// Labels compare as shown: saving the default label is no change of it.
							return 'label' === $property ? $label !== $declared['label'] : $record[ $property ] !== $record['declared'][ $property ];
						}
					)
				),
				'revision'   => $record['revision'],
			)
		);
	}

	/**
	 * Adds the item's ETag: a digest of what is stored for it, so any change (also one other
	 * code makes to DMC's option) changes it. The collision flag depends on other plugins'
	 * filters, not on what is stored, and is left out.
	 *
	 * @param array $item Item.
	 * @return array
	 */
	private static function with_etag( array $item ): array {
		$stored = $item;
		unset( $stored['collision'] );
		$item['etag'] = substr( md5( wp_json_encode( $stored ) ), 0, 16 );
		return $item;
	}

	/**
	 * The `wpca_too_many_runtimes` error.
	 *
	 * @return WP_Error
	 */
	private function too_many_runtimes(): WP_Error {
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
