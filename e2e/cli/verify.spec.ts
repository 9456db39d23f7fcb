/**
 * bin/runtime-signature verify, run the way an agent process would run it: with
 * the agent's environment, showing what Data Machine Code would record, and
 * sending the site nothing but the variables the site declares.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type {
	LastVerification,
	LastVerificationResponse,
} from '../../src/api/types';
import {
	EXIT,
	fakeSite,
	NO_ROUTE,
	readLog,
	restOk,
	runScript,
	scratchDir,
	spyOnCommands,
	withRegisteredAgents,
	verify,
} from './helpers';

const SECRET = 'top-secret-value-7c1f';

const RECORDED = 'recorded on the site as an observation';

async function lastVerification(): Promise< LastVerification | null > {
	return (
		await restOk< LastVerificationResponse >(
			'/attribution/last-verification'
		)
	).verification;
}

withRegisteredAgents( [ 'session_id', 'thread_id', 'thread_url' ] );

/**
 * The JSON bodies of every request, as WPCA_DEBUG_BODY recorded them.
 * @param file
 */
function debugBodies( file: string ): unknown[] {
	return fs
		.readFileSync( file, 'utf8' )
		.split( '\n' )
		.filter( ( line ) => line.startsWith( '{' ) )
		.map( ( line ) => JSON.parse( line ) as unknown );
}

test( 'verify prints the primary id, the captured ids and the missing variables, sending only declared names', async () => {
	const debugFile = path.join( scratchDir(), `debug-body-${ Date.now() }` );
	const spy = spyOnCommands( [ 'curl' ] );
	const result = await runScript( [ 'verify' ], {
		pathPrefix: spy.dir,
		env: {
			KIMAKI_SESSION_ID: 'kimaki-session-1',
			KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
			OPENCODE_RUN_ID: 'run-9',
			SECRET_TOKEN: SECRET,
			WPCA_DEBUG_BODY: debugFile,
		},
	} );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( result.stdout ).toContain(
		'primary_id: kimaki-session-1 (from kimaki session_id)'
	);
	expect( result.stdout ).toContain(
		'  kimaki:\n    session_id=kimaki-session-1\n    thread_url=https://discord.com/channels/1/2\n  opencode:\n    run_id=run-9\n'
	);
	expect( result.stdout ).toMatch(
		/^missing: KIMAKI_THREAD_ID OPENCODE_SESSION_ID$/m
	);
	expect( result.stdout ).toMatch(
		/kimaki\s+thread_id\s+KIMAKI_THREAD_ID\s+missing/
	);

	expect( result.stdout ).toContain( RECORDED );

	// What was posted: exactly the declared variables that are set.
	expect( debugBodies( debugFile ) ).toEqual( [
		{
			env: {
				KIMAKI_SESSION_ID: 'kimaki-session-1',
				KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
				OPENCODE_RUN_ID: 'run-9',
			},
			record: true,
			host: os.hostname(),
		},
	] );

	// What the admin sees: names and hashes, no value.
	const report = await lastVerification();
	expect( report ).toMatchObject( {
		source: 'installer',
		host: os.hostname(),
		found: [ 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_RUN_ID' ],
		missing: [ 'KIMAKI_THREAD_ID', 'OPENCODE_SESSION_ID' ],
		primary_runtime: 'kimaki',
		primary_variable: 'KIMAKI_SESSION_ID',
	} );
	const stored = JSON.stringify( report );
	for ( const value of [
		'kimaki-session-1',
		'run-9',
		'discord.com/channels',
		SECRET,
	] ) {
		expect( stored ).not.toContain( value );
	}
	// …and curl really sent nothing else (the spy copies curl's body file).
	const calls = readLog( spy.log );
	expect( calls ).toContain( 'body: {"env":{"KIMAKI_SESSION_ID"' );
	for ( const text of [ calls, result.stdout, result.stderr ] ) {
		expect( text ).not.toContain( 'SECRET_TOKEN' );
		expect( text ).not.toContain( SECRET );
	}
} );

test( 'verify --no-record records no observation', async () => {
	const result = await verify(
		{ KIMAKI_SESSION_ID: 'not-recorded' },
		'--no-record'
	);
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( result.stdout ).toContain( 'primary_id: not-recorded' );
	expect( result.stdout ).not.toContain( RECORDED );
	expect( await lastVerification() ).toBeNull();
} );

test( 'verify asks again without recording when the site predates "record"', async () => {
	const site = await fakeSite( [
		{
			status: 200,
			type: 'application/json',
			body: JSON.stringify( {
				signatures: { kimaki: { session_id: 'KIMAKI_SESSION_ID' } },
				collisions: [],
				problems: [],
			} ),
		},
		{
			status: 400,
			type: 'application/json',
			body: JSON.stringify( {
				code: 'wpca_unknown_property',
				message: 'Unknown property "record": this route accepts env.',
				data: { status: 400, params: { record: 'Unknown property' } },
			} ),
		},
		{
			status: 200,
			type: 'application/json',
			body: JSON.stringify( {
				origin_session: {
					primary_id: 'old-site-1',
					ids: { kimaki: { session_id: 'old-site-1' } },
				},
				lock_owner: {
					runtime_ids: { kimaki: { session_id: 'old-site-1' } },
				},
				declared: [ 'KIMAKI_SESSION_ID' ],
				found: [ 'KIMAKI_SESSION_ID' ],
				missing: [],
			} ),
		},
	] );
	try {
		const result = await runScript( [ 'verify' ], {
			env: { WPCA_URL: site.url, KIMAKI_SESSION_ID: 'old-site-1' },
		} );
		expect( result.code, result.stderr ).toBe( EXIT.done );
		expect( site.requests ).toHaveLength( 3 );
		expect( result.stdout ).toContain(
			'primary_id: old-site-1 (from kimaki session_id)'
		);
		expect( result.stdout ).not.toContain( RECORDED );
	} finally {
		await site.close();
	}
} );

test( 'verify without kimaki variables takes the primary id from the next runtime', async () => {
	const result = await verify( {
		OPENCODE_SESSION_ID: '  open-session  ',
		KIMAKI_THREAD_URL: 'discord.com/not-a-url',
	} );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( result.stdout ).toContain(
		'primary_id: open-session (from opencode session_id)'
	);
	// Set but not an http(s) URL: DMC drops it, so kimaki captures nothing.
	expect( result.stdout ).not.toContain( '  kimaki:\n' );
	expect( result.stdout ).toMatch(
		/^missing: KIMAKI_SESSION_ID KIMAKI_THREAD_ID OPENCODE_RUN_ID$/m
	);
} );

test( 'verify in a process without any declared variable records nothing and lists them all', async () => {
	const result = await verify( {} );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( result.stdout ).toContain(
		'nothing (no declared variable is set in this process)'
	);
	expect( result.stdout ).toMatch(
		/^missing: KIMAKI_SESSION_ID KIMAKI_THREAD_ID KIMAKI_THREAD_URL OPENCODE_SESSION_ID OPENCODE_RUN_ID$/m
	);
} );

test( 'verify computes the result itself when the site has no preview route', async () => {
	const site = await fakeSite( [
		{
			status: 200,
			type: 'application/json',
			body: JSON.stringify( {
				signatures: {
					kimaki: {
						session_id: 'KIMAKI_SESSION_ID',
						thread_url: 'KIMAKI_THREAD_URL',
					},
					opencode: { session_id: 'OPENCODE_SESSION_ID' },
				},
				collisions: [],
				problems: [],
			} ),
		},
		{ status: 404, type: 'application/json', body: NO_ROUTE },
	] );
	try {
		const result = await runScript( [ 'verify' ], {
			env: {
				WPCA_URL: site.url,
				KIMAKI_THREAD_URL: 'HTTP://example.com/thread',
				OPENCODE_SESSION_ID: 'open-1',
			},
		} );
		expect( result.code, result.stderr ).toBe( EXIT.done );
		expect( result.stdout ).toContain( 'computed locally' );
		expect( result.stdout ).toContain(
			'primary_id: open-1 (from opencode session_id)'
		);
		expect( result.stdout ).toContain(
			'  kimaki:\n    thread_url=HTTP://example.com/thread\n'
		);
		expect( result.stdout ).toMatch( /^missing: KIMAKI_SESSION_ID$/m );
	} finally {
		await site.close();
	}
} );
