<?php
/**
 * The defaults among the catalogue's runtimes.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * The defaults: the catalogue's runtimes that are listed among the runtimes before anyone
 * registers them (kimaki, opencode), each with its signature. Their data lives in the
 * catalogue (Known_Runtimes); the other catalogue runtimes (Claude Code, Codex, goose…)
 * exist on a site only once someone adds them.
 */
class Presets {

	/**
	 * Presets in their default precedence order (kimaki ahead of opencode).
	 *
	 * @return array<string, array{label: string, fields: array<string, string>}>
	 */
	public static function all(): array {
		static $presets = null;
		if ( null !== $presets ) {
			return $presets;
		}
		$presets = array();
		foreach ( Known_Runtimes::SIGNATURES as $id => $signature ) {
			if ( $signature['default'] ) {
				$presets[ $id ] = array(
					'label'  => $signature['label'],
					'fields' => $signature['fields'],
				);
			}
		}
		return $presets;
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
