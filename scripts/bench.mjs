#!/usr/bin/env node
/**
 * `npm run bench`: what this plugin costs, as ratios against baselines measured in the
 * same run (these machines are noisy, so absolute times mean little).
 *
 * 1. The filter DMC calls, in one PHP process: our publisher (stored option, parsed and
 *    validated on every call) against a callback returning a hard-coded array — the
 *    cheapest alternative, a generated mu-plugin file.
 * 2. REST over HTTP on the native test site: our routes against a core route of similar
 *    weight (`GET /wp/v2/types/post`), requests interleaved so both see the same noise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/common.mjs';

const NAME = 'bench-site';
const PORT = 8891;
const ROUNDS = Number( process.env.WPCA_BENCH_ROUNDS || 40 );

execFileSync(
	'node',
	[
		'scripts/test-site.mjs',
		'start',
		'--name',
		NAME,
		'--port',
		String( PORT ),
	],
	{ cwd: ROOT, stdio: 'inherit' }
);
const site = JSON.parse(
	fs.readFileSync( path.join( ROOT, '.cache', NAME, 'site.json' ), 'utf8' )
);
const wpPhp = ( code ) =>
	execFileSync(
		'php',
		[
			path.join( ROOT, 'scripts', 'lib', 'wp-eval.php' ),
			site.wpDir,
			site.url,
		],
		{ input: code, encoding: 'utf8' }
	);
const auth =
	'Basic ' +
	Buffer.from( `admin:${ site.users.admin.appPassword }` ).toString(
		'base64'
	);

async function request( method, route, body ) {
	const started = process.hrtime.bigint();
	const response = await fetch( `${ site.restUrl }${ route }`, {
		method,
		headers: { Authorization: auth, 'Content-Type': 'application/json' },
		body: body ? JSON.stringify( body ) : undefined,
	} );
	await response.arrayBuffer();
	if ( response.status >= 300 ) {
		throw new Error(
			`${ method } ${ route } answered ${ response.status }`
		);
	}
	return Number( process.hrtime.bigint() - started ) / 1e6;
}

const median = ( values ) =>
	[ ...values ].sort( ( a, b ) => a - b )[ Math.floor( values.length / 2 ) ];

/**
 * Median ms of each candidate, measured in alternation with the baseline.
 * @param {() => Promise<number>}                 baseline   Timed baseline request.
 * @param {Record<string, () => Promise<number>>} candidates Timed requests by name.
 */
async function compare( baseline, candidates ) {
	const times = {
		baseline: [],
		...Object.fromEntries(
			Object.keys( candidates ).map( ( k ) => [ k, [] ] )
		),
	};
	for ( let round = 0; round < ROUNDS; round++ ) {
		times.baseline.push( await baseline() );
		for ( const [ name, run ] of Object.entries( candidates ) ) {
			times[ name ].push( await run() );
		}
	}
	return Object.fromEntries(
		Object.entries( times ).map( ( [ k, v ] ) => [ k, median( v ) ] )
	);
}

const rows = [];
try {
	// 1. The filter, in-process, with the two presets and with the 64-runtime maximum.
	const filterBench = ( runtimes ) =>
		JSON.parse(
			wpPhp( `
		$fields = array( 'session_id' => 'X_SESSION_ID', 'thread_id' => 'X_THREAD_ID', 'thread_url' => 'X_THREAD_URL' );
		$signatures = array();
		for ( $i = 1; $i <= ${ runtimes }; $i++ ) { $signatures[ 'runtime-' . $i ] = $fields; }
		update_option( 'datamachine_code_worktree_runtime_signatures', $signatures, false );
		add_filter( 'wpca_bench_hardcoded', function ( $value ) use ( $signatures ) { return $value + $signatures; } );
		$time = function ( $hook ) {
			$best = INF;
			for ( $round = 0; $round < 7; $round++ ) {
				$start = hrtime( true );
				for ( $i = 0; $i < 2000; $i++ ) { apply_filters( $hook, array() ); }
				$best = min( $best, ( hrtime( true ) - $start ) / 2000 );
			}
			return $best / 1000; // microseconds per call
		};
		$baseline = $time( 'wpca_bench_hardcoded' );
		$ours     = $time( 'datamachine_code_worktree_runtime_signatures' );
		delete_option( 'datamachine_code_worktree_runtime_signatures' );
		echo wp_json_encode( array( 'baseline' => $baseline, 'ours' => $ours ) );
	` )
		);
	for ( const runtimes of [ 2, 64 ] ) {
		const { baseline, ours } = filterBench( runtimes );
		rows.push( [
			`filter call, ${ runtimes } runtimes (µs)`,
			'hard-coded mu-plugin callback',
			baseline,
			ours,
		] );
	}

	// 2. REST over HTTP.
	await request( 'PUT', 'wp-coding-agents/v1/runtimes/kimaki', {
		fields: { session_id: 'KIMAKI_SESSION_ID' },
	} );
	let toggle = false;
	const http = await compare( () => request( 'GET', 'wp/v2/types/post' ), {
		'GET /runtimes': () => request( 'GET', 'wp-coding-agents/v1/runtimes' ),
		'GET /signatures': () =>
			request( 'GET', 'wp-coding-agents/v1/signatures' ),
		'PUT /runtimes/kimaki (unchanged)': () =>
			request( 'PUT', 'wp-coding-agents/v1/runtimes/kimaki', {
				fields: { session_id: 'KIMAKI_SESSION_ID' },
			} ),
		'PATCH /runtimes/kimaki (toggle)': () =>
			request( 'PATCH', 'wp-coding-agents/v1/runtimes/kimaki', {
				enabled: ( toggle = ! toggle ),
			} ),
	} );
	for ( const [ name, ms ] of Object.entries( http ) ) {
		if ( name !== 'baseline' ) {
			rows.push( [
				`${ name } (ms, median of ${ ROUNDS })`,
				'GET /wp/v2/types/post',
				http.baseline,
				ms,
			] );
		}
	}
} finally {
	execFileSync( 'node', [ 'scripts/test-site.mjs', 'stop', '--name', NAME ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
}

process.stdout.write(
	'\nmeasure | baseline | baseline value | ours | ratio\n--- | --- | ---: | ---: | ---:\n'
);
for ( const [ measure, baseline, base, ours ] of rows ) {
	process.stdout.write(
		`${ measure } | ${ baseline } | ${ base.toFixed( 2 ) } | ${ ours.toFixed( 2 ) } | ${ ( ours / base ).toFixed( 2 ) }x\n`
	);
}
