<?php
/**
 * Notices, once per request, code other than this plugin applying DMC's filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * `has_filter()` only tells who *adds* entries; a consumer is code that *applies* the
 * filter. An observer at the lowest priority looks at who called `apply_filters()` and,
 * once it has seen a caller outside this plugin, records its file and line and is
 * unhooked: DMC's calls after that pay nothing, and the publisher's own callback is left
 * alone. What it can honestly tell is limited to the current request; DMC applies the
 * filter in the process that creates a worktree or takes a lock (usually WP-CLI).
 */
final class Filter_Consumer_Probe {

	/**
	 * The first caller outside this plugin: `{ file, line }` relative to ABSPATH, or null.
	 *
	 * @var array{file: string, line: int}|null
	 */
	private ?array $first_other_caller = null;

	/**
	 * Looks at who applied the filter (Plugin::observe_filter_caller() calls this at the
	 * lowest priority).
	 *
	 * @return bool True once a caller outside this plugin was seen: the observer may unhook.
	 */
	public function observe(): bool {
		if ( null !== $this->first_other_caller ) {
			return true;
		}
		// phpcs:ignore Generic.PHP.ForbiddenFunctions.Found, WordPress.PHP.DevelopmentFunctions.error_log_debug_backtrace -- who applied the filter; bounded depth, no arguments.
		foreach ( debug_backtrace( DEBUG_BACKTRACE_IGNORE_ARGS, 8 ) as $frame ) {
			if ( 'apply_filters' !== $frame['function'] || isset( $frame['class'] ) || ! isset( $frame['file'] ) ) {
				continue;
			}
			$file = wp_normalize_path( $frame['file'] );
			// The plugin's own calls (the publisher's effective(), the REST routes) come from php/.
			if ( 0 === strpos( $file, wp_normalize_path( dirname( WPCA_RUNTIMES_FILE ) ) . '/php/' ) ) {
				return false;
			}
			$this->first_other_caller = array(
				'file' => self::relative_path( $file ),
				'line' => isset( $frame['line'] ) ? (int) $frame['line'] : 0,
			);
			return true;
		}
		return false;
	}

	/**
	 * What this request saw.
	 *
	 * @return array{applied_in_request: int, applied_by_other_code: bool, first_other_caller: array|null}
	 */
	public function report(): array {
		return array(
			'applied_in_request'    => did_filter( Filter_Publisher::HOOK ),
			'applied_by_other_code' => null !== $this->first_other_caller,
			'first_other_caller'    => $this->first_other_caller,
		);
	}

	/**
	 * A path relative to the WordPress root when it lies inside it.
	 *
	 * @param string $file Normalised absolute path.
	 * @return string
	 */
	private static function relative_path( string $file ): string {
		$root = wp_normalize_path( ABSPATH );
		return 0 === strpos( $file, $root ) ? substr( $file, strlen( $root ) ) : $file;
	}
}
