#!/usr/bin/env node
/**
 * `npm test`: every check, from a fresh clone. Installs what is missing (npm packages,
 * Debian's PHP, MariaDB, PHPUnit and Chromium, WordPress core), then runs lint, type
 * checks, JavaScript unit tests, PHPUnit against a real WordPress, and the Playwright
 * suites; fails when a site's debug.log gained any PHP notice, warning or fatal.
 * Ends with one line `N passed, N failed` totalling every runner.
 *
 * The machine's cores are used at once: the test sites boot while npm installs, and two
 * lanes run side by side, each on sites of its own (nothing is shared between sites):
 *   checks + native site (port WPCA_TEST_PORT, default 8889): lint, tsc, Jest, PHPUnit,
 *     Playwright rest + cli; then the Redis object-cache site (that port + 5): PHPUnit,
 *     Playwright;
 *   ui site (port + 4): Playwright ui + zip (the zip's own site on port + 1); then the
 *     Playground smoke test (port - 2).
 * Every port follows WPCA_TEST_PORT, so two checkouts can run `npm test` at once.
 * Each command's output is printed whole when it ends, named by its lane, so lanes never
 * interleave; the summary lists every runner in a fixed order.
 *
 * WPCA_SKIP_PLAYGROUND=1 skips the Playground smoke test (the slowest part).
 * WPCA_TEST_SERIAL=1 runs the lanes one after the other (to compare, or to read a log).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	NPM_INSTALL,
	ROOT,
	buildIsCurrent,
	nodeModulesAreCurrent,
} from './lib/common.mjs';
import { gist, jestReport, phpunitReport } from './lib/test-reports.mjs';

/** The native sites `npm test` boots (scripts/test-site.mjs), each in .cache/<name>. */
const BASE_PORT = Number( process.env.WPCA_TEST_PORT || 8889 );
const SITES = {
	native: { name: 'test-site', port: BASE_PORT, flags: [] },
	ui: { name: 'test-site-ui', port: BASE_PORT + 4, flags: [] },
	redis: {
		name: 'test-site-redis',
		port: BASE_PORT + 5,
		flags: [ '--object-cache' ],
	},
};

const siteFile = ( site ) =>
	path.join( ROOT, '.cache', site.name, 'site.json' );

const seconds = ( since ) => ( Date.now() - since ) / 1000;

/**
 * Where a lane's commands run and its results are kept: one output block per command,
 * printed whole when the command ends.
 */
class Lane {
	/** @param {string} name Shown before each of its commands. */
	constructor( name ) {
		this.name = name;
		/** @type {Array<Object>} */
		this.results = [];
		this.seconds = 0;
	}

	/**
	 * Runs a command (stderr merged into stdout) and prints its output when it ends.
	 * @param {string}                command Program to run.
	 * @param {string[]}              args    Its arguments.
	 * @param {Record<string,string>} env     Extra environment.
	 * @return {Promise<{status: number, output: string, seconds: number}>} Exit status, output, duration.
	 */
	run( command, args, env = {} ) {
		const line = [ command, ...args ].join( ' ' );
		process.stdout.write( `[${ this.name }] started: ${ line }\n` );
		const started = Date.now();
		return new Promise( ( resolve ) => {
			const child = spawn( command, args, {
				cwd: ROOT,
				env: { ...process.env, ...env },
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			} );
			let output = '';
			const keep = ( chunk ) => ( output += chunk );
			child.stdout.on( 'data', keep );
			child.stderr.on( 'data', keep );
			child.on( 'error', ( error ) => keep( `${ error.message }\n` ) );
			child.on( 'close', ( code ) => {
				const status = code ?? 1;
				const took = seconds( started );
				process.stdout.write(
					`\n[${ this.name }] $ ${ line }\n${ output }${
						output.endsWith( '\n' ) || ! output ? '' : '\n'
					}[${ this.name }] exit ${ status } after ${ took.toFixed( 1 ) } s\n`
				);
				resolve( { status, output, seconds: took } );
			} );
		} );
	}

	/**
	 * A check that is one pass or one failure (lint, type check).
	 * @param {string}                name    Name in the summary.
	 * @param {string}                command Program to run.
	 * @param {string[]}              args    Its arguments.
	 * @param {Record<string,string>} env     Extra environment.
	 */
	async check( name, command, args, env = {} ) {
		const { status, seconds: took } = await this.run( command, args, env );
		this.results.push( {
			name,
			seconds: took,
			passed: status === 0 ? 1 : 0,
			failed: status === 0 ? 0 : 1,
		} );
	}

	/** Jest, counted from its JSON report (artifacts/jest.json). */
	async jest() {
		const report = freshReport( 'jest.json' );
		const { status, seconds: took } = await this.run( 'npx', [
			'wp-scripts',
			'test-unit-js',
			'--json',
			`--outputFile=${ report }`,
		] );
		this.results.push( {
			name: 'JavaScript unit tests',
			seconds: took,
			...jestReport( report, status ),
		} );
	}

	/**
	 * A PHPUnit suite, counted from its JUnit report (artifacts/phpunit-<id>.xml).
	 * @param {string}                name  Name in the summary.
	 * @param {string}                suite Test suite of phpunit.xml.dist.
	 * @param {Object}                site  One of SITES.
	 * @param {Record<string,string>} env   Extra environment.
	 */
	async phpunit( name, suite, site, env = {} ) {
		const report = freshReport( `phpunit-${ suite }-${ site.name }.xml` );
		const { status, seconds: took } = await this.run(
			'phpunit',
			[
				'-c',
				'phpunit.xml.dist',
				'--testsuite',
				suite,
				'--log-junit',
				report,
			],
			{ WPCA_SITE_FILE: siteFile( site ), ...env }
		);
		const counts = phpunitReport( report, status );
		this.results.push( {
			...counts,
			name: counts.skipped
				? `${ name } (${ counts.skipped } skipped)`
				: name,
			seconds: took,
		} );
	}

	/**
	 * A Playwright run against `site` (null: the run brings its own), with its JSON report
	 * and test output kept apart from the other lanes' runs.
	 * @param {string}      name     Name in the summary.
	 * @param {string[]}    projects Playwright projects.
	 * @param {Object|null} site     One of SITES.
	 * @param {string[]}    files    Only these spec files.
	 */
	async playwright( name, projects, site, files = [] ) {
		const id = `${ projects.join( '-' ) }${ files.length ? '-files' : '' }`;
		const report = freshReport( `playwright-${ id }.json` );
		const { status, seconds: took } = await this.run(
			'npx',
			[
				'playwright',
				'test',
				...projects.map( ( p ) => `--project=${ p }` ),
				// One retry absorbs a slow machine's hiccup; the summary names any test
				// that needed it, so flakiness is reported, not hidden.
				'--retries=1',
				'--reporter=list,json',
				`--output=${ path.join( 'artifacts', 'test-results', id ) }`,
				...files,
			],
			{
				PLAYWRIGHT_JSON_OUTPUT_NAME: report,
				...( site
					? { WPCA_SITE_FILE: siteFile( site ) }
					: { WPCA_NO_TEST_SITE: '1' } ),
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
		this.results.push( {
			name,
			seconds: took,
			passed,
			failed: failed || ( status === 0 ? 0 : 1 ),
			failures,
			flaky,
		} );
	}

	/**
	 * Runs `steps` against a booted site, checks its debug.log afterwards and stops it;
	 * a site that did not boot is one failure and its steps do not run.
	 * @param {Object}              site   One of SITES.
	 * @param {Promise<boolean>}    booted Whether it booted.
	 * @param {string}              label  Name of the site in the summary.
	 * @param {() => Promise<void>} steps  What runs against it.
	 */
	async onSite( site, booted, label, steps ) {
		if ( ! ( await booted ) ) {
			this.results.push( {
				name: `test site boot (${ label })`,
				passed: 0,
				failed: 1,
			} );
			return;
		}
		try {
			await steps();
			this.results.push( debugLogIsClean( site, label ) );
		} finally {
			await this.run( 'node', [
				'scripts/test-site.mjs',
				'stop',
				'--name',
				site.name,
			] );
		}
	}
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
					const error = gist(
						t.results
							.flatMap( ( r ) => r.errors ?? [] )
							.map( ( e ) => e.message ?? '' )[ 0 ]
					);
					return `[${ t.projectName }] ${ spec.file }:${ spec.line } › ${ spec.title }${ error ? ` — ${ error }` : '' }`;
				} )
		),
		...testsWithOutcome( suite.suites, status ),
	] );
}

/**
 * Where a runner writes its report this run: artifacts/<file>, with no report left from
 * an earlier run (a runner that crashes must not be counted from a stale one).
 * @param {string} file File name in artifacts/.
 * @return {string} Its path.
 */
function freshReport( file ) {
	const report = path.join( ROOT, 'artifacts', file );
	fs.mkdirSync( path.dirname( report ), { recursive: true } );
	fs.rmSync( report, { force: true } );
	return report;
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
 * A site's log must stay empty of PHP problems. The multisite network's log is held to
 * the same rule except for WordPress core's own files (core's ms-functions.php raises
 * PHP 8 deprecations on every multisite load).
 * @param {Object} site  One of SITES.
 * @param {string} label Name of the site in the summary.
 * @return {Object} The summary's row.
 */
function debugLogIsClean( site, label ) {
	const { debugLog } = JSON.parse(
		fs.readFileSync( siteFile( site ), 'utf8' )
	);
	const problems = [
		...phpProblems( debugLog ),
		...phpProblems(
			path.join( path.dirname( debugLog ), 'debug-multisite.log' ),
			( line ) => / in \S*\/wp-(includes|admin)\//.test( line )
		),
	];
	process.stdout.write(
		`\n${ path.relative( ROOT, debugLog ) }: ${ problems.length ? `${ problems.length } PHP problem(s):\n${ problems.join( '\n' ) }` : 'no PHP notices, warnings or errors' }\n`
	);
	return {
		name: `debug.log clean (${ label })`,
		passed: problems.length ? 0 : 1,
		failed: problems.length ? 1 : 0,
	};
}

const began = Date.now();
const setup = new Lane( 'setup' );
const checksLane = new Lane( 'checks+native' );
const uiLane = new Lane( 'ui' );

/**
 * A step of the set-up that must work for anything else to run.
 * @param {string}   name    Name in the summary's set-up line.
 * @param {string}   command Program to run.
 * @param {string[]} args    Its arguments.
 */
async function prepare( name, command, args ) {
	const { status, seconds: took } = await setup.run( command, args );
	setup.results.push( { name, seconds: took } );
	if ( status !== 0 ) {
		throw new Error(
			`${ name } failed (exit ${ status }); see its output above.`
		);
	}
}

// Three installs that wait on different things start at once: Debian's packages (PHP,
// MariaDB, Chromium…), npm's, and WordPress core. The sites boot once the first and the
// last are there, the build runs once npm's are.
const system = prepare( 'Debian packages', 'bash', [
	'scripts/system-deps.sh',
] );
const installed = nodeModulesAreCurrent()
	? Promise.resolve()
	: prepare( 'npm install', 'npm', NPM_INSTALL );
const built = installed.then( () =>
	buildIsCurrent()
		? undefined
		: prepare( 'build', 'npx', [ 'wp-scripts', 'build' ] )
);
const core = prepare( 'WordPress core', 'bash', [
	'scripts/fetch-wordpress.sh',
] );
const sitesCanBoot = Promise.all( [ system, core ] );
const boot = ( site ) =>
	sitesCanBoot.then( async () => {
		const { status, seconds: took } = await setup.run( 'node', [
			'scripts/test-site.mjs',
			'start',
			'--name',
			site.name,
			'--port',
			String( site.port ),
			...site.flags,
		] );
		setup.results.push( { name: `${ site.name } boot`, seconds: took } );
		return status === 0;
	} );
const booted = {
	native: boot( SITES.native ),
	ui: boot( SITES.ui ),
	redis: boot( SITES.redis ),
};
try {
	await Promise.all( [ built, sitesCanBoot ] );
} catch ( error ) {
	// Leave no site running behind a set-up that failed.
	await Promise.allSettled( Object.values( booted ) );
	for ( const site of Object.values( SITES ) ) {
		await setup.run( 'node', [
			'scripts/test-site.mjs',
			'stop',
			'--name',
			site.name,
		] );
	}
	throw error;
}
const setupSeconds = seconds( began );

async function checksAndNativeSite( lane ) {
	await lane.check( 'lint-js', 'npm', [ 'run', '--silent', 'lint:js' ] );
	await lane.check( 'lint-style', 'npm', [
		'run',
		'--silent',
		'lint:style',
	] );
	await lane.check( 'tsc --noEmit', 'npx', [
		'tsc',
		'--noEmit',
		'-p',
		'tsconfig.json',
	] );
	// phpcs.xml.dist's rules include php -l (Generic.PHP.Syntax) on every PHP file.
	await lane.check( 'PHPCS (phpcs.xml.dist, php -l included)', 'phpcs', [
		'-q',
		'--no-colors',
	] );
	await lane.check(
		'make-pot: every string extractable, template current',
		'node',
		[ 'scripts/make-pot.mjs', '--check' ]
	);
	await lane.check( 'docs/performance.md table = docs/bench.json', 'node', [
		'scripts/bench-table.mjs',
		'--check',
	] );
	await lane.check(
		'build/index.js within its gzipped budget (scripts/bundle-size.mjs)',
		'node',
		[ 'scripts/bundle-size.mjs', '--check' ]
	);
	await lane.check( 'shellcheck bin/runtime-signature', 'shellcheck', [
		'bin/runtime-signature',
	] );
	await lane.jest();
	await lane.onSite( SITES.native, booted.native, 'native site', async () => {
		// The committed TypeScript types must say what the server's REST schema says.
		await lane.check(
			'src/api types match the REST schema',
			'node',
			[ 'scripts/generate-types.mjs', '--check' ],
			{ WPCA_SITE_FILE: siteFile( SITES.native ) }
		);
		await lane.phpunit( 'PHPUnit (single site)', 'single', SITES.native );
		await lane.phpunit( 'PHPUnit (multisite)', 'multisite', SITES.native, {
			WPCA_MULTISITE: '1',
		} );
		await lane.playwright(
			'Playwright (native: rest, cli)',
			[ 'rest', 'cli' ],
			SITES.native
		);
	} );
	// The same site behind a persistent object cache shared by its workers (Redis and a
	// drop-in, as multi-server sites run it): PHPUnit once, the concurrency specs and
	// 8 clients x 200 mixed operations.
	await lane.onSite( SITES.redis, booted.redis, 'Redis site', async () => {
		await lane.phpunit(
			'PHPUnit (single site, Redis object cache)',
			'single',
			SITES.redis
		);
		await lane.playwright(
			'Playwright (Redis object cache: concurrency, 8 clients x 200 operations)',
			[ 'rest' ],
			SITES.redis,
			[ 'e2e/rest/concurrency.spec.ts', 'e2e/rest/object-cache.spec.ts' ]
		);
	} );
}

async function browserSites( lane ) {
	await lane.onSite( SITES.ui, booted.ui, 'ui site', () =>
		lane.playwright(
			'Playwright (native: ui, zip)',
			[ 'ui', 'zip' ],
			SITES.ui
		)
	);
	if ( ! process.env.WPCA_SKIP_PLAYGROUND ) {
		await lane.playwright(
			'Playwright (Playground smoke)',
			[ 'playground' ],
			null
		);
	}
}

const timed = ( lane, work ) => async () => {
	const started = Date.now();
	await work( lane );
	lane.seconds = seconds( started );
};
const lanes = [
	timed( checksLane, checksAndNativeSite ),
	timed( uiLane, browserSites ),
];
if ( process.env.WPCA_TEST_SERIAL ) {
	for ( const lane of lanes ) {
		await lane();
	}
} else {
	await Promise.all( lanes.map( ( lane ) => lane() ) );
}

const results = [
	...setup.results.filter( ( r ) => 'passed' in r ),
	...checksLane.results,
	...uiLane.results,
];
const passed = results.reduce( ( sum, r ) => sum + r.passed, 0 );
const failed = results.reduce( ( sum, r ) => sum + r.failed, 0 );
process.stdout.write( '\nSummary\n' );
process.stdout.write(
	`  set-up ${ setupSeconds.toFixed( 0 ) } s: ${ setup.results
		.map( ( r ) => `${ r.name } ${ r.seconds.toFixed( 0 ) } s` )
		.join( ', ' ) } (the sites boot beside npm install)\n`
);
for ( const lane of [ checksLane, uiLane ] ) {
	process.stdout.write(
		`  lane ${ lane.name }: ${ lane.seconds.toFixed( 0 ) } s${ process.env.WPCA_TEST_SERIAL ? '' : ' (the lanes run at once)' }\n`
	);
}
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
	`  took ${ seconds( began ).toFixed( 0 ) } s\n\n${ passed } passed, ${ failed } failed\n`
);
process.exit( failed ? 1 : 0 );
