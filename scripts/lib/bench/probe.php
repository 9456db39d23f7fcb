<?php
/**
 * Bench probe: copied into the bench site's mu-plugins by scripts/bench.mjs, never part
 * of the plugin. A request carrying `X-WPCA-Bench-Plugin: ours|one-line|none` runs with
 * only that plugin active (after a marker plugin, so WordPress's own loop times it), and
 * logs how long loading the plugin's file took and how many PHP files the request included.
 *
 * @package wp-coding-agents-runtimes
 */

// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- bench fixture on a local site.

$wpca_bench_targets = array(
	'ours'     => 'wp-coding-agents-runtimes/plugin.php',
	'one-line' => 'wpca-bench-one-line/wpca-bench-one-line.php',
	'none'     => '',
);
$wpca_bench_variant = isset( $_SERVER['HTTP_X_WPCA_BENCH_PLUGIN'] ) ? (string) $_SERVER['HTTP_X_WPCA_BENCH_PLUGIN'] : '';

if ( isset( $wpca_bench_targets[ $wpca_bench_variant ] ) ) {
	$wpca_bench_target  = $wpca_bench_targets[ $wpca_bench_variant ];
	$wpca_bench_mark    = 'wpca-bench-mark/wpca-bench-mark.php';
	$wpca_bench_started = 0;
	$wpca_bench_load_ns = null;

	add_filter(
		'pre_option_active_plugins',
		static function () use ( $wpca_bench_mark, $wpca_bench_target ) {
			return '' === $wpca_bench_target ? array( $wpca_bench_mark ) : array( $wpca_bench_mark, $wpca_bench_target );
		}
	);

	// WordPress includes each plugin and then fires plugin_loaded: the time between the
	// marker's plugin_loaded and the target's is the target's file (and its realpath record).
	add_action(
		'plugin_loaded',
		static function ( $file ) use ( &$wpca_bench_started, &$wpca_bench_load_ns, $wpca_bench_mark, $wpca_bench_target ) {
			$now = hrtime( true );
			if ( '' !== $wpca_bench_target && WP_PLUGIN_DIR . '/' . $wpca_bench_target === $file ) {
				$wpca_bench_load_ns = $now - $wpca_bench_started;
			}
			if ( WP_PLUGIN_DIR . '/' . $wpca_bench_mark === $file ) {
				$wpca_bench_started = hrtime( true );
			}
		},
		PHP_INT_MIN
	);

	add_action(
		'shutdown',
		static function () use ( &$wpca_bench_load_ns, $wpca_bench_variant, $wpca_bench_target ) {
			$files      = get_included_files();
			$core       = realpath( ABSPATH ) . '/';
			// The same work for every variant (none counts in this plugin's folder), so the
			// probe costs each variant alike.
			$counted    = '' === $wpca_bench_target ? 'wp-coding-agents-runtimes/plugin.php' : $wpca_bench_target;
			$plugin_dir = realpath( WP_PLUGIN_DIR . '/' . dirname( $counted ) ) . '/';
			// This plugin's folder holds the bench site (.cache/), whose core files are not the
			// plugin's, and the test sites' router (scripts/), which php -S runs for every request.
			$within_core = 0 === strpos( $plugin_dir, $core );
			$tooling     = $plugin_dir . 'scripts/';
			$own         = 0;
			foreach ( $files as $file ) {
				if ( 0 === strpos( $file, $plugin_dir ) && ( $within_core || 0 !== strpos( $file, $core ) ) && 0 !== strpos( $file, $tooling ) ) {
					++$own;
				}
			}
			file_put_contents(
				dirname( ABSPATH ) . '/bench-probe.jsonl',
				wp_json_encode(
					array(
						'id'           => isset( $_SERVER['HTTP_X_WPCA_BENCH_ID'] ) ? (string) $_SERVER['HTTP_X_WPCA_BENCH_ID'] : '',
						'uri'          => isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '',
						'variant'      => $wpca_bench_variant,
						'load_ns'      => $wpca_bench_load_ns,
						'files'        => count( $files ),
						'plugin_files' => $own,
					)
				) . "\n",
				FILE_APPEND | LOCK_EX
			);
		},
		PHP_INT_MAX
	);
}
