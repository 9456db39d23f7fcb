/**
 * POST /attribution/preview: what DMC would record for an agent process with a
 * given environment, following the consumer contract (docs/contract.md) exactly.
 */
import { test, expect } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	register,
	resetRegistry,
	setUpAdminClient,
	storedState,
	PRESET_FIELDS,
	type PreviewBody,
} from './helpers';

const ALL_DECLARED = [
	'KIMAKI_SESSION_ID',
	'KIMAKI_THREAD_ID',
	'KIMAKI_THREAD_URL',
	'OPENCODE_SESSION_ID',
	'OPENCODE_RUN_ID',
];

const admin = setUpAdminClient();

test.beforeEach( async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
} );

test( 'the last verification is null until a preview records one, then names and hashes only', async () => {
	wpPhp( `delete_option( 'wpca_observations' );` );
	const none = await admin().get( '/attribution/last-verification' );
	expect( none.status ).toBe( 200 );
	expect( none.body ).toEqual( { verification: null } );

	const recorded = await admin().post< PreviewBody >(
		'/attribution/preview',
		{
			env: {
				KIMAKI_THREAD_ID: 'thread-value-3',
				OPENCODE_SESSION_ID: 'opencode-session',
			},
			record: true,
		}
	);
	expect( recorded.status, recorded.text ).toBe( 200 );
	expect( recorded.body.recorded ).toBe( true );

	const last = await admin().get( '/attribution/last-verification' );
	expect( last.status ).toBe( 200 );
	expect( last.body ).toEqual( {
		verification: expect.objectContaining( {
			source: 'installer',
			declared: ALL_DECLARED,
			found: [ 'KIMAKI_THREAD_ID', 'OPENCODE_SESSION_ID' ],
			missing: [
				'KIMAKI_SESSION_ID',
				'KIMAKI_THREAD_URL',
				'OPENCODE_RUN_ID',
			],
			primary_runtime: 'opencode',
			primary_variable: 'OPENCODE_SESSION_ID',
			primary_hash: expect.stringMatching( /^[0-9a-f]{12}$/ ),
		} ),
	} );
	expect( last.text ).not.toContain( 'thread-value-3' );
	expect( last.text ).not.toContain( 'opencode-session' );
	wpPhp( `delete_option( 'wpca_observations' );` );
} );

async function preview(
	env: Record< string, string >
): Promise< PreviewBody > {
	const response = await admin().post< PreviewBody >(
		'/attribution/preview',
		{
			env,
		}
	);
	expect( response.status, response.text ).toBe( 200 );
	return response.body;
}

test( 'the first session_id in precedence order is the primary id', async () => {
	const before = storedState();
	const body = await preview( {
		KIMAKI_SESSION_ID: 'kimaki-session',
		KIMAKI_THREAD_ID: 'thread-7',
		KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
		OPENCODE_SESSION_ID: 'opencode-session',
		OPENCODE_RUN_ID: 'run-3',
	} );
	expect( body.origin_session ).toEqual( {
		primary_id: 'kimaki-session',
		ids: {
			kimaki: {
				session_id: 'kimaki-session',
				thread_id: 'thread-7',
				thread_url: 'https://discord.com/channels/1/2',
			},
			opencode: { session_id: 'opencode-session', run_id: 'run-3' },
		},
	} );
	expect( Object.keys( body.origin_session?.ids ?? {} ) ).toEqual( [
		'kimaki',
		'opencode',
	] );
	expect( body.lock_owner.runtime_ids ).toEqual( body.origin_session?.ids );
	expect( body.declared ).toEqual( ALL_DECLARED );
	expect( body.found ).toEqual( ALL_DECLARED );
	expect( body.missing ).toEqual( [] );
	// A preview stores nothing.
	expect( storedState() ).toBe( before );
} );

test( 'reordering the runtimes changes which session becomes primary', async () => {
	const reordered = await admin().put( '/order', {
		order: [ 'opencode', 'kimaki' ],
	} );
	expect( reordered.status ).toBe( 200 );
	const body = await preview( {
		KIMAKI_SESSION_ID: 'kimaki-session',
		OPENCODE_SESSION_ID: 'opencode-session',
	} );
	expect( body.origin_session?.primary_id ).toBe( 'opencode-session' );
	expect( Object.keys( body.origin_session?.ids ?? {} ) ).toEqual( [
		'opencode',
		'kimaki',
	] );
	expect( body.declared ).toEqual( [
		'OPENCODE_SESSION_ID',
		'OPENCODE_RUN_ID',
		'KIMAKI_SESSION_ID',
		'KIMAKI_THREAD_ID',
		'KIMAKI_THREAD_URL',
	] );
} );

test( "a later runtime's session_id beats an earlier runtime's other subkeys", async () => {
	const body = await preview( {
		KIMAKI_THREAD_ID: 'thread-7',
		OPENCODE_SESSION_ID: 'opencode-session',
	} );
	expect( body.origin_session?.primary_id ).toBe( 'opencode-session' );
} );

test( 'without any session_id the first kept value in filter and subkey order is primary', async () => {
	const body = await preview( {
		OPENCODE_RUN_ID: 'run-3',
		KIMAKI_THREAD_URL: 'https://example.com/t',
		KIMAKI_THREAD_ID: 'thread-7',
	} );
	expect( body.origin_session?.primary_id ).toBe( 'thread-7' );
	expect( Object.keys( body.origin_session?.ids.kimaki ?? {} ) ).toEqual( [
		'thread_id',
		'thread_url',
	] );
} );

test( 'URL subkeys keep only http(s) values, case-insensitively; the lock owner keeps them all', async () => {
	await register( admin(), 'webby', {
		url: 'WEBBY_URL',
		page_url: 'WEBBY_PAGE_URL',
		urls: 'WEBBY_URLS',
	} );
	const ftp = await preview( {
		KIMAKI_THREAD_URL: 'ftp://files.example.com/x',
	} );
	expect( ftp.origin_session ).toBeNull();
	expect( ftp.lock_owner.runtime_ids ).toEqual( {
		kimaki: { thread_url: 'ftp://files.example.com/x' },
	} );

	const body = await preview( {
		KIMAKI_THREAD_URL: 'HTTP://x',
		WEBBY_URL: 'discord.com/channels/1',
		WEBBY_PAGE_URL: 'Https://example.com/page',
		WEBBY_URLS: 'not a url but not a url subkey either',
	} );
	expect( body.origin_session ).toEqual( {
		primary_id: 'HTTP://x',
		ids: {
			kimaki: { thread_url: 'HTTP://x' },
			webby: {
				page_url: 'Https://example.com/page',
				urls: 'not a url but not a url subkey either',
			},
		},
	} );
	expect( body.lock_owner.runtime_ids?.webby ).toEqual( {
		url: 'discord.com/channels/1',
		page_url: 'Https://example.com/page',
		urls: 'not a url but not a url subkey either',
	} );
} );

test( 'values are trimmed and whitespace-only values are skipped', async () => {
	const body = await preview( {
		KIMAKI_SESSION_ID: ' \t  ',
		KIMAKI_THREAD_ID: '  thread-7  ',
		OPENCODE_SESSION_ID: '\nopencode-session\n',
	} );
	expect( body.origin_session ).toEqual( {
		primary_id: 'opencode-session',
		ids: {
			kimaki: { thread_id: 'thread-7' },
			opencode: { session_id: 'opencode-session' },
		},
	} );
	expect( body.lock_owner.runtime_ids ).toEqual( body.origin_session?.ids );
	expect( body.found ).not.toContain( 'KIMAKI_SESSION_ID' );
	expect( body.found ).toEqual(
		expect.arrayContaining( [ 'KIMAKI_THREAD_ID', 'OPENCODE_SESSION_ID' ] )
	);
} );

test( 'nothing found records no origin session and lists every declared variable as missing', async () => {
	const body = await preview( {
		PATH: '/usr/bin',
		KIMAKI_CHANNEL_ID: 'c-1',
	} );
	expect( body.origin_session ).toBeNull();
	expect( Object.keys( body.lock_owner.runtime_ids ?? {} ) ).toEqual( [] );
	expect( body.declared ).toEqual( ALL_DECLARED );
	expect( body.found ).toEqual( [] );
	expect( body.missing ).toEqual( ALL_DECLARED );

	const empty = await preview( {} );
	expect( empty.origin_session ).toBeNull();
	expect( empty.missing ).toEqual( ALL_DECLARED );
} );

test( 'missing lists the declared variables that were not given, in declared order', async () => {
	const body = await preview( {
		KIMAKI_SESSION_ID: 'kimaki-session',
		OPENCODE_RUN_ID: 'run-3',
	} );
	expect( body.found ).toEqual( [ 'KIMAKI_SESSION_ID', 'OPENCODE_RUN_ID' ] );
	expect( body.missing ).toEqual( [
		'KIMAKI_THREAD_ID',
		'KIMAKI_THREAD_URL',
		'OPENCODE_SESSION_ID',
	] );
} );

test( 'the lock owner keeps at most 300 characters; the origin session applies no limit', async () => {
	const long = 'r'.repeat( 400 );
	const body = await preview( { OPENCODE_RUN_ID: `  ${ long }  ` } );
	expect( body.origin_session?.ids.opencode.run_id ).toBe( long );
	expect( body.lock_owner.runtime_ids?.opencode.run_id ).toBe(
		'r'.repeat( 300 )
	);
} );

test( 'a disabled runtime is not declared and captures nothing', async () => {
	const disabled = await admin().patch( '/runtimes/kimaki', {
		enabled: false,
	} );
	expect( disabled.status ).toBe( 200 );
	const body = await preview( {
		KIMAKI_SESSION_ID: 'kimaki-session',
		OPENCODE_RUN_ID: 'run-3',
	} );
	expect( body.declared ).toEqual( [
		'OPENCODE_SESSION_ID',
		'OPENCODE_RUN_ID',
	] );
	expect( body.origin_session ).toEqual( {
		primary_id: 'run-3',
		ids: { opencode: { run_id: 'run-3' } },
	} );
} );

test( 'with nothing registered nothing is declared or captured', async () => {
	resetRegistry();
	const body = await preview( { KIMAKI_SESSION_ID: 'kimaki-session' } );
	expect( body.declared ).toEqual( [] );
	expect( body.found ).toEqual( [] );
	expect( body.missing ).toEqual( [] );
	expect( body.origin_session ).toBeNull();
} );

test( 'remapped fields are what the preview reads', async () => {
	const remapped = await admin().patch( '/runtimes/kimaki', {
		fields: {
			session_id: 'KIMAKI_SESSION_ID',
			channel_id: 'KIMAKI_CHANNEL_ID',
		},
	} );
	expect( remapped.status ).toBe( 200 );
	const body = await preview( {
		KIMAKI_CHANNEL_ID: 'channel-1',
		KIMAKI_THREAD_ID: 'thread-7',
	} );
	expect( body.origin_session ).toEqual( {
		primary_id: 'channel-1',
		ids: { kimaki: { channel_id: 'channel-1' } },
	} );
	expect( body.declared ).toEqual( [
		'KIMAKI_SESSION_ID',
		'KIMAKI_CHANNEL_ID',
		'OPENCODE_SESSION_ID',
		'OPENCODE_RUN_ID',
	] );
} );
