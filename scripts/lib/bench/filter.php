<?php
/**
 * Bench: one call of DMC's filter against a callback returning a hard-coded array (what a
 * generated mu-plugin costs), in one PHP process with the bench site's WordPress and the
 * plugin loaded. Run through scripts/lib/wp-eval.php by scripts/bench.mjs with
 * `$wpca_bench = array( 'runtimes' => N, 'subkeys' => N|null (null: the presets), 'rounds', 'calls' )`.
 * Prints `{ baseline: µs[], ours: µs[] }`, one figure per round, rounds alternating.
 *
 * @package wp-coding-agents-runtimes
 */

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

$wpca_bench_signatures = array();
if ( null === $wpca_bench['subkeys'] ) {
	foreach ( Presets::ids() as $wpca_bench_id ) {
		$wpca_bench_signatures[ $wpca_bench_id ] = Presets::get( $wpca_bench_id )['fields'];
	}
} else {
	for ( $wpca_bench_r = 1; $wpca_bench_r <= $wpca_bench['runtimes']; $wpca_bench_r++ ) {
		for ( $wpca_bench_k = 1; $wpca_bench_k <= $wpca_bench['subkeys']; $wpca_bench_k++ ) {
			$wpca_bench_signatures[ 'runtime-' . $wpca_bench_r ][ 'key_' . $wpca_bench_k ] = 'RUNTIME_' . $wpca_bench_r . '_KEY_' . $wpca_bench_k;
		}
	}
}
update_option( Signature_Store::OPTION, $wpca_bench_signatures, false );
add_filter(
	'wpca_bench_hardcoded',
	static function ( $value ) use ( $wpca_bench_signatures ) {
		return $value + $wpca_bench_signatures;
	}
);
if ( apply_filters( Filter_Publisher::HOOK, array() ) !== $wpca_bench_signatures || apply_filters( 'wpca_bench_hardcoded', array() ) !== $wpca_bench_signatures ) {
	fwrite( STDERR, "The filter does not publish the bench's signatures.\n" );
	exit( 1 );
}

$wpca_bench_time  = static function ( $hook ) use ( $wpca_bench ) {
	$start = hrtime( true );
	for ( $i = 0; $i < $wpca_bench['calls']; $i++ ) {
		apply_filters( $hook, array() );
	}
	return ( hrtime( true ) - $start ) / $wpca_bench['calls'] / 1000;
};
$wpca_bench_times = array(
	'baseline' => array(),
	'ours'     => array(),
);
for ( $wpca_bench_round = 0; $wpca_bench_round < $wpca_bench['rounds']; $wpca_bench_round++ ) {
	$wpca_bench_order = 0 === $wpca_bench_round % 2 ? array( 'baseline', 'ours' ) : array( 'ours', 'baseline' );
	foreach ( $wpca_bench_order as $wpca_bench_which ) {
		$wpca_bench_times[ $wpca_bench_which ][] = $wpca_bench_time( 'baseline' === $wpca_bench_which ? 'wpca_bench_hardcoded' : Filter_Publisher::HOOK );
	}
}
delete_option( Signature_Store::OPTION );
echo wp_json_encode( $wpca_bench_times );
