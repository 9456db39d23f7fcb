#!/usr/bin/env node
/**
 * `npm test`: every check, from a fresh clone. Installs what is missing (npm packages,
 * Debian's PHP, MariaDB, PHPUnit and Chromium, WordPress core), then runs lint, type
 * checks, JavaScript unit tests, PHPUnit against a real WordPress, and the Playwright
 * suites; fails when the site's debug.log gained any PHP notice, warning or fatal.
 * Ends with one line `N passed, N failed` totalling every runner.
 *
 * WPCA_SKIP_PLAYGROUND=1 skips the Playground smoke test (the slowest part).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	ROOT,
	ensureBuild,
	ensureNodeModules,
	ensureSystemPackages,
	ensureWordPressCore,
} from './lib/common.mjs';
import { phpunitCounts } from './lib/phpunit-counts.mjs';

const SITE_FILE = path.join( ROOT, '.cache', 'test-site', 'site.json' );
const results = [];

/**
 * Runs a command, showing its output (stderr merged into stdout) as it comes and
 * keeping a copy to read the runner's summary from.
 * @param {string}                command Program to run.
 * @param {string[]}              args    Its arguments.
 * @param {Record<string,string>} env     Extra environment.
 * @return {Promise<{status: number, output: string}>} Exit status and output.
 */
function run( command, args, env = {} ) {
	process.stdout.write( `\n$ ${ [ command, ...args ].join( ' ' ) }\n` );
	const started = Date.now();
	return new Promise( ( resolve ) => {
		const child = spawn( command, args, {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let output = '';
		const show = ( chunk ) => {
			output += chunk;
			process.stdout.write( chunk );
		};
		child.stdout.on( 'data', show );
		child.stderr.on( 'data', show );
		child.on( 'error', ( error ) => show( `${ error.message }\n` ) );
		child.on( 'close', ( status ) =>
			resolve( {
				status: status ?? 1,
				output,
				seconds: ( Date.now() - started ) / 1000,
			} )
		);
	} );
}

/**
 * A check that is one pass or one failure (lint, type check).
 * @param {string}   name    Name in the summary.
 * @param {string}   command Program to run.
 * @param {string[]} args    Its arguments.
 */
async function check( name, command, args ) {
	const { status, seconds } = await run( command, args );
	results.push( {
		name,
		seconds,
		passed: status === 0 ? 1 : 0,
		failed: status === 0 ? 0 : 1,
	} );
}

async function jest() {
	const { status, output, seconds } = await run( 'npx', [
		'wp-scripts',
		'test-unit-js',
		'--passWithNoTests',
	] );
	const line = output.match( /^Tests:\s+(.*)$/m );
	const passed = Number( line?.[ 1 ].match( /(\d+) passed/ )?.[ 1 ] ?? 0 );
	const failed = Number( line?.[ 1 ].match( /(\d+) failed/ )?.[ 1 ] ?? 0 );
	results.push( {
		name: 'JavaScript unit tests',
		seconds,
		passed,
		failed: failed || ( status === 0 ? 0 : 1 ),
	} );
}

async function phpunit( name, suite, env = {} ) {
	const { status, output, seconds } = await run(
		'phpunit',
		[ '-c', 'phpunit.xml.dist', '--testsuite', suite ],
		{ WPCA_SITE_FILE: SITE_FILE, ...env }
	);
	const { passed, failed, skipped } = phpunitCounts( output, status );
	results.push( {
		name: skipped ? `${ name } (${ skipped } skipped)` : name,
		seconds,
		passed,
		failed,
	} );
}

async function playwright( name, projects, env = {}, files = [] ) {
	const report = path.join(
		ROOT,
		'artifacts',
		`playwright-${ projects.join( '-' ) }${ files.length ? '-files' : '' }.json`
	);
	fs.mkdirSync( path.dirname( report ), { recursive: true } );
	const { status, seconds } = await run(
		'npx',
		[
			'playwright',
			'test',
			...projects.map( ( p ) => `--project=${ p }` ),
			// One retry absorbs a slow machine's hiccup; the summary names any test
			// that needed it, so flakiness is reported, not hidden.
			'--retries=1',
			'--reporter=list,json',
			...files,
		],
		{
			PLAYWRIGHT_JSON_OUTPUT_NAME: report,
			...env,
		}
	);
	let passed = 0;
	let failed = 0;
	let failures = [];
	let flaky = [];
	if ( fs.existsSync( report ) ) {
		const json = JSON.parse( fs.readFileSync( report, 'utf8' ) );
		passed = json.stats.expected + json.stats.flaky;
		failed = json.stats.unexpected;
		failures = testsWithOutcome( json.suites, 'unexpected' );
		flaky = testsWithOutcome( json.suites, 'flaky' );
	}
	results.push( {
		name,
		seconds,
		passed,
		failed: failed || ( status === 0 ? 0 : 1 ),
		failures,
		flaky,
	} );
}

/**
 * Every test of a Playwright JSON report whose outcome is `status` ('unexpected':
 * failed; 'flaky': failed, then passed on the retry), with the gist of its error, so
 * the summary at the end of a long log names them without scrolling back.
 * @param {Array<Object>} suites The report's (nested) suites.
 * @param {string}        status Playwright's outcome of a test.
 * @return {string[]} One line per test.
 */
function testsWithOutcome( suites = [], status ) {
	return suites.flatMap( ( suite ) => [
		...( suite.specs ?? [] ).flatMap( ( spec ) =>
			spec.tests
				.filter( ( t ) => t.status === status )
				.map( ( t ) => {
					const error = t.results
						.flatMap( ( r ) => r.errors ?? [] )
						.map( ( e ) => e.message ?? '' )[ 0 ];
					const gist = ( error ?? '' )
						.replace( /\u001b\[[0-9;]*m/g, '' )
						.split( '\n' )
						.map( ( l ) => l.trim() )
						.filter( Boolean )
						.slice( 0, 3 )
						.join( ' | ' )
						.slice( 0, 400 );
					return `[${ t.projectName }] ${ spec.file }:${ spec.line } › ${ spec.title }${ gist ? ` — ${ gist }` : '' }`;
				} )
		),
		...testsWithOutcome( suite.suites, status ),
	] );
}

const PHP_PROBLEM = /PHP (Notice|Warning|Deprecated|Fatal error|Parse error)/;

function phpProblems( log, ignore = () => false ) {
	return fs.existsSync( log )
		? fs
				.readFileSync( log, 'utf8' )
				.split( '\n' )
				.filter(
					( line ) => PHP_PROBLEM.test( line ) && ! ignore( line )
				)
		: [];
}

/**
 * The single site's log must stay empty of PHP problems. The multisite network's log is
 * held to the same rule except for WordPress core's own files (core's ms-functions.php
 * raises PHP 8 deprecations on every multisite load).
 */
function debugLogIsClean() {
	const { debugLog } = JSON.parse( fs.readFileSync( SITE_FILE, 'utf8' ) );
	const problems = [
		...phpProblems( debugLog ),
		...phpProblems(
			path.join( path.dirname( debugLog ), 'debug-multisite.log' ),
			( line ) => / in \S*\/wp-(includes|admin)\//.test( line )
		),
	];
	process.stdout.write(
		`\ndebug.log: ${ problems.length ? `${ problems.length } PHP problem(s):\n${ problems.join( '\n' ) }` : 'no PHP notices, warnings or errors' }\n`
	);
	results.push( {
		name: 'debug.log clean',
		passed: problems.length ? 0 : 1,
		failed: problems.length ? 1 : 0,
	} );
}

const began = Date.now();
ensureNodeModules();
ensureSystemPackages();
ensureWordPressCore();
ensureBuild();

await check( 'lint-js', 'npm', [ 'run', '--silent', 'lint:js' ] );
await check( 'lint-style', 'npm', [ 'run', '--silent', 'lint:style' ] );
await check( 'tsc --noEmit', 'npx', [
	'tsc',
	'--noEmit',
	'-p',
	'tsconfig.json',
] );
await check( 'php -l', 'bash', [
	'-c',
	'for f in plugin.php uninstall.php php/*.php; do php -l "$f" >/dev/null || exit 1; done; echo "PHP syntax OK"',
] );
await check( 'make-pot: every string extractable, template current', 'node', [
	'scripts/make-pot.mjs',
	'--check',
] );
await check( 'README performance table = docs/bench.json', 'node', [
	'scripts/bench-table.mjs',
	'--check',
] );
await check( 'shellcheck bin/runtime-signature', 'shellcheck', [
	'bin/runtime-signature',
] );
await jest();

const site = await run( 'node', [ 'scripts/test-site.mjs', 'start' ] );
if ( site.status === 0 ) {
	try {
		// The committed TypeScript types must say what the server's REST schema says.
		await check( 'src/api types match the REST schema', 'node', [
			'scripts/generate-types.mjs',
			'--check',
		] );
		await phpunit( 'PHPUnit (single site)', 'single' );
		await phpunit( 'PHPUnit (multisite)', 'multisite', {
			WPCA_MULTISITE: '1',
		} );
		await playwright(
			'Playwright (native: rest, cli, ui, zip)',
			[ 'rest', 'cli', 'ui', 'zip' ],
			{ WPCA_SITE_FILE: SITE_FILE }
		);
		debugLogIsClean();
	} finally {
		await run( 'node', [ 'scripts/test-site.mjs', 'stop' ] );
	}
} else {
	results.push( { name: 'test site boot', passed: 0, failed: 1 } );
}
// The same site behind a persistent object cache shared by its workers (Redis and a
// drop-in, as multi-server sites run it): PHPUnit once, the concurrency specs and
// 8 clients x 200 mixed operations.
const cachedSite = await run( 'node', [
	'scripts/test-site.mjs',
	'start',
	'--object-cache',
] );
if ( cachedSite.status === 0 ) {
	try {
		await phpunit( 'PHPUnit (single site, Redis object cache)', 'single' );
		await playwright(
			'Playwright (Redis object cache: concurrency, 8 clients x 200 operations)',
			[ 'rest' ],
			{ WPCA_SITE_FILE: SITE_FILE },
			[ 'e2e/rest/concurrency.spec.ts', 'e2e/rest/object-cache.spec.ts' ]
		);
		debugLogIsClean();
	} finally {
		await run( 'node', [ 'scripts/test-site.mjs', 'stop' ] );
	}
} else {
	results.push( {
		name: 'test site boot (object cache)',
		passed: 0,
		failed: 1,
	} );
}
if ( ! process.env.WPCA_SKIP_PLAYGROUND ) {
	await playwright( 'Playwright (Playground smoke)', [ 'playground' ], {
		WPCA_NO_TEST_SITE: '1',
	} );
}

const passed = results.reduce( ( sum, r ) => sum + r.passed, 0 );
const failed = results.reduce( ( sum, r ) => sum + r.failed, 0 );
process.stdout.write( '\nSummary\n' );
for ( const r of results ) {
	process.stdout.write(
		`  ${ r.failed ? 'FAIL' : 'ok  ' }  ${ r.name }: ${ r.passed } passed, ${ r.failed } failed${ undefined === r.seconds ? '' : ` (${ r.seconds.toFixed( 0 ) } s)` }\n`
	);
	for ( const failure of r.failures ?? [] ) {
		process.stdout.write( `          ✘ ${ failure }\n` );
	}
	for ( const flake of r.flaky ?? [] ) {
		process.stdout.write(
			`          flaky (passed on retry) ${ flake }\n`
		);
	}
}
process.stdout.write(
	`  took ${ ( ( Date.now() - began ) / 1000 ).toFixed( 0 ) } s\n\n${ passed } passed, ${ failed } failed\n`
);
process.exit( failed ? 1 : 0 );
