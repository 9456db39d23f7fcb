#!/usr/bin/env node
/**
 * `npm run bench`: what this plugin costs, each figure a ratio against a baseline
 * measured in the same run, alternating (these machines are shared and noisy, so
 * absolute times mean little):
 *
 * 1. DMC's filter, in one PHP process: the publisher against a callback returning a
 *    hard-coded array, with the two presets and with 64 runtimes × 16 subkeys.
 * 2. Bootstrap, on a front-end page: the plugin file's load time and the time its file and
 *    callbacks ran (hrtime inside PHP), and the PHP files the request includes, against a
 *    one-line plugin.
 * 3. A front-end page and `GET /wp/v2/settings` with the plugin active against inactive,
 *    with 95% confidence intervals, timed at the client and in PHP; and the plugin's own
 *    code's share of the same requests.
 * 4. `GET /runtimes`, `GET /signatures`, `POST /attribution/preview` against
 *    `GET /wp/v2/settings`, the closest core settings route: at the client, in PHP, and in
 *    PHP from the REST dispatch on.
 *
 * Every HTTP request is logged by the probe (scripts/lib/bench/probe.php) with its phases;
 * their medians go to the JSON file's `profile`.
 * 5. The admin screen in Chromium, navigation to first usable toggle, against core's
 *    Settings → General submit button; and a click on a publish toggle until its new state
 *    shows and until the server confirmed it, against a save of Settings → General until
 *    "Settings saved." shows: on the native stack and on Playground (`npm start`, on
 *    WPCA_PORT).
 * 6. The admin app's gzipped JavaScript and CSS.
 *
 * Writes docs/bench.json and regenerates the table in docs/performance.md from it
 * (scripts/bench-table.mjs).
 * `--quick` (fewer rounds, no Playground; under a minute) writes artifacts/bench-quick.json
 * and leaves docs/performance.md alone. `--no-playground` skips Playground in a full run.
 * Ports: WPCA_BENCH_PORT (native site, default 8891), WPCA_PORT (Playground, default 8888).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ROOT,
	ensureBuild,
	ensureSystemPackages,
	killGroup,
	waitFor,
	assertPortFree,
} from './lib/common.mjs';
import { alternate, median, pairedRatio } from './lib/bench/stats.mjs';
import { measureActions, measureScreens } from './lib/bench/browser.mjs';
import { renderTable, updateTable } from './bench-table.mjs';
import { BUNDLE_BUDGETS, gzippedKB } from './bundle-size.mjs';

const args = process.argv.slice( 2 );
const QUICK = args.includes( '--quick' );
const PLAYGROUND = ! QUICK && ! args.includes( '--no-playground' );
const ROUNDS = {
	filter: QUICK ? 31 : 61,
	http: QUICK ? 20 : 200,
	browser: QUICK ? 5 : 9,
	playground: 9,
};
const NAME = 'bench-site';
const PORT = Number( process.env.WPCA_BENCH_PORT || 8891 );
// Playground runs as `npm start` does, on its port (WPCA_PORT), so a checkout with its own
// port range measures beside another's.
const PLAYGROUND_PORT = Number( process.env.WPCA_PORT || 8888 );
const OUTPUT = QUICK
	? path.join( ROOT, 'artifacts', 'bench-quick.json' )
	: path.join( ROOT, 'docs', 'bench.json' );
const began = Date.now();

// The screens are measured in the full browser (the tests use only its headless shell).
ensureSystemPackages( [ '--full-chromium' ] );
ensureBuild();
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
const siteDir = path.join( ROOT, '.cache', NAME );
const site = JSON.parse(
	fs.readFileSync( path.join( siteDir, 'site.json' ), 'utf8' )
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
const adminAuth =
	'Basic ' +
	Buffer.from( `admin:${ site.users.admin.appPassword }` ).toString(
		'base64'
	);

/**
 * The bench's fixtures in the bench site: the probe (mu-plugin), a marker plugin and a
 * one-line plugin for it, and a minimal classic theme so the front end renders a page.
 */
function installFixtures() {
	const content = path.join( site.wpDir, 'wp-content' );
	fs.copyFileSync(
		path.join( ROOT, 'scripts', 'lib', 'bench', 'probe.php' ),
		path.join( content, 'mu-plugins', 'wpca-bench-probe.php' )
	);
	const plugin = ( slug, code ) => {
		fs.mkdirSync( path.join( content, 'plugins', slug ), {
			recursive: true,
		} );
		fs.writeFileSync(
			path.join( content, 'plugins', slug, `${ slug }.php` ),
			code
		);
	};
	plugin(
		'wpca-bench-mark',
		'<?php\n// Bench marker: the next plugin is timed.\n'
	);
	plugin(
		'wpca-bench-one-line',
		"<?php add_filter( 'wpca_bench_one_line', '__return_true' );\n"
	);
	const theme = path.join( content, 'themes', 'wpca-bench' );
	fs.mkdirSync( theme, { recursive: true } );
	fs.writeFileSync(
		path.join( theme, 'style.css' ),
		'/*\nTheme Name: Bench\n*/\n'
	);
	fs.writeFileSync(
		path.join( theme, 'index.php' ),
		`<!DOCTYPE html><html <?php language_attributes(); ?>><head><?php wp_head(); ?></head><body <?php body_class(); ?>>
<?php while ( have_posts() ) { the_post(); the_title( '<h2>', '</h2>' ); the_content(); } ?>
<?php wp_footer(); ?></body></html>
`
	);
	wpPhp( "switch_theme( 'wpca-bench' );" );
}

let requestId = 0;
/**
 * One timed HTTP request; throws on an error status. The probe logs it by its id.
 * @param {string} method          Method.
 * @param {string} url             Absolute URL.
 * @param {Object} options
 * @param {Object} options.headers Extra headers.
 * @param {*}      options.body    JSON body.
 * @return {Promise<{ms: number, id: string}>} Milliseconds at the client, request id.
 */
async function timed( method, url, { headers = {}, body } = {} ) {
	const id = String( ++requestId );
	const started = process.hrtime.bigint();
	const response = await fetch( url, {
		method,
		headers: {
			'X-WPCA-Bench-Id': id,
			...( body ? { 'Content-Type': 'application/json' } : {} ),
			...headers,
		},
		body: body ? JSON.stringify( body ) : undefined,
	} );
	await response.arrayBuffer();
	if ( response.status >= 300 ) {
		throw new Error( `${ method } ${ url } answered ${ response.status }` );
	}
	return { ms: Number( process.hrtime.bigint() - started ) / 1e6, id };
}
const rest = ( route ) => `${ site.restUrl }${ route.replace( /^\//, '' ) }`;

const rows = [];
/**
 * Adds a row comparing a candidate with its baseline.
 * @param {Object} row Row fields (see scripts/bench-table.mjs).
 */
function addRow( row ) {
	rows.push( row );
	process.stdout.write(
		`  ${ row.measure }: ${ row.value.toFixed( 2 ) } vs ${ row.baselineValue.toFixed( 2 ) } ${ row.unit } = ${ row.ratio.toFixed( 2 ) }x${ row.ci ? ` (95% CI ${ row.ci[ 0 ].toFixed( 3 ) }–${ row.ci[ 1 ].toFixed( 3 ) })` : '' }\n`
	);
}

function filterRows() {
	process.stdout.write( '\nDMC filter (in one PHP process)\n' );
	const file = path.join( ROOT, 'scripts', 'lib', 'bench', 'filter.php' );
	for ( const [ label, runtimes, subkeys ] of [
		[ '2 runtimes (the presets)', 2, null ],
		[ '64 runtimes × 16 subkeys', 64, 16 ],
	] ) {
		const { baseline, ours } = JSON.parse(
			wpPhp(
				`$wpca_bench = ${ phpArray( {
					runtimes,
					subkeys,
					rounds: ROUNDS.filter,
					calls: 20000,
				} ) }; require ${ JSON.stringify( file ) };`
			)
		);
		const { ratio, ci } = pairedRatio( ours, baseline );
		addRow( {
			group: 'filter',
			measure: `one call of DMC's filter, ${ label }`,
			baseline: 'a callback returning a hard-coded array',
			unit: 'µs',
			value: median( ours ),
			baselineValue: median( baseline ),
			ratio,
			ci,
			n: ours.length,
			target: 1.2,
		} );
	}
}

function phpArray( object ) {
	return `json_decode( ${ JSON.stringify( JSON.stringify( object ) ) }, true )`;
}

const probeLog = path.join( siteDir, 'bench-probe.jsonl' );
/**
 * The probe's records (scripts/lib/bench/probe.php) of the requests since the last call.
 * @return {Map<string, Object>} Records by request id.
 */
function takeProbes() {
	const text = fs.existsSync( probeLog )
		? fs.readFileSync( probeLog, 'utf8' )
		: '';
	fs.rmSync( probeLog, { force: true } );
	return new Map(
		text
			.split( '\n' )
			.filter( Boolean )
			.map( ( line ) => JSON.parse( line ) )
			.map( ( probe ) => [ probe.id, probe ] )
	);
}

// The phases of a request, in the order PHP reaches the probe's marks.
const PHASES = [
	'plugins_loaded',
	'init',
	'wp_loaded',
	'rest_api_init',
	'dispatch',
	'dispatch_hooks_done',
	'matched_and_validated',
	'permitted',
	'handled',
	'post_dispatch_done',
	'template_redirect',
	'shutdown',
];

/**
 * Median µs of each phase between consecutive marks (from the probe's start, to the end).
 * @param {Object[]} probes Records of one variant.
 * @return {Record<string, number>} µs by `from → to`.
 */
function phases( probes ) {
	const spans = {};
	for ( const probe of probes ) {
		let from = 'start';
		let at = 0;
		for ( const mark of [ ...PHASES, 'end' ] ) {
			const now = 'end' === mark ? probe.server_ns : probe.marks[ mark ];
			if ( undefined === now ) {
				continue;
			}
			( spans[ `${ from } → ${ mark }` ] ??= [] ).push(
				( now - at ) / 1000
			);
			from = mark;
			at = now;
		}
	}
	return Object.fromEntries(
		Object.entries( spans ).map( ( [ span, values ] ) => [
			span,
			Number( median( values ).toFixed( 1 ) ),
		] )
	);
}

// Times of samples ({ms, id}) in ms: at the client; in PHP, from the probe's first line to
// the last shutdown callback (no HTTP or client noise); in PHP from the REST dispatch on
// (what differs between two routes: everything before it is the same code).
const atClient = () => ( samples ) => samples.map( ( sample ) => sample.ms );
const inPhp = ( probes ) => ( samples ) =>
	samples.map( ( sample ) => probes.get( sample.id ).server_ns / 1e6 );
const fromDispatch = ( probes ) => ( samples ) =>
	samples.map( ( sample ) => {
		const probe = probes.get( sample.id );
		return ( probe.server_ns - probe.marks.dispatch ) / 1e6;
	} );
// ns the target plugin's own code ran (its file, the callbacks it hooked while loading).
const ownNs = ( probe ) =>
	probe.load_ns +
	Object.values( probe.hooks_ns ).reduce( ( a, b ) => a + b, 0 );

const profile = {};
/**
 * Rows of a candidate against its baseline, alternated in the same rounds: the time at the
 * client, then in PHP (and any other measures asked); the phases of each go to the JSON
 * file's `profile` and to stdout.
 * @param {Object}   row      Row fields shared by the rows (group, measure, baseline, target).
 * @param {Object[]} ours     Candidate samples ({ms, id}).
 * @param {Object[]} baseline Baseline samples, same rounds.
 * @param {Map}      probes   Probe records by id.
 * @param {string}   baseName Name of the baseline in the profile.
 * @param {Array}    more     More `[ measure suffix, times of samples ]`.
 */
function addTimedRows( row, ours, baseline, probes, baseName, more = [] ) {
	for ( const [ measure, of ] of [
		[ row.measure, atClient() ],
		[ `${ row.measure }, in PHP (hrtime)`, inPhp( probes ) ],
		...more.map( ( [ suffix, times ] ) => [
			`${ row.measure }, ${ suffix }`,
			times,
		] ),
	] ) {
		const { ratio, ci } = pairedRatio( of( ours ), of( baseline ) );
		addRow( {
			...row,
			measure,
			unit: 'ms',
			value: median( of( ours ) ),
			baselineValue: median( of( baseline ) ),
			ratio,
			ci,
			n: ours.length,
		} );
	}
	for ( const [ name, samples ] of [
		[ row.measure, ours ],
		[ baseName, baseline ],
	] ) {
		if ( ! profile[ name ] ) {
			profile[ name ] = phases(
				samples.map( ( sample ) => probes.get( sample.id ) )
			);
			process.stdout.write(
				`    ${ name }, µs: ${ Object.entries( profile[ name ] )
					.map( ( [ span, us ] ) => `${ span } ${ us }` )
					.join( ', ' ) }\n`
			);
		}
	}
}

async function bootstrapRows() {
	process.stdout.write(
		'\nFront end and /wp/v2/settings, active vs inactive\n'
	);
	const page = ( variant ) => () =>
		timed( 'GET', `${ site.url }/`, {
			headers: { 'X-WPCA-Bench-Plugin': variant },
		} );
	const settings = ( variant ) => () =>
		timed( 'GET', rest( 'wp/v2/settings' ), {
			headers: {
				'X-WPCA-Bench-Plugin': variant,
				Authorization: adminAuth,
			},
		} );
	// Warm-up: the first requests fill opcache and the workers' caches.
	for ( const variant of [ 'ours', 'none', 'one-line' ] ) {
		for ( let i = 0; i < 4; i++ ) {
			await page( variant )();
			await settings( variant )();
		}
	}
	takeProbes();
	const times = await alternate(
		{
			frontOurs: page( 'ours' ),
			frontNone: page( 'none' ),
			frontOneLine: page( 'one-line' ),
			settingsOurs: settings( 'ours' ),
			settingsNone: settings( 'none' ),
			settingsOneLine: settings( 'one-line' ),
		},
		ROUNDS.http
	);
	const probes = takeProbes();
	for ( const [ measure, ours, none ] of [
		[ 'a front-end page (home)', times.frontOurs, times.frontNone ],
		[ '`GET /wp/v2/settings`', times.settingsOurs, times.settingsNone ],
	] ) {
		addTimedRows(
			{
				group: 'bootstrap',
				measure: `${ measure }, plugin active`,
				baseline: 'plugin inactive',
				target: 1.02,
			},
			ours,
			none,
			probes,
			`${ measure }, plugin inactive`
		);
		// The same requests against themselves without the plugin's own code: its direct
		// share, resolved far below the noise of comparing two sets of requests.
		const server = inPhp( probes )( ours );
		const without = ours.map(
			( sample, i ) =>
				server[ i ] - ownNs( probes.get( sample.id ) ) / 1e6
		);
		const { ratio, ci } = pairedRatio( server, without );
		addRow( {
			group: 'bootstrap',
			measure: `${ measure }, plugin active: its own code's share (hrtime in PHP)`,
			baseline: "the same requests less the plugin's file and callbacks",
			unit: 'ms',
			value: median( server ),
			baselineValue: median( without ),
			ratio,
			ci,
			n: ours.length,
			target: 1.02,
		} );
	}

	// What loading the plugin and running its callbacks cost, against a one-line plugin.
	const of = ( samples, key ) =>
		samples.map( ( sample ) => probes.get( sample.id )[ key ] );
	const own = ( samples ) =>
		samples.map( ( sample ) => ownNs( probes.get( sample.id ) ) );
	const compareProbes = ( measure, ours, oneLine, unit, scale = 1 ) => {
		const value = median( ours ) / scale;
		const baselineValue = median( oneLine ) / scale;
		addRow( {
			group: 'bootstrap',
			measure,
			baseline: 'a one-line plugin',
			unit,
			value,
			baselineValue,
			ratio: value / baselineValue,
			ci: null,
			n: ours.length,
			target: null,
		} );
	};
	compareProbes(
		'loading the plugin file, front end (hrtime in PHP)',
		of( times.frontOurs, 'load_ns' ),
		of( times.frontOneLine, 'load_ns' ),
		'µs',
		1000
	);
	for ( const [ where, ours, oneLine ] of [
		[ 'front end', times.frontOurs, times.frontOneLine ],
		[ '`GET /wp/v2/settings`', times.settingsOurs, times.settingsOneLine ],
	] ) {
		compareProbes(
			`the plugin's file and callbacks, ${ where } (hrtime in PHP)`,
			own( ours ),
			own( oneLine ),
			'µs',
			1000
		);
		const hooks = {};
		for ( const sample of ours ) {
			for ( const [ hook, ns ] of Object.entries(
				probes.get( sample.id ).hooks_ns
			) ) {
				( hooks[ hook ] ??= [] ).push( ns / 1000 );
			}
		}
		process.stdout.write(
			`    its callbacks, median µs: ${ Object.entries( hooks )
				.filter( ( [ , values ] ) => median( values ) > 0 )
				.map(
					( [ hook, values ] ) =>
						`${ hook } ${ median( values ).toFixed( 1 ) }`
				)
				.join( ', ' ) }\n`
		);
	}
	compareProbes(
		"the plugin's own PHP files a front-end page includes",
		of( times.frontOurs, 'plugin_files' ),
		of( times.frontOneLine, 'plugin_files' ),
		'files'
	);
	compareProbes(
		'PHP files a front-end page includes, in all',
		of( times.frontOurs, 'files' ),
		of( times.frontOneLine, 'files' ),
		'files'
	);
}

async function restRows() {
	process.stdout.write( '\nREST, plugin active\n' );
	for ( const id of [ 'kimaki', 'opencode' ] ) {
		await timed( 'PATCH', rest( `wp-coding-agents/v1/runtimes/${ id }` ), {
			headers: { Authorization: adminAuth },
			body: { enabled: true },
		} );
	}
	const get = ( route ) => () =>
		timed( 'GET', rest( route ), {
			headers: { Authorization: adminAuth },
		} );
	const BASELINE = '`GET /wp/v2/settings`';
	const routes = {
		[ BASELINE ]: get( 'wp/v2/settings' ),
		'`GET /runtimes`': get( 'wp-coding-agents/v1/runtimes' ),
		'`GET /signatures`': get( 'wp-coding-agents/v1/signatures' ),
		'`POST /attribution/preview`': () =>
			timed( 'POST', rest( 'wp-coding-agents/v1/attribution/preview' ), {
				headers: { Authorization: adminAuth },
				body: {
					env: {
						KIMAKI_SESSION_ID: 'bench-session',
						OPENCODE_RUN_ID: 'bench-run',
					},
				},
			} ),
	};
	for ( const run of Object.values( routes ) ) {
		await run();
		await run();
	}
	takeProbes();
	const times = await alternate( routes, ROUNDS.http );
	const probes = takeProbes();
	for ( const [ name, samples ] of Object.entries( times ) ) {
		if ( name !== BASELINE ) {
			addTimedRows(
				{
					group: 'rest',
					measure: name,
					baseline: BASELINE,
					target: 1.0,
				},
				samples,
				times[ BASELINE ],
				probes,
				`${ BASELINE } (plugin active)`,
				[
					[
						'in PHP from its dispatch on (hrtime)',
						fromDispatch( probes ),
					],
				]
			);
		}
	}
}

async function screenRows( stack, baseUrl, rounds ) {
	process.stdout.write( `\nAdmin screen in Chromium, ${ stack }\n` );
	const { screen, general } = await measureScreens( baseUrl, { rounds } );
	const { ratio, ci } = pairedRatio( screen, general );
	addRow( {
		group: 'screen',
		measure: `Tools → Agent Runtimes usable (first toggle), ${ stack }`,
		baseline: 'Settings → General usable (submit button)',
		unit: 'ms',
		value: median( screen ),
		baselineValue: median( general ),
		ratio,
		ci,
		n: screen.length,
		target: 1.2,
	} );
}

async function actionRows( stack, baseUrl, rounds ) {
	process.stdout.write( `\nAn action in Chromium, ${ stack }\n` );
	const { visible, confirmed, general } = await measureActions( baseUrl, {
		rounds,
	} );
	for ( const [ what, samples, target ] of [
		[ 'new state shown', visible, 0.25 ],
		[ 'confirmed by the server', confirmed, 1.0 ],
	] ) {
		const { ratio, ci } = pairedRatio( samples, general );
		addRow( {
			group: 'screen',
			measure: `Publish toggle click → ${ what }, ${ stack }`,
			baseline: 'Settings → General save click → "Settings saved." shown',
			unit: 'ms',
			value: median( samples ),
			baselineValue: median( general ),
			ratio,
			ci,
			n: samples.length,
			target,
		} );
	}
}

/** `npm start` (Playground) on its own site folder, measured, then stopped. */
async function playgroundRows() {
	await assertPortFree( PLAYGROUND_PORT );
	const server = spawn(
		'node',
		[
			'scripts/start.mjs',
			'--port',
			String( PLAYGROUND_PORT ),
			'--site-dir',
			path.join( ROOT, '.cache', 'bench-playground-site' ),
		],
		{ cwd: ROOT, stdio: [ 'ignore', 'pipe', 'pipe' ], detached: true }
	);
	let output = '';
	server.stdout.on( 'data', ( chunk ) => ( output += chunk ) );
	server.stderr.on( 'data', ( chunk ) => ( output += chunk ) );
	try {
		await waitFor(
			() => output.includes( 'WordPress is ready' ),
			300_000,
			'npm start (Playground)'
		);
		await screenRows(
			'Playground (`npm start`)',
			`http://127.0.0.1:${ PLAYGROUND_PORT }`,
			ROUNDS.playground
		);
		await actionRows(
			'Playground (`npm start`)',
			`http://127.0.0.1:${ PLAYGROUND_PORT }`,
			ROUNDS.playground
		);
	} finally {
		killGroup( server.pid, 'SIGINT' );
		await new Promise( ( resolve ) => setTimeout( resolve, 3000 ) );
		killGroup( server.pid, 'SIGKILL' );
	}
}

function sizeRows() {
	process.stdout.write( '\nAdmin app, gzipped\n' );
	for ( const [ file, target ] of BUNDLE_BUDGETS ) {
		const kb = gzippedKB( file );
		rows.push( {
			group: 'size',
			measure: `build/${ file }, gzipped`,
			baseline: target ? 'budget' : null,
			unit: 'KB',
			value: kb,
			baselineValue: target,
			ratio: target ? kb / target : null,
			ci: null,
			n: 1,
			target: target ? 1 : null,
		} );
		process.stdout.write( `  build/${ file }: ${ kb.toFixed( 1 ) } KB\n` );
	}
}

function machine() {
	const cpus = os.cpus();
	const phpVersion = execFileSync( 'php', [ '-r', 'echo PHP_VERSION;' ], {
		encoding: 'utf8',
	} );
	const wpVersion = wpPhp( 'echo get_bloginfo( "version" );' ).trim();
	return {
		cpus: cpus.length,
		cpuModel: cpus[ 0 ]?.model ?? 'unknown',
		memoryGiB: Math.round( os.totalmem() / 2 ** 30 ),
		os: `${ os.type() } ${ os.release() }`,
		node: process.version,
		php: phpVersion,
		wordpress: wpVersion,
		loadAverage: os.loadavg().map( ( l ) => Number( l.toFixed( 2 ) ) ),
	};
}

let results;
try {
	installFixtures();
	const info = machine();
	filterRows();
	await bootstrapRows();
	await restRows();
	await screenRows( 'native PHP + MariaDB', site.url, ROUNDS.browser );
	await actionRows( 'native PHP + MariaDB', site.url, ROUNDS.browser );
	if ( PLAYGROUND ) {
		await playgroundRows();
	}
	sizeRows();
	results = {
		date: new Date().toISOString(),
		mode: QUICK ? 'quick' : 'full',
		command: QUICK ? 'npm run bench -- --quick' : 'npm run bench',
		seconds: Math.round( ( Date.now() - began ) / 1000 ),
		machine: info,
		rows,
		profile,
	};
} finally {
	execFileSync( 'node', [ 'scripts/test-site.mjs', 'stop', '--name', NAME ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
}

fs.mkdirSync( path.dirname( OUTPUT ), { recursive: true } );
fs.writeFileSync( OUTPUT, JSON.stringify( results, null, '\t' ) + '\n' );
process.stdout.write( `\n${ renderTable( results ) }\n` );
if ( ! QUICK ) {
	updateTable( results );
	process.stdout.write(
		'docs/performance.md table regenerated from docs/bench.json\n'
	);
}
process.stdout.write(
	`Wrote ${ path.relative( ROOT, OUTPUT ) } in ${ results.seconds } s\n`
);
