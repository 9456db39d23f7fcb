<?php
/**
 * The runtimes this plugin knows out of the box.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * Preset runtime signatures. The only place vendor names live in PHP: Data Machine
 * Code names no runtime itself, the integration layer does.
 */
class Presets {

	/**
	 * Presets in their default precedence order (kimaki ahead of opencode).
	 *
	 * @return array<string, array{label: string, fields: array<string, string>}>
	 */
	public static function all(): array {
		return array(
			'kimaki'   => array(
				'label'  => 'Kimaki',
				'fields' => array(
					'session_id' => 'KIMAKI_SESSION_ID',
					'thread_id'  => 'KIMAKI_THREAD_ID',
					'thread_url' => 'KIMAKI_THREAD_URL',
				),
			),
			'opencode' => array(
				'label'  => 'OpenCode',
				'fields' => array(
					'session_id' => 'OPENCODE_SESSION_ID',
					'run_id'     => 'OPENCODE_RUN_ID',
				),
			),
		);
	}

	/**
	 * Preset ids in default order.
	 *
	 * @return string[]
	 */
	public static function ids(): array {
		return array_keys( self::all() );
	}

	/**
	 * Whether an id names a preset.
	 *
	 * @param mixed $id Runtime id.
	 * @return bool
	 */
	public static function is_preset( $id ): bool {
		return is_string( $id ) && array_key_exists( $id, self::all() );
	}

	/**
	 * One preset, or null.
	 *
	 * @param string $id Runtime id.
	 * @return array{label: string, fields: array<string, string>}|null
	 */
	public static function get( string $id ): ?array {
		return self::is_preset( $id ) ? self::all()[ $id ] : null;
	}

	/**
	 * Where a new registration goes: a preset is inserted ahead of the first registered
	 * preset that follows it in the default order; anything else is appended.
	 *
	 * @param string   $id    Runtime id being registered.
	 * @param string[] $order Registered ids in precedence order.
	 * @return string[] The order with $id placed.
	 */
	public static function place( string $id, array $order ): array {
		$order    = array_values( $order );
		$defaults = self::ids();
		$rank     = array_search( $id, $defaults, true );
		if ( false !== $rank ) {
			$later_presets = array_slice( $defaults, $rank + 1 );
			foreach ( $order as $position => $registered_id ) {
				if ( in_array( $registered_id, $later_presets, true ) ) {
					array_splice( $order, $position, 0, array( $id ) );
					return $order;
				}
			}
		}
		$order[] = $id;
		return $order;
	}
}
