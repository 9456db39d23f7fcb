<?php
/**
 * Bench probe: copied into the bench site's mu-plugins by scripts/bench.mjs, never part
 * of the plugin. Every request carrying `X-WPCA-Bench-Id` is logged (bench-probe.jsonl
 * beside the WordPress folder) with its server time, measured with hrtime from this file's
 * loading (mu-plugins load before any plugin) to the last `shutdown` callback, and the
 * marks of the phases it went through (plugins loaded, REST dispatch, permission check,
 * handler, response), so the bench compares what PHP spent, without the client's and the
 * HTTP server's noise.
 *
 * A request carrying `X-WPCA-Bench-Plugin: ours|one-line|none` runs with only that plugin
 * active (after a marker plugin, so WordPress's own loop times it); its log also says how
 * long loading the plugin's file took, how long the callbacks it hooked while loading ran,
 * and how many PHP files the request included.
 *
 * @package wp-coding-agents-runtimes
 */

$wpca_bench_began = hrtime( true );

if ( isset( $_SERVER['HTTP_X_WPCA_BENCH_ID'] ) ) {
	$wpca_bench_targets = array(
		'ours'     => 'wp-coding-agents-runtimes/plugin.php',
		'one-line' => 'wpca-bench-one-line/wpca-bench-one-line.php',
		'none'     => '',
	);
	$wpca_bench_variant = isset( $_SERVER['HTTP_X_WPCA_BENCH_PLUGIN'] ) ? (string) $_SERVER['HTTP_X_WPCA_BENCH_PLUGIN'] : '';
	$wpca_bench_target  = isset( $wpca_bench_targets[ $wpca_bench_variant ] ) ? $wpca_bench_targets[ $wpca_bench_variant ] : null;
	$wpca_bench_marks   = array();
	$wpca_bench_load_ns = null;
	$wpca_bench_hooks   = array();

	// Phase marks, ns since this file loaded: the first time each one is reached.
	$wpca_bench_mark = static function ( $name ) use ( &$wpca_bench_marks, $wpca_bench_began ) {
		if ( ! isset( $wpca_bench_marks[ $name ] ) ) {
			$wpca_bench_marks[ $name ] = hrtime( true ) - $wpca_bench_began;
		}
	};
	foreach ( array(
		array( 'plugins_loaded', 'plugins_loaded', PHP_INT_MIN ),
		array( 'init', 'init', PHP_INT_MIN ),
		array( 'wp_loaded', 'wp_loaded', PHP_INT_MAX ),
		array( 'rest_api_init', 'rest_api_init', PHP_INT_MIN ),
		array( 'rest_pre_dispatch', 'dispatch', PHP_INT_MIN ),
		array( 'rest_pre_dispatch', 'dispatch_hooks_done', PHP_INT_MAX ),
		array( 'rest_request_before_callbacks', 'matched_and_validated', PHP_INT_MAX ),
		array( 'rest_dispatch_request', 'permitted', PHP_INT_MIN ),
		array( 'rest_request_after_callbacks', 'handled', PHP_INT_MIN ),
		array( 'rest_post_dispatch', 'post_dispatch_done', PHP_INT_MAX ),
		array( 'template_redirect', 'template_redirect', PHP_INT_MIN ),
		array( 'shutdown', 'shutdown', PHP_INT_MIN ),
	) as list( $wpca_bench_hook, $wpca_bench_name, $wpca_bench_priority ) ) {
		add_filter(
			$wpca_bench_hook,
			static function ( $value = null ) use ( $wpca_bench_mark, $wpca_bench_name ) {
				$wpca_bench_mark( $wpca_bench_name );
				return $value;
			},
			$wpca_bench_priority
		);
	}

	if ( null !== $wpca_bench_target ) {
		$wpca_bench_marker  = 'wpca-bench-mark/wpca-bench-mark.php';
		$wpca_bench_started = 0;
		$wpca_bench_before  = array();

		add_filter(
			'pre_option_active_plugins',
			static function () use ( $wpca_bench_marker, $wpca_bench_target ) {
				return '' === $wpca_bench_target ? array( $wpca_bench_marker ) : array( $wpca_bench_marker, $wpca_bench_target );
			}
		);

		// The callbacks that appeared since the marker's plugin_loaded are the target's: each
		// is wrapped (in place, so remove_filter() still finds it) to sum the time it runs.
		$wpca_bench_wrap_new = static function () use ( &$wpca_bench_before, &$wpca_bench_hooks ) {
			foreach ( $GLOBALS['wp_filter'] as $hook => $wp_hook ) {
				foreach ( $wp_hook->callbacks as $priority => $callbacks ) {
					foreach ( $callbacks as $idx => $callback ) {
						if ( isset( $wpca_bench_before[ $hook ][ $priority ][ $idx ] ) ) {
							continue;
						}
						$original                  = $callback['function'];
						$wpca_bench_hooks[ $hook ] = 0;
						$wp_hook->callbacks[ $priority ][ $idx ]['function'] = static function ( ...$args ) use ( $original, $hook, &$wpca_bench_hooks ) {
							$started                    = hrtime( true );
							$result                     = $original( ...$args );
							$wpca_bench_hooks[ $hook ] += hrtime( true ) - $started;
							return $result;
						};
					}
				}
			}
		};

		// WordPress includes each plugin and then fires plugin_loaded: the time between the
		// marker's plugin_loaded and the target's is the target's file (and its realpath
		// record, and WordPress reading its header). Without a target the same look for new
		// callbacks runs at the marker, so the probe costs every variant alike.
		add_action(
			'plugin_loaded',
			static function ( $file ) use ( &$wpca_bench_started, &$wpca_bench_load_ns, &$wpca_bench_before, $wpca_bench_wrap_new, $wpca_bench_marker, $wpca_bench_target ) {
				$now = hrtime( true );
				if ( '' !== $wpca_bench_target && WP_PLUGIN_DIR . '/' . $wpca_bench_target === $file ) {
					$wpca_bench_load_ns = $now - $wpca_bench_started;
					$wpca_bench_wrap_new();
				}
				if ( WP_PLUGIN_DIR . '/' . $wpca_bench_marker === $file ) {
					foreach ( $GLOBALS['wp_filter'] as $hook => $wp_hook ) {
						foreach ( $wp_hook->callbacks as $priority => $callbacks ) {
							$wpca_bench_before[ $hook ][ $priority ] = $callbacks;
						}
					}
					if ( '' === $wpca_bench_target ) {
						$wpca_bench_wrap_new();
					}
					$wpca_bench_started = hrtime( true );
				}
			},
			PHP_INT_MIN
		);
	}

	add_action(
		'shutdown',
		static function () use ( &$wpca_bench_marks, &$wpca_bench_load_ns, &$wpca_bench_hooks, $wpca_bench_began, $wpca_bench_variant, $wpca_bench_target ) {
			$server_ns = hrtime( true ) - $wpca_bench_began;
			$files     = get_included_files();
			$own       = null;
			if ( null !== $wpca_bench_target ) {
				$core = realpath( ABSPATH ) . '/';
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
			}
			file_put_contents(
				dirname( ABSPATH ) . '/bench-probe.jsonl',
				wp_json_encode(
					array(
						'id'           => (string) $_SERVER['HTTP_X_WPCA_BENCH_ID'],
						'uri'          => isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '',
						'variant'      => $wpca_bench_variant,
						'server_ns'    => $server_ns,
						'marks'        => (object) $wpca_bench_marks,
						'load_ns'      => $wpca_bench_load_ns,
						'hooks_ns'     => (object) $wpca_bench_hooks,
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
