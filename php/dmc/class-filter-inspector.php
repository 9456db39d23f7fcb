<?php
/**
 * Which code adds each entry to DMC's filter, and in which file.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use Closure;
use ReflectionException;
use ReflectionFunction;
use ReflectionMethod;

defined( 'ABSPATH' ) || exit;

/**
 * Runs the callbacks of `datamachine_code_worktree_runtime_signatures` one by one, in the
 * order WordPress runs them, and notes which callback added or changed each entry (or sets
 * it when run alone on an empty value); PHP's Reflection then tells the file and line that
 * defines that callback. Filter callbacks are expected to be free of side effects; this
 * plugin's own (plugin.php, php/) are not run and never named.
 */
class Filter_Inspector {

	/**
	 * Entries declared by code other than this plugin: id => the callbacks that added or
	 * changed it, in the order they ran.
	 *
	 * @return array<string, array[]> Each declarer `{ file, line, priority, callback }`; `file` is
	 *                                relative to ABSPATH when inside it, null when unknown.
	 */
	public function foreign_declarers(): array {
		global $wp_filter;
		if ( ! isset( $wp_filter[ Filter_Publisher::HOOK ] ) ) {
			return array();
		}
		$declarers = array();
		$value     = array();
		foreach ( $wp_filter[ Filter_Publisher::HOOK ]->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$where = self::describe( $callback['function'], (int) $priority );
				// This plugin's own callbacks (the publisher, the consumer probe) are skipped, not
				// run: what they add is ours, and a later callback setting the same entry still
				// shows as adding it.
				if ( self::is_ours( $where ) ) {
					continue;
				}
				$before = $value;
				// WordPress passes the one value the filter was called with, or nothing.
				$value = 0 === (int) $callback['accepted_args'] ? call_user_func( $callback['function'] ) : call_user_func( $callback['function'], $value );
				// Declared: added or changed in the chain, or (when it sets what is already
				// there, e.g. what this plugin published before it) present when run alone.
				$alone    = 0 === (int) $callback['accepted_args'] ? $value : call_user_func( $callback['function'], array() );
				$declared = is_array( $alone ) ? array_keys( $alone ) : array();
				if ( is_array( $value ) ) {
					foreach ( $value as $id => $entry ) {
						if ( ! is_array( $before ) || ! array_key_exists( $id, $before ) || $before[ $id ] !== $entry ) {
							$declared[] = $id;
						}
					}
				}
				foreach ( array_unique( array_map( 'strval', $declared ) ) as $id ) {
					$declarers[ $id ][] = $where;
				}
			}
		}
		return $declarers;
	}

	/**
	 * Whether a callback is this plugin's own: defined in plugin.php or php/.
	 *
	 * @param array $where describe() output.
	 * @return bool
	 */
	private static function is_ours( array $where ): bool {
		if ( null === $where['file'] ) {
			return false;
		}
		$file   = wp_normalize_path( path_is_absolute( $where['file'] ) ? $where['file'] : ABSPATH . $where['file'] );
		$plugin = wp_normalize_path( WPCA_RUNTIMES_FILE );
		return $file === $plugin || 0 === strpos( $file, dirname( $plugin ) . '/php/' );
	}

	/**
	 * Where a callback is defined (also used for the callbacks of `wpca_runtime_catalogue`).
	 *
	 * @param mixed $callback Callback.
	 * @param int   $priority Its priority on the hook.
	 * @return array{file: string|null, line: int|null, priority: int, callback: string}
	 */
	public static function describe( $callback, int $priority ): array {
		$name       = 'unknown';
		$reflection = null;
		try {
			if ( is_string( $callback ) && false !== strpos( $callback, '::' ) ) {
				$callback = explode( '::', $callback, 2 );
			}
			if ( is_array( $callback ) ) {
				$class      = is_object( $callback[0] ) ? get_class( $callback[0] ) : (string) $callback[0];
				$name       = $class . '::' . $callback[1];
				$reflection = new ReflectionMethod( $callback[0], $callback[1] );
			} elseif ( $callback instanceof Closure ) {
				$name       = 'Closure';
				$reflection = new ReflectionFunction( $callback );
			} elseif ( is_string( $callback ) ) {
				$name       = $callback;
				$reflection = new ReflectionFunction( $callback );
			} elseif ( is_object( $callback ) ) {
				$name       = get_class( $callback ) . '::__invoke';
				$reflection = new ReflectionMethod( $callback, '__invoke' );
			}
		} catch ( ReflectionException $exception ) {
			$reflection = null;
		}
		$file = null !== $reflection ? $reflection->getFileName() : false;
		return array(
			'file'     => false === $file ? null : self::relative( $file ),
			'line'     => null !== $reflection && false !== $reflection->getStartLine() ? $reflection->getStartLine() : null,
			'priority' => $priority,
			'callback' => $name,
		);
	}

	/**
	 * A path relative to the WordPress root when inside it.
	 *
	 * @param string $file Absolute path.
	 * @return string
	 */
	private static function relative( string $file ): string {
		$file = wp_normalize_path( $file );
		$root = trailingslashit( wp_normalize_path( ABSPATH ) );
		return 0 === strpos( $file, $root ) ? substr( $file, strlen( $root ) ) : $file;
	}
}
