<?php
/**
 * What a registry state looks like to its clients: items, entity tags and If-Match.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Pure views of a state (Registry_State): each runtime as an item (REST\Runtimes_Controller::get_item_schema();
 * an unregistered preset as its defaults) with its ETag, the ETag of the precedence order,
 * and the If-Match check against them (`wpca_conflict`, 412, with what is stored now), so a
 * change never overwrites one made since the client read it.
 */
class Registry_Items {

	/**
	 * Items of a state, in precedence order, then unregistered presets.
	 *
	 * @param array $state State.
	 * @return array[]
	 */
	public static function items_of( array $state ): array {
		$items = array();
		foreach ( $state['order'] as $id ) {
			$items[] = self::item_in( $state, $id );
		}
		foreach ( Presets::ids() as $id ) {
			if ( ! isset( $state['runtimes'][ $id ] ) ) {
				$items[] = self::item_in( $state, $id );
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
	public static function item_in( array $state, string $id ): ?array {
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
	 * ETag of the precedence order (PUT /order's If-Match; GET /runtimes answers it).
	 *
	 * @param array $state State.
	 * @return string
	 */
	public static function order_etag( array $state ): string {
		return substr( md5( wp_json_encode( $state['order'] ) ), 0, 16 );
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
	 * Conflict detection: a request made with `If-Match` fails when the runtime changed since
	 * the ETag was read (by anyone: another admin, an installer, other code).
	 *
	 * @param array  $state   State.
	 * @param string $id      Runtime id.
	 * @param array  $request `{ if_match?: string[] }`.
	 * @return WP_Error|null `wpca_conflict` (412) carrying the current item, or null.
	 */
	public static function conflict( array $state, string $id, array $request ): ?WP_Error {
		if ( ! isset( $request['if_match'] ) ) {
			return null;
		}
		$item = self::item_in( $state, $id );
		if ( null !== $item && self::matches( $request['if_match'], $item['etag'], $item['registered'] ) ) {
			return null;
		}
		return self::conflict_error(
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
	 * @param string[] $if_match `[ '*' ]` (the wildcard), or the header's strong tags without their quotes.
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
	private static function conflict_error( string $message, ?array $current ): WP_Error {
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
	 * Conflict detection for the precedence order (PUT /order with If-Match).
	 *
	 * @param array $state   State.
	 * @param array $request `{ if_match?: string[] }`.
	 * @return WP_Error|null `wpca_conflict` (412) carrying the current items, or null.
	 */
	public static function order_conflict( array $state, array $request ): ?WP_Error {
		if ( ! isset( $request['if_match'] ) || self::matches( $request['if_match'], self::order_etag( $state ), true ) ) {
			return null;
		}
		return self::conflict_error( __( 'The order changed since it was loaded; nothing was saved.', 'wp-coding-agents-runtimes' ), self::items_of( $state ) );
	}
}
