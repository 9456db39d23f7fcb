<?php
/**
 * DMC's filter, run once per request the way WordPress runs it, with other code isolated.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use Closure;
use ReflectionException;
use ReflectionFunction;
use ReflectionMethod;
use Throwable;
use WP_Hook;

defined( 'ABSPATH' ) || exit;

/**
 * Everything the plugin tells about `datamachine_code_worktree_runtime_signatures` — what
 * DMC receives, where our entries do not take effect, which code declares each entry,
 * which callbacks fail — comes from one run of its callbacks, in the order WordPress runs
 * them, kept for the rest of the request (every REST route, the screen's preloaded reads
 * and Site Health share it). Other code's callbacks are neighbours, not trusted:
 * - each one is called at most once per request for a given input (a later run, after
 *   this plugin's entries changed, calls only those whose input changed);
 * - a Throwable it throws, a PHP warning it raises or output it prints is caught and
 *   reported (`failures`), naming the file and line defining the callback, and the chain
 *   goes on with the value it was given; DMC's own calls of the filter are left exactly as
 *   WordPress makes them (an exception there still reaches DMC).
 * This plugin's own callbacks (plugin.php, php/) are not called: the publisher's effect is
 * computed from the map it publishes (Filter_Publisher::append()), and the consumer probe
 * passes the value through. A callback that calls `exit` cannot be isolated in-process.
 *
 * Each callback runs once on the value before it, so a callback running after this
 * plugin's that sets an entry to exactly the value this plugin published cannot be told
 * from one passing it through: it is named as declaring the entry once the two differ.
 */
class Filter_Inspector {

	/**
	 * The last run: its key (the callbacks hooked, the site), the published map it ran
	 * with, and its result.
	 *
	 * @var array{key: string, published: array, result: array}|null
	 */
	private ?array $kept = null;

	/**
	 * The last outcome of each of other code's callbacks, by its place on the hook, with
	 * the input it had: `{ input, outcome }` (see call_isolated()).
	 *
	 * @var array<string, array>
	 */
	private array $outcomes = array();

	/**
	 * Whether a run is under way (a callback looking at the filter through this plugin).
	 *
	 * @var bool
	 */
	private bool $running = false;

	/**
	 * What DMC receives with `$published` as this plugin's entries, computed once per
	 * request for the callbacks hooked now.
	 *
	 * @param array<string, array<string, string>> $published What this plugin publishes.
	 * @return array{signatures: mixed, collisions: array[], declarers: array<string, array[]>, failures: array[]}
	 *         `collisions` `{ id, ours, theirs }` (theirs null when a later callback removed
	 *         ours); `declarers` id => the other code's callbacks adding or changing it
	 *         (`{ file, line, priority, callback }`); `failures` `{ code, declared_by, detail }`
	 *         (code `wpca_callback_threw`, `wpca_callback_warned`, `wpca_callback_printed` or
	 *         `wpca_callback_not_map`).
	 */
	public function inspect( array $published ): array {
		$key = $this->key();
		if ( null !== $this->kept && $key === $this->kept['key'] && $published === $this->kept['published'] ) {
			return $this->kept['result'];
		}
		if ( $this->running ) {
			// Reached from inside a callback: its caller reports the exception as that callback's failure.
			throw new \LogicException( 'A callback of DMC\'s filter asked for the filter\'s value while it was being computed.' );
		}
		$this->running = true;
		try {
			$result = $this->run( $published );
		} finally {
			$this->running = false;
		}
		$this->kept = array(
			'key'       => $key,
			'published' => $published,
			'result'    => $result,
		);
		return $result;
	}

	/**
	 * Forgets the kept run (the next inspect() runs the callbacks again, reusing the
	 * outcomes of those whose input is unchanged).
	 */
	public function forget(): void {
		$this->kept = null;
	}

	/**
	 * One run over the callbacks.
	 *
	 * @param array<string, array<string, string>> $published What this plugin publishes.
	 * @return array See inspect().
	 */
	private function run( array $published ): array {
		global $wp_filter;
		$value      = array();
		$collisions = array();
		$declarers  = array();
		$failures   = array();
		$hook       = isset( $wp_filter[ Filter_Publisher::HOOK ] ) ? $wp_filter[ Filter_Publisher::HOOK ] : null;
		$callbacks  = $hook instanceof WP_Hook ? $hook->callbacks : array();
		foreach ( $callbacks as $priority => $at_priority ) {
			foreach ( $at_priority as $index => $callback ) {
				$where = self::describe( $callback['function'], (int) $priority );
				if ( self::is_ours( $where ) ) {
					// The publisher is the closure in plugin.php; the consumer probe passes the value through.
					if ( null !== $where['file'] && wp_normalize_path( self::absolute( $where['file'] ) ) === wp_normalize_path( WPCA_RUNTIMES_FILE ) ) {
						foreach ( $published as $id => $fields ) {
							if ( is_array( $value ) && array_key_exists( $id, $value ) ) {
								$collisions[ $id ] = array(
									'id'     => $id,
									'ours'   => $fields,
									'theirs' => $value[ $id ],
								);
							}
						}
						$value = Filter_Publisher::append( $published, $value );
					}
					continue;
				}
				$outcome = $this->call_isolated( $priority . ':' . $index, $callback, $value );
				foreach ( $outcome['failures'] as $failure ) {
					$failures[] = array( 'declared_by' => $where ) + $failure;
				}
				if ( ! is_array( $outcome['value'] ) ) {
					if ( is_array( $value ) ) {
						$failures[] = array(
							'code'        => 'wpca_callback_not_map',
							'declared_by' => $where,
							'detail'      => Foreign_Value::describe( $outcome['value'] ),
						);
					}
				} else {
					foreach ( $outcome['value'] as $id => $entry ) {
						if ( ! is_array( $value ) || ! array_key_exists( $id, $value ) || $value[ $id ] !== $entry ) {
							$declarers[ (string) $id ][] = $where;
						}
					}
				}
				$value = $outcome['value'];
			}
		}
		// Ours that a later callback changed or removed, or that never reached the chain.
		$output = is_array( $value ) ? $value : array();
		foreach ( $published as $id => $fields ) {
			$theirs = array_key_exists( $id, $output ) ? $output[ $id ] : null;
			if ( ! isset( $collisions[ $id ] ) && $theirs !== $fields ) {
				$collisions[ $id ] = array(
					'id'     => $id,
					'ours'   => $fields,
					'theirs' => $theirs,
				);
			}
		}
		return array(
			'signatures' => $value,
			'collisions' => array_values( $collisions ),
			'declarers'  => $declarers,
			'failures'   => $failures,
		);
	}

	/**
	 * Calls one of other code's callbacks as WordPress would (with the value, or nothing when
	 * it accepts no argument), catching what it throws, raises or prints. An earlier outcome
	 * for the same input is reused, so no callback runs twice on one value in a request.
	 *
	 * @param string $slot     The callback's place on the hook (`priority:index`, WordPress's unique id).
	 * @param array  $callback `{ function, accepted_args }` from WP_Hook.
	 * @param mixed  $value    The value so far.
	 * @return array{value: mixed, failures: array[]} Its result (the value given, when it threw).
	 */
	private function call_isolated( string $slot, array $callback, $value ): array {
		// The same input is usually the very same array (the previous callback's reused
		// output), which PHP compares at once.
		if ( isset( $this->outcomes[ $slot ] ) && $this->outcomes[ $slot ]['callback'] === $callback['function'] && $this->outcomes[ $slot ]['input'] === $value ) {
			return $this->outcomes[ $slot ]['outcome'];
		}
		$failures = array();
		$warnings = array();
		// phpcs:ignore Generic.PHP.ForbiddenFunctions.Found, WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- isolating other code's warnings, reported as findings.
		set_error_handler(
			static function ( $level, $message, $file, $line ) use ( &$warnings ) {
				if ( ! ( error_reporting() & $level ) ) {
					return false;
				}
				$warnings[] = sprintf( '%s (%s:%d)', $message, self::relative( (string) $file ), $line );
				return true;
			}
		);
		$level = ob_get_level();
		ob_start();
		try {
			$result = 0 === (int) $callback['accepted_args'] ? call_user_func( $callback['function'] ) : call_user_func( $callback['function'], $value );
		} catch ( Throwable $thrown ) {
			$result     = $value;
			$failures[] = array(
				'code'   => 'wpca_callback_threw',
				'detail' => sprintf( '%s: %s (%s:%d)', get_class( $thrown ), $thrown->getMessage(), self::relative( $thrown->getFile() ), $thrown->getLine() ),
			);
		} finally {
			$printed = '';
			while ( ob_get_level() > $level ) {
				$printed .= (string) ob_get_clean();
			}
			restore_error_handler();
		}
		if ( array() !== $warnings ) {
			$failures[] = array(
				'code'   => 'wpca_callback_warned',
				'detail' => implode( '; ', array_slice( $warnings, 0, 3 ) ) . ( count( $warnings ) > 3 ? sprintf( '; … (%d in all)', count( $warnings ) ) : '' ),
			);
		}
		if ( '' !== $printed ) {
			$failures[] = array(
				'code'   => 'wpca_callback_printed',
				'detail' => (string) strlen( $printed ),
			);
		}
		$outcome                 = array(
			'value'    => $result,
			'failures' => $failures,
		);
		$this->outcomes[ $slot ] = array(
			'callback' => $callback['function'],
			'input'    => $value,
			'outcome'  => $outcome,
		);
		return $outcome;
	}

	/**
	 * What the kept run depends on besides the published map: the site, and which
	 * callbacks are hooked where (WordPress keys each by a unique id).
	 *
	 * @return string
	 */
	private function key(): string {
		global $wp_filter;
		$key = (string) get_current_blog_id();
		if ( isset( $wp_filter[ Filter_Publisher::HOOK ] ) && $wp_filter[ Filter_Publisher::HOOK ] instanceof WP_Hook ) {
			foreach ( $wp_filter[ Filter_Publisher::HOOK ]->callbacks as $priority => $callbacks ) {
				foreach ( $callbacks as $index => $callback ) {
					$key .= "|$priority:$index:" . (int) $callback['accepted_args'];
				}
			}
		}
		return $key;
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
		$file   = wp_normalize_path( self::absolute( $where['file'] ) );
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
			if ( is_array( $callback ) && isset( $callback[0], $callback[1] ) ) {
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
			'callback' => Foreign_Value::text( $name ),
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

	/**
	 * An absolute path from relative().
	 *
	 * @param string $file Path.
	 * @return string
	 */
	private static function absolute( string $file ): string {
		return path_is_absolute( $file ) ? $file : ABSPATH . $file;
	}
}
