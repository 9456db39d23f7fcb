/**
 * bin/runtime-signature when things go wrong, and what it never reveals: exit
 * codes an installer can branch on, bounded retries, the ?rest_route= fallback,
 * and an Application Password that appears in no output and no process argv.
 */
import { test, expect } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	adminPassword,
	EXIT,
	fakeSite,
	getRuntime,
	lines,
	NO_ROUTE,
	readLog,
	runScript,
	spyOnCommands,
	unregisterOverRest,
	removeScratchDir,
} from './helpers';

test.afterAll( removeScratchDir );

test.afterEach( async () => {
	await unregisterOverRest( 'cli-demo' );
} );

test( 'a wrong Application Password exits 3 and echoes no password', async () => {
	const wrong = 'wrongPassWord1234abcdWXYZ';
	for ( const password of [ 'file', 'env' ] as const ) {
		const result = await runScript( [ 'list' ], {
			password,
			appPassword: wrong,
		} );
		expect( result.code ).toBe( EXIT.refused );
		expect( result.stderr ).toContain( 'HTTP 401' );
		expect( result.stdout + result.stderr ).not.toContain( wrong );
	}
	const missing = await runScript( [ 'list' ], { password: 'none' } );
	expect( missing.code ).toBe( EXIT.usage );
	expect( missing.stderr ).toContain( 'no Application Password' );
} );

test( 'an unreachable site exits 4 after the configured retries', async () => {
	const result = await runScript( [ 'list' ], {
		env: { WPCA_URL: 'http://127.0.0.1:9', WPCA_RETRIES: '2' },
	} );
	expect( result.code ).toBe( EXIT.unreachable );
	expect( result.stderr ).toContain(
		'cannot reach http://127.0.0.1:9 after 3 attempt(s)'
	);
} );

test( 'server errors are retried with a bound, then exit 4', async () => {
	const site = await fakeSite( [
		{ status: 503, type: 'text/html', body: '<h1>busy</h1>' },
		{ status: 429, type: 'application/json', body: '{}' },
		{ status: 404, type: 'application/json', body: NO_ROUTE },
	] );
	try {
		// Two transient failures, then an answer: WordPress without the plugin.
		const result = await runScript( [ 'list' ], {
			env: { WPCA_URL: site.url, WPCA_RETRIES: '2' },
		} );
		expect( result.code ).toBe( EXIT.unreachable );
		expect( result.stderr ).toContain(
			'is the Coding Agent Runtimes plugin active?'
		);
		expect( site.requests ).toHaveLength( 3 );

		site.requests.length = 0;
		const exhausted = await runScript( [ 'list' ], {
			env: { WPCA_URL: site.url, WPCA_RETRIES: '1' },
		} );
		expect( exhausted.code ).toBe( EXIT.unreachable );
		expect( exhausted.stderr ).toContain(
			'answered HTTP 429 after 2 attempt(s)'
		);
		expect( site.requests ).toHaveLength( 2 );
	} finally {
		await site.close();
	}
} );

test( "a server error says the server's reason; 507 (too large) is not retried", async () => {
	const lockLost = JSON.stringify( {
		code: 'wpca_lock_lost',
		message: 'Another request took the lock over.',
		data: { status: 503 },
	} );
	const tooLarge = JSON.stringify( {
		code: 'wpca_observation_too_large',
		message: 'This observation alone is over the budget.',
		data: { status: 507 },
	} );
	const busy = await fakeSite( [
		{ status: 503, type: 'application/json', body: lockLost },
	] );
	try {
		const result = await runScript( [ 'list' ], {
			env: { WPCA_URL: busy.url, WPCA_RETRIES: '1' },
		} );
		expect( result.code ).toBe( EXIT.unreachable );
		expect( result.stderr ).toContain(
			'answered HTTP 503 (wpca_lock_lost: Another request took the lock over.) after 2 attempt(s)'
		);
		expect( busy.requests ).toHaveLength( 2 );
	} finally {
		await busy.close();
	}

	const full = await fakeSite( [
		{ status: 507, type: 'application/json', body: tooLarge },
	] );
	try {
		const result = await runScript( [ 'list' ], {
			env: { WPCA_URL: full.url, WPCA_RETRIES: '3' },
		} );
		expect( result.code ).not.toBe( EXIT.done );
		expect( result.stderr ).toContain(
			'wpca_observation_too_large: This observation alone is over the budget.'
		);
		expect( result.stderr ).not.toContain( 'try again later' );
		expect( full.requests ).toHaveLength( 1 );
	} finally {
		await full.close();
	}
} );

test( 'a site that is not WordPress exits 4', async () => {
	const site = await fakeSite( [
		{ status: 200, type: 'text/html', body: '<html>a blog</html>' },
	] );
	try {
		const result = await runScript( [ 'register', 'cli-demo', 'a=B' ], {
			env: { WPCA_URL: site.url },
		} );
		expect( result.code ).toBe( EXIT.unreachable );
		expect( result.stderr ).toContain( 'did not answer' );
		// /wp-json/ first, then the ?rest_route= fallback; then it gave up.
		expect( site.requests ).toEqual( [
			'GET /wp-json/wp-coding-agents/v1/runtimes/cli-demo',
			'GET /?rest_route=/wp-coding-agents/v1/runtimes/cli-demo',
		] );
	} finally {
		await site.close();
	}
} );

test( 'without pretty permalinks it falls back to ?rest_route=', async () => {
	const setStructure = ( structure: string ) =>
		wpPhp(
			`global $wp_rewrite; $wp_rewrite->set_permalink_structure( ${ JSON.stringify(
				structure
			) } ); flush_rewrite_rules();`
		);
	const previous = wpPhp( "echo get_option( 'permalink_structure' );" );
	setStructure( '' );
	try {
		const spy = spyOnCommands( [ 'curl' ] );
		const register = await runScript(
			[ 'register', 'cli-demo', 'session_id=CLI_DEMO_SESSION' ],
			{ pathPrefix: spy.dir }
		);
		expect( register.code, register.stderr ).toBe( EXIT.done );
		expect( lines( register )[ 0 ] ).toMatch( /^cli-demo: registered / );
		// Once the fallback is found, the same run keeps using it.
		expect( readLog( spy.log ) ).toContain(
			'--request PUT --header Accept: application/json'
		);
		expect( readLog( spy.log ) ).toMatch(
			/--request PUT .*\?rest_route=\/wp-coding-agents\/v1\/runtimes\/cli-demo\n/
		);
		expect( readLog( spy.log ) ).not.toMatch( /--request PUT .*wp-json/ );
		const unregister = await runScript( [ 'unregister', 'cli-demo' ] );
		expect( lines( unregister ) ).toEqual( [ 'cli-demo: unregistered' ] );
	} finally {
		setStructure( previous );
	}
} );

test( 'the password never shows in output or in any child process argv', async () => {
	const password = adminPassword();
	const spy = spyOnCommands( [ 'curl', 'mktemp', 'rm', 'sleep', 'cat' ] );
	const runs = [
		[
			'register',
			'cli-demo',
			'session_id=CLI_DEMO_SESSION',
			'--label',
			'Demo',
		],
		[ 'list' ],
		[ 'verify' ],
		[ 'unregister', 'cli-demo' ],
	];
	for ( const delivery of [ 'file', 'env' ] as const ) {
		for ( const args of runs ) {
			const result = await runScript( args, {
				password: delivery,
				pathPrefix: spy.dir,
				env: { CLI_DEMO_SESSION: 'demo-session' },
			} );
			expect( result.code, `${ args[ 0 ] }: ${ result.stderr }` ).toBe(
				EXIT.done
			);
			expect( result.stdout ).not.toContain( password );
			expect( result.stderr ).not.toContain( password );
		}
	}
	const calls = readLog( spy.log );
	// The spies did see every request: credentials travel on curl's stdin.
	expect( calls.match( /^argv: curl -q --config - /gm ) ).toHaveLength( 12 );
	expect( calls ).toContain( 'argv: mktemp -d' );
	expect( calls ).not.toContain( password );
	expect( await getRuntime( 'cli-demo' ) ).toBeNull();
} );
