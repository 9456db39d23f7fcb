/**
 * bin/runtime-signature and the site's runtime catalogue: `catalogue` shows what the
 * site knows, `register --preset codex` adds Codex from a shell as the screen's one
 * click does (idempotently), and verify warns about a primary id too long for DMC's
 * inventory column.
 */
import { test, expect } from '@playwright/test';
import {
	EXIT,
	getRuntime,
	lines,
	rest,
	runScript,
	unregisterAll,
	verify,
} from './helpers';

test.beforeEach( unregisterAll );
test.afterEach( unregisterAll );

test( "register --preset codex adds Codex with the catalogue's variables, idempotently", async () => {
	const first = await runScript( [ 'register', '--preset', 'codex' ] );
	expect( first.code, first.stderr ).toBe( EXIT.done );
	expect( lines( first ) ).toEqual( [
		'codex: registered (enabled; session_id=CODEX_THREAD_ID)',
	] );
	const registered = await getRuntime( 'codex' );
	expect( registered ).toMatchObject( {
		label: 'Codex',
		enabled: true,
		source: 'installer',
		fields: { session_id: 'CODEX_THREAD_ID' },
	} );

	const again = await runScript( [ 'register', '--preset', 'codex' ] );
	expect( again.code, again.stderr ).toBe( EXIT.done );
	expect( lines( again ) ).toEqual( [
		'codex: already registered, unchanged (enabled; session_id=CODEX_THREAD_ID)',
	] );
	expect( ( await getRuntime( 'codex' ) )?.updated_at ).toBe(
		registered?.updated_at
	);

	const removed = await runScript( [ 'unregister', 'codex' ] );
	expect( lines( removed ) ).toEqual( [ 'codex: unregistered' ] );
	expect( await getRuntime( 'codex' ) ).toBeNull();
} );

test( 'register --preset refuses what the catalogue cannot add, and mixed arguments', async () => {
	for ( const [ args, message ] of [
		[
			[ 'register', '--preset', 'gemini-cli' ],
			'wpca_preset_unattributable',
		],
		[ [ 'register', '--preset', 'cursor' ], 'wpca_unknown_preset' ],
		[
			[ 'register', '--preset', 'codex', 'session_id=X' ],
			'either --preset or <subkey>=<ENV_VAR> pairs',
		],
		[
			[ 'register', 'goose', '--preset', 'codex' ],
			'--preset names the runtime it registers',
		],
	] as const ) {
		const result = await runScript( [ ...args ] );
		expect( result.code, args.join( ' ' ) ).toBe( EXIT.usage );
		expect( result.stderr ).toContain( message );
	}
	const { body } = await rest< Array< { registered: boolean } > >(
		'GET',
		'/runtimes'
	);
	expect( body.filter( ( item ) => item.registered ) ).toEqual( [] );
} );

test( 'catalogue lists every known runtime, what is on this site, and warns about a generic id first', async () => {
	for ( const id of [ 'goose', 'codex' ] ) {
		const added = await runScript( [ 'register', '--preset', id ] );
		expect( added.code, added.stderr ).toBe( EXIT.done );
	}
	const shown = await runScript( [ 'catalogue' ] );
	expect( shown.code, shown.stderr ).toBe( EXIT.done );
	const table = lines( shown );
	expect( table[ 0 ] ).toMatch( /^ID\s+NAME\s+ON THIS SITE\s+FIELDS$/ );
	expect( table ).toEqual(
		expect.arrayContaining( [
			expect.stringMatching(
				/^kimaki\s+Kimaki\s+not added\s+session_id=KIMAKI_SESSION_ID thread_id=KIMAKI_THREAD_ID thread_url=KIMAKI_THREAD_URL$/
			),
			expect.stringMatching(
				/^codex\s+Codex\s+published\s+session_id=CODEX_THREAD_ID$/
			),
			expect.stringMatching(
				/^gemini-cli\s+Gemini CLI\s+no session variable\s*$/
			),
		] )
	);
	expect( shown.stdout ).toContain(
		'warning: goose reads its session id from AGENT_SESSION_ID, a generic name, and comes before codex.'
	);
} );

test( "verify warns when the primary id would not fit DMC's inventory column", async () => {
	const added = await runScript( [ 'register', '--preset', 'codex' ] );
	expect( added.code, added.stderr ).toBe( EXIT.done );

	const fits = await verify(
		{ CODEX_THREAD_ID: 't'.repeat( 191 ) },
		'--no-record'
	);
	expect( fits.code, fits.stderr ).toBe( EXIT.done );
	expect( fits.stderr ).not.toContain( 'inventory' );

	const tooLong = await verify(
		{ CODEX_THREAD_ID: 't'.repeat( 192 ) },
		'--no-record'
	);
	expect( tooLong.code, tooLong.stderr ).toBe( EXIT.done );
	expect( tooLong.stderr ).toContain(
		"warning: primary_id is 192 characters, longer than the 191 of DMC's inventory column"
	);
} );
