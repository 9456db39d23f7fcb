/**
 * An installer declares, the site's admin decides: re-running `register` on upgrade
 * keeps what the admin switched off or edited, says so, and `--force` takes over.
 */
import { test, expect } from '@playwright/test';
import { cookieSession } from '../rest/helpers';
import { testSite } from '../support/site';
import {
	EXIT,
	getRuntime,
	lines,
	runScript,
	unregisterOverRest,
} from './helpers';

const KIMAKI = [
	'session_id=KIMAKI_SESSION_ID',
	'thread_id=KIMAKI_THREAD_ID',
	'thread_url=KIMAKI_THREAD_URL',
];

test.afterEach( async () => {
	await unregisterOverRest( 'kimaki' );
} );

test( 'register keeps the admin’s changes, says so, and --force replaces them', async () => {
	expect(
		( await runScript( [ 'register', 'kimaki', ...KIMAKI ] ) ).code
	).toBe( EXIT.done );

	// The admin, on the screen (cookie + nonce): switch off, add a channel_id.
	const { context, nonce } = await cookieSession( 'admin' );
	const edited = await context.fetch(
		`${ testSite().restUrl }wp-coding-agents/v1/runtimes/kimaki`,
		{
			method: 'PATCH',
			headers: {
				'X-WP-Nonce': nonce,
				'Content-Type': 'application/json',
			},
			data: JSON.stringify( {
				enabled: false,
				fields: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
					thread_url: 'KIMAKI_THREAD_URL',
					channel_id: 'KIMAKI_CHANNEL_ID',
				},
			} ),
		}
	);
	expect( edited.status(), await edited.text() ).toBe( 200 );
	await context.dispose();

	const upgrade = await runScript( [ 'register', 'kimaki', ...KIMAKI ] );
	expect( upgrade.code, upgrade.stderr ).toBe( EXIT.done );
	expect( lines( upgrade )[ 0 ] ).toMatch(
		/^kimaki: .*\(disabled;.*channel_id=KIMAKI_CHANNEL_ID/
	);
	expect( upgrade.stderr ).toContain(
		"kept the site admin's changes to: fields enabled"
	);
	expect( await getRuntime( 'kimaki' ) ).toMatchObject( {
		enabled: false,
		fields: { channel_id: 'KIMAKI_CHANNEL_ID' },
	} );

	const forced = await runScript( [
		'register',
		'kimaki',
		...KIMAKI,
		'--force',
	] );
	expect( forced.code, forced.stderr ).toBe( EXIT.done );
	expect( forced.stderr ).not.toContain( 'kept' );
	const taken = await getRuntime( 'kimaki' );
	expect( taken?.enabled ).toBe( true );
	expect( taken?.fields ).toEqual( {
		session_id: 'KIMAKI_SESSION_ID',
		thread_id: 'KIMAKI_THREAD_ID',
		thread_url: 'KIMAKI_THREAD_URL',
	} );
} );
