/**
 * bin/runtime-signature register / unregister / list, as bridge and runtime
 * installers run them: idempotent, saying what they did, and storing exactly what
 * they were given.
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import {
	EXIT,
	getRuntime,
	lines,
	runCommand,
	runScript,
	SCRIPT,
	scratchDir,
	unregisterOverRest,
	removeScratchDir,
} from './helpers';

const KIMAKI = [
	'session_id=KIMAKI_SESSION_ID',
	'thread_id=KIMAKI_THREAD_ID',
	'thread_url=KIMAKI_THREAD_URL',
];

test.afterAll( removeScratchDir );

test.afterEach( async () => {
	await unregisterOverRest( 'kimaki', 'opencode', 'cli-demo', 'cli-sourced' );
} );

test( 'register, re-register, update: each run says what it did', async () => {
	const first = await runScript( [ 'register', 'kimaki', ...KIMAKI ] );
	expect( first.code, first.stderr ).toBe( EXIT.done );
	expect( lines( first )[ 0 ] ).toMatch( /^kimaki: registered \(enabled;/ );
	const registered = await getRuntime( 'kimaki' );
	expect( registered ).toMatchObject( {
		registered: true,
		enabled: true,
		fields: {
			session_id: 'KIMAKI_SESSION_ID',
			thread_id: 'KIMAKI_THREAD_ID',
			thread_url: 'KIMAKI_THREAD_URL',
		},
	} );

	const again = await runScript( [ 'register', 'kimaki', ...KIMAKI ] );
	expect( again.code, again.stderr ).toBe( EXIT.done );
	expect( lines( again )[ 0 ] ).toMatch(
		/^kimaki: already registered, unchanged /
	);
	expect( ( await getRuntime( 'kimaki' ) )?.updated_at ).toBe(
		registered?.updated_at
	);

	const update = await runScript( [
		'register',
		'kimaki',
		...KIMAKI,
		'channel_id=KIMAKI_CHANNEL_ID',
	] );
	expect( update.code, update.stderr ).toBe( EXIT.done );
	expect( lines( update )[ 0 ] ).toMatch( /^kimaki: updated / );
	expect( ( await getRuntime( 'kimaki' ) )?.fields ).toEqual( {
		session_id: 'KIMAKI_SESSION_ID',
		thread_id: 'KIMAKI_THREAD_ID',
		thread_url: 'KIMAKI_THREAD_URL',
		channel_id: 'KIMAKI_CHANNEL_ID',
	} );

	const disable = await runScript( [
		'register',
		'kimaki',
		...KIMAKI,
		'--disabled',
	] );
	expect( lines( disable )[ 0 ] ).toMatch( /^kimaki: updated \(disabled;/ );
	expect( ( await getRuntime( 'kimaki' ) )?.enabled ).toBe( false );
} );

test( 'unregister twice: the second run has nothing to remove and still succeeds', async () => {
	await runScript( [
		'register',
		'cli-demo',
		'session_id=CLI_DEMO_SESSION',
	] );

	const first = await runScript( [ 'unregister', 'cli-demo' ] );
	expect( first.code, first.stderr ).toBe( EXIT.done );
	expect( lines( first ) ).toEqual( [ 'cli-demo: unregistered' ] );
	expect( await getRuntime( 'cli-demo' ) ).toBeNull();

	const second = await runScript( [ 'unregister', 'cli-demo' ] );
	expect( second.code, second.stderr ).toBe( EXIT.done );
	expect( lines( second ) ).toEqual( [
		'cli-demo: not registered, nothing to remove',
	] );
} );

test( 'list shows every runtime in precedence order with its fields', async () => {
	await runScript( [
		'register',
		'opencode',
		'session_id=OPENCODE_SESSION_ID',
		'run_id=OPENCODE_RUN_ID',
	] );
	await runScript( [
		'register',
		'cli-demo',
		'session_id=CLI_DEMO_SESSION',
		'--disabled',
	] );

	const list = await runScript( [ 'list' ] );
	expect( list.code, list.stderr ).toBe( EXIT.done );
	const rows = lines( list ).map( ( line ) => line.split( /\s+/ ) );
	expect( rows[ 0 ] ).toEqual( [ 'ID', 'ENABLED', 'REGISTERED', 'FIELDS' ] );
	expect( rows.slice( 1 ) ).toEqual( [
		[
			'opencode',
			'yes',
			'yes',
			'session_id=OPENCODE_SESSION_ID',
			'run_id=OPENCODE_RUN_ID',
		],
		[ 'cli-demo', 'no', 'yes', 'session_id=CLI_DEMO_SESSION' ],
		[
			'kimaki',
			'no',
			'no',
			'session_id=KIMAKI_SESSION_ID',
			'thread_id=KIMAKI_THREAD_ID',
			'thread_url=KIMAKI_THREAD_URL',
		],
	] );
} );

test( 'sourced as a library it registers without touching the calling shell', async () => {
	// The caller runs with nounset and no errexit; both must survive, and the
	// only new names are the library's prefixed functions.
	const caller = `
		set -u
		compgen -v | sort >"$SNAPSHOT.before"
		options_before=$-
		source ${ JSON.stringify( SCRIPT ) }
		runtime_signature_register cli-sourced session_id=CLI_SOURCED_SESSION --label "Sourced"
		echo "status=$?"
		runtime_signature_register cli-sourced session_id=CLI_SOURCED_SESSION --label "Sourced"
		echo "options=$options_before/$-"
		compgen -v | sort >"$SNAPSHOT.after"
		comm -13 "$SNAPSHOT.before" "$SNAPSHOT.after" | grep -vx -e options_before -e BASH_REMATCH | sed 's/^/leaked=/'
		compgen -A function | grep -v '^_\\{0,1\\}runtime_signature_' | sed 's/^/function=/'
	`;
	const snapshot = path.join( scratchDir(), 'shell-variables' );
	const result = await runCommand( 'bash', [ '-c', caller ], {
		env: { SNAPSHOT: snapshot },
	} );
	expect( result.code, result.stderr ).toBe( 0 );
	expect( lines( result ) ).toEqual( [
		expect.stringMatching( /^cli-sourced: registered / ),
		'status=0',
		expect.stringMatching( /^cli-sourced: already registered, unchanged / ),
		expect.stringMatching( /^options=(\w+)\/\1$/ ),
	] );
	expect( await getRuntime( 'cli-sourced' ) ).toMatchObject( {
		label: 'Sourced',
		fields: { session_id: 'CLI_SOURCED_SESSION' },
	} );
} );

test( 'an all-digit id is refused with exit 2 and the site names the field', async () => {
	const result = await runScript( [ 'register', '123', 'session_id=X_ID' ] );
	expect( result.code ).toBe( EXIT.usage );
	expect( result.stderr ).toMatch( /wpca_invalid_id: Invalid id\b/ );
	expect( result.stdout ).toBe( '' );
	expect( await getRuntime( '123' ) ).toBeNull();

	const badName = await runScript( [
		'register',
		'cli-demo',
		'session_id=1NOT-A-NAME',
	] );
	expect( badName.code ).toBe( EXIT.usage );
	expect( badName.stderr ).toMatch( /fields\[session_id\]/ );
	expect( await getRuntime( 'cli-demo' ) ).toBeNull();
} );

test( 'usage errors exit 2 before anything is sent', async () => {
	for ( const args of [
		[],
		[ 'frobnicate' ],
		[ 'register', 'cli-demo' ],
		[ 'register', 'cli-demo', 'no-equals-sign' ],
		[ 'register', 'cli-demo', 'a=X', 'a=Y' ],
		[ 'unregister' ],
	] ) {
		const result = await runScript( args );
		expect( result.code, args.join( ' ' ) ).toBe( EXIT.usage );
	}
	const missingUrl = await runScript( [ 'list' ], {
		env: { WPCA_URL: undefined },
	} );
	expect( missingUrl.code ).toBe( EXIT.usage );
	expect( missingUrl.stderr ).toContain( 'WPCA_URL' );

	const help = await runScript( [ '--help' ] );
	expect( help.code ).toBe( EXIT.done );
	expect( help.stdout ).toContain( 'register <id> <subkey>=<ENV_VAR>' );
	expect( help.stdout ).toMatch(
		/Exit codes\n {2}0 .*\n {2}2 .*\n {2}3 .*\n {2}4 /
	);
} );

test( 'a label full of quotes, backslashes and unicode round-trips exactly', async () => {
	const label =
		'Quote "double" \'single\' back\\slash \\" \\u00e9 é 日本語 😀 "},"enabled":false,"x":"';
	const result = await runScript( [
		'register',
		'cli-demo',
		'session_id=CLI_DEMO_SESSION',
		'--label',
		label,
	] );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	const stored = await getRuntime( 'cli-demo' );
	expect( stored?.label ).toBe( label );
	// The quotes inside the label injected nothing into the request.
	expect( stored?.enabled ).toBe( true );
	expect( stored?.fields ).toEqual( { session_id: 'CLI_DEMO_SESSION' } );

	const again = await runScript( [
		'register',
		'cli-demo',
		'session_id=CLI_DEMO_SESSION',
		`--label=${ label }`,
	] );
	expect( lines( again )[ 0 ] ).toMatch(
		/^cli-demo: already registered, unchanged /
	);
} );
