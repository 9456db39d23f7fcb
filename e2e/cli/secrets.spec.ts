/**
 * bin/runtime-signature keeps credentials on the agent's machine: it never sends a
 * variable the site says looks like a credential, never reads the user's ~/.curlrc, and
 * leaves no temporary file holding a value, whatever ends it.
 * Each test failed on the script before (verify posted GITHUB_TOKEN's value; a ~/.curlrc
 * proxy made every request fail; a SIGTERM left the request body in $TMPDIR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { writeMuPlugin } from '../rest/helpers';
import {
	EXIT,
	readLog,
	runScript,
	scratchDir,
	spyOnCommands,
	withRegisteredAgents,
} from './helpers';

const TOKEN = 'ghp_5ecret0fTheCiB0t';

withRegisteredAgents( [ 'session_id' ] );

test( 'verify never sends a variable the site says looks like a credential, and says it withheld it', async () => {
	const muPlugin = writeMuPlugin(
		'wpca-cli-secret-neighbour.php',
		`<?php
add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {
	$signatures['ci-bot'] = array( 'session_id' => 'GITHUB_TOKEN', 'run_id' => 'CI_RUN_ID' );
	return $signatures;
}, 20 );
`
	);
	const debugFile = path.join( scratchDir(), `debug-secret-${ Date.now() }` );
	const spy = spyOnCommands( [ 'curl' ] );
	try {
		const result = await runScript( [ 'verify', '--no-record' ], {
			pathPrefix: spy.dir,
			env: {
				GITHUB_TOKEN: TOKEN,
				CI_RUN_ID: 'ci-run-3',
				WPCA_DEBUG_BODY: debugFile,
			},
		} );
		expect( result.code, result.stderr ).toBe( EXIT.done );
		expect( result.stdout ).toMatch(
			/ci-bot\s+session_id\s+GITHUB_TOKEN\s+withheld \(looks like a credential: its value is never sent\)/
		);
		expect( result.stdout ).toContain(
			'primary_id: ci-run-3 (from ci-bot run_id)'
		);
		expect( result.stderr ).toContain(
			'withheld: GITHUB_TOKEN (looks like a credential'
		);
		const sent = fs.readFileSync( debugFile, 'utf8' );
		expect( sent ).toContain( '"CI_RUN_ID":"ci-run-3"' );
		for ( const text of [
			sent,
			readLog( spy.log ),
			result.stdout,
			result.stderr,
		] ) {
			expect( text ).not.toContain( TOKEN );
		}
	} finally {
		fs.rmSync( muPlugin );
	}
} );

test( "the user's ~/.curlrc is never read (a proxy or `verbose` there changes nothing)", async () => {
	const home = fs.mkdtempSync( path.join( scratchDir(), 'home-' ) );
	fs.writeFileSync(
		path.join( home, '.curlrc' ),
		'verbose\nproxy = "http://127.0.0.1:9"\n'
	);
	const result = await runScript( [ 'list' ], {
		env: { HOME: home, CURL_HOME: home, XDG_CONFIG_HOME: home },
	} );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( result.stderr ).not.toContain( 'Authorization' );
	const spy = spyOnCommands( [ 'curl' ] );
	await runScript( [ 'list' ], { pathPrefix: spy.dir } );
	expect( readLog( spy.log ) ).toMatch( /^argv: curl -q --config - /m );
} );

test( 'a signal in the middle of verify leaves no temporary file holding a value', async () => {
	const tmp = fs.mkdtempSync( path.join( scratchDir(), 'tmp-' ) );
	// A curl that, while the preview (holding the values) is being sent, has the script
	// terminated, as a closed terminal or a CI timeout would.
	const dir = fs.mkdtempSync( path.join( scratchDir(), 'term-' ) );
	fs.writeFileSync(
		path.join( dir, 'curl' ),
		[
			'#!/bin/bash',
			`PATH=\${PATH#${ dir }:}`,
			'for argument in "$@"; do',
			'\tif [[ $argument == @* ]] && grep -q kimaki-value "${argument#@}"; then',
			// The script itself: the oldest ancestor running it (curl runs in a subshell).
			'\t\tpid=$PPID',
			'\t\twhile parent=$(ps -o ppid= -p "$pid" | tr -d " ") && tr "\\0" " " <"/proc/$parent/cmdline" | grep -q runtime-signature; do pid=$parent; done',
			'\t\tkill -TERM "$pid"',
			'\t\texit 7',
			'\tfi',
			'done',
			'exec curl "$@"',
			'',
		].join( '\n' ),
		{ mode: 0o755 }
	);
	const result = await runScript( [ 'verify', '--no-record' ], {
		pathPrefix: dir,
		env: { TMPDIR: tmp, KIMAKI_SESSION_ID: 'kimaki-value' },
	} );
	expect( result.code ).toBeNull(); // Ended by the signal, as it would have without a trap.
	expect( fs.readdirSync( tmp ) ).toEqual( [] );
} );
