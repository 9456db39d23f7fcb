<?php
/**
 * The rules of the registry: what a change does to the state of the runtimes.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The registry's transitions, free of storage and of WordPress's request: precedence
 * (where a runtime is placed, how disabled runtimes keep their place), toggles (a disabled
 * runtime keeps its mapping), ownership (an installer declares, an admin decides:
 * apply_change()) and the limits; a change made with If-Match first passes Registry_Items'
 * conflict check. Each transition takes a state (Registry_State) and, when it records who
 * changed what, the actor (`{ source: installer|admin, user: string|null }`) the caller
 * determined; it returns `[ next state or null when nothing changes, result ]` or a
 * WP_Error made here.
 */
class Registry_Rules {

	/**
	 * Registers or replaces a runtime.
	 *
	 * @param array  $state   Current state (Registry_State::from_stored()).
	 * @param array  $actor   Who writes: `{ source, user }`.
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated `fields` (required), `enabled` (default true), `label` (kept when absent).
	 * @param array  $request See apply_change().
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function put( array $state, array $actor, string $id, array $changes, array $request = array() ) {
		$conflict = Registry_Items::conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		$changes += array( 'enabled' => true );
		$created  = ! isset( $state['runtimes'][ $id ] );
		if ( $created && count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
			return $this->too_many_runtimes();
		}
		$current = $created ? $this->new_record() : $state['runtimes'][ $id ];
		return $this->apply_change( $state, $actor, $id, $current, $changes, $created, $request );
	}

	/**
	 * Changes some properties of a runtime; an unregistered preset becomes registered
	 * with its defaults plus the change.
	 *
	 * @param array  $state   Current state (Registry_State::from_stored()).
	 * @param array  $actor   Who writes: `{ source, user }`.
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated non-empty subset of `fields`, `enabled`, `label`.
	 * @param array  $request See apply_change().
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function patch( array $state, array $actor, string $id, array $changes, array $request = array() ) {
		$conflict = Registry_Items::conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		$created = ! isset( $state['runtimes'][ $id ] );
		if ( $created ) {
			$preset = Presets::get( $id );
			if ( null === $preset ) {
				return self::not_found( $id );
			}
			if ( count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
				return $this->too_many_runtimes();
			}
			$current           = $this->new_record();
			$current['fields'] = $preset['fields'];
		} else {
			$current = $state['runtimes'][ $id ];
		}
		return $this->apply_change( $state, $actor, $id, $current, $changes, $created, $request );
	}

	/**
	 * Hands a runtime back to its installer: the admin's changes are dropped and what the
	 * installer last declared applies again.
	 *
	 * @param array  $state   Current state (Registry_State::from_stored()).
	 * @param array  $actor   Who writes: `{ source, user }`.
	 * @param string $id      Valid runtime id.
	 * @param array  $request See apply_change() (`if_match` only).
	 * @return array|WP_Error `[ next state or null, { item, created } ]`.
	 */
	public function reset( array $state, array $actor, string $id, array $request = array() ) {
		$conflict = Registry_Items::conflict( $state, $id, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			return self::not_found( $id );
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
		return $this->apply_change( $state, $actor, $id, $current, $current['declared'], false, array( 'force' => true ) );
	}

	/**
	 * Registers, with source `adopted`, an entry other code adds to the filter. Checked
	 * under the lock: an id registered here meanwhile is never overwritten.
	 *
	 * @param array  $state  Current state (Registry_State::from_stored()).
	 * @param array  $actor  Who adopts: `{ source, user }`.
	 * @param string $id     Valid runtime id.
	 * @param array  $fields Validated fields, as the other code declares them.
	 * @return array|WP_Error `[ next state or null, { item, created } ]`; `wpca_adopt_conflict` (409)
	 *                        when the id is registered here with another mapping or disabled.
	 */
	public function adopt( array $state, array $actor, string $id, array $fields ) {
		if ( isset( $state['runtimes'][ $id ] ) ) {
			$current = $state['runtimes'][ $id ];
			if ( $current['enabled'] && $current['fields'] === $fields ) {
				return array(
					null,
					array(
						'item'    => Registry_Items::item_in( $state, $id ),
						'created' => false,
					),
				);
			}
			return Signature_Rules::error(
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
		$outcome = $this->put( $state, $actor, $id, array( 'fields' => $fields ) );
		if ( is_wp_error( $outcome ) ) {
			return $outcome;
		}
		list( $next, $result )             = $outcome;
		$next['runtimes'][ $id ]['source'] = 'adopted';
		$result['item']                    = Registry_Items::item_in( $next, $id );
		return array( $next, $result );
	}

	/**
	 * Unregisters a runtime: a preset returns to its unregistered default, anything else disappears.
	 *
	 * @param array  $state Current state (Registry_State::from_stored()).
	 * @param string $id    Valid runtime id.
	 * @param array  $request See apply_change() (`if_match` only).
	 * @return array|WP_Error `[ next state or null, { deleted, previous } ]`.
	 */
	public function delete( array $state, string $id, array $request = array() ) {
		$conflict = Registry_Items::conflict( $state, $id, $request );
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
		$previous = Registry_Items::item_in( $state, $id );
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
	 * @param array    $state Current state (Registry_State::from_stored()).
	 * @param string[] $order Every registered id, each once.
	 * @param array    $request See apply_change() (`if_match` only, against Registry_Items::order_etag()).
	 * @return array|WP_Error `[ next state or null, items ]`.
	 */
	public function reorder( array $state, array $order, array $request = array() ) {
		$conflict = Registry_Items::order_conflict( $state, $request );
		if ( null !== $conflict ) {
			return $conflict;
		}
		$registered = $state['order'];
		$same_set   = count( $order ) === count( $registered )
			&& count( array_unique( $order ) ) === count( $order )
			&& array() === array_diff( $order, $registered );
		if ( ! $same_set ) {
			return Signature_Rules::invalid_order();
		}
		if ( $order === $registered ) {
			return array( null, Registry_Items::items_of( $state ) );
		}
		$state['order'] = array_values( $order );
		return array( $state, Registry_Items::items_of( $state ) );
	}

	/**
	 * Keeps only the valid entries and pairs of the published option.
	 *
	 * @param array $state Current state (Registry_State::from_stored()).
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
	 * @param array  $actor   Who writes: `{ source: installer|admin, user }`.
	 * @param string $id      Runtime id.
	 * @param array  $current Its current record (or a new one).
	 * @param array  $changes Validated changes.
	 * @param bool   $created Whether the runtime is being registered now.
	 * @param array  $request `{ force?: bool, if_match?: string[] }`.
	 * @return array `[ next state or null, { item, created } ]`.
	 */
	private function apply_change( array $state, array $actor, string $id, array $current, array $changes, bool $created, array $request = array() ): array {
		if ( array_key_exists( 'label', $changes ) && '' === $changes['label'] ) {
			$changes['label'] = null;
		}
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
					'item'    => Registry_Items::item_in( $state, $id ),
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
				'item'    => Registry_Items::item_in( $state, $id ),
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
	 * The `wpca_too_many_runtimes` error.
	 *
	 * @return WP_Error
	 */
	private function too_many_runtimes(): WP_Error {
		return Signature_Rules::error(
			'wpca_too_many_runtimes',
			'id',
			sprintf(
				/* translators: %d: maximum number of runtimes. */
				__( 'Too many runtimes: at most %d can be registered; delete one first.', 'wp-coding-agents-runtimes' ),
				Schema::MAX_RUNTIMES
			)
		);
	}

	/**
	 * The `wpca_runtime_not_found` error (404).
	 *
	 * @param string $id Runtime id.
	 * @return WP_Error
	 */
	public static function not_found( string $id ): WP_Error {
		return new WP_Error(
			'wpca_runtime_not_found',
			/* translators: %s: runtime id. */
			sprintf( __( 'No runtime "%s" is registered.', 'wp-coding-agents-runtimes' ), $id ),
			array( 'status' => 404 )
		);
	}
}
