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
import { writeMuPlugin } from '../rest/helpers';
import {
	EXIT,
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

test( 'verify reads what DMC reads: entries other code adds that DMC ignores are neither read nor sent', async () => {
	// An all-digit id is an integer key in PHP and a pair with an empty subkey is
	// skipped: DMC reads neither; the valid pair of the same callback it reads.
	const muPlugin = writeMuPlugin(
		'wpca-verify-foreign.php',
		`<?php
add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {
	$signatures['123']   = array( 'session_id' => 'DIGITS_SESSION_ID' );
	$signatures['other'] = array( '' => 'EMPTY_SUBKEY_VAR', 'run_id' => 'OTHER_RUN_ID' );
	return $signatures;
}, 20 );
`
	);
	const debugFile = path.join(
		scratchDir(),
		`debug-foreign-${ Date.now() }`
	);
	try {
		const result = await runScript( [ 'verify', '--no-record' ], {
			env: {
				DIGITS_SESSION_ID: 'digits-1',
				EMPTY_SUBKEY_VAR: 'empty-1',
				OTHER_RUN_ID: 'other-run-1',
				WPCA_DEBUG_BODY: debugFile,
			},
		} );
		expect( result.code, result.stderr ).toBe( EXIT.done );
		expect( result.stdout ).toMatch(
			/other\s+run_id\s+OTHER_RUN_ID\s+found/
		);
		expect( result.stdout ).toContain(
			'primary_id: other-run-1 (from other run_id)'
		);
		for ( const ignored of [ 'DIGITS_SESSION_ID', 'EMPTY_SUBKEY_VAR' ] ) {
			expect( result.stdout ).not.toContain( ignored );
		}
		expect( debugBodies( debugFile ) ).toEqual( [
			{ env: { OTHER_RUN_ID: 'other-run-1' } },
		] );
	} finally {
		fs.rmSync( muPlugin );
	}
} );
