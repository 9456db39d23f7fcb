/**
 * Runs bin/runtime-signature the way an installer or an agent process does (a
 * child process with its own environment) against the test site, and reads the
 * site back over REST to check what the script really did. Ours rather than
 * `@wordpress/e2e-test-utils-playwright`'s: the utilities drive a browser and REST
 * with cookie auth, not a shell script with an Application Password.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Runtime } from '../../src/api/types';
import { basicAuth, ROOT, testSite, wpPhp } from '../support/site';

export const SCRIPT = path.join( ROOT, 'bin', 'runtime-signature' );

export const EXIT = {
	done: 0,
	usage: 2,
	refused: 3,
	unreachable: 4,
	noSession: 5,
} as const;

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	/** Extra environment (undefined removes a variable). */
	env?: Record< string, string | undefined >;
	/** Password delivery: a 0600 file (default), the environment, or none. */
	password?: 'file' | 'env' | 'none';
	/** Another Application Password than the admin's (e.g. a wrong one). */
	appPassword?: string;
	/** A folder put first in PATH (the spies of `spyOnCommands`). */
	pathPrefix?: string;
}

let scratch: string | undefined;

/** A private folder for this worker's password files and spies. */
export function scratchDir(): string {
	if ( ! scratch ) {
		scratch = fs.mkdtempSync( path.join( os.tmpdir(), 'wpca-cli-' ) );
		fs.chmodSync( scratch, 0o700 );
	}
	return scratch;
}

/** Deletes the password files and spies; the next scratchDir() starts afresh. */
export function removeScratchDir(): void {
	if ( scratch ) {
		fs.rmSync( scratch, { recursive: true, force: true } );
		scratch = undefined;
	}
}

export function adminPassword(): string {
	return testSite().users.admin.appPassword;
}

/**
 * The environment of a child process: the test runner's own, minus any WPCA_*
 * settings, plus the connection to the test site.
 * @param options
 */
function childEnv( options: RunOptions ): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for ( const [ name, value ] of Object.entries( process.env ) ) {
		if ( ! name.startsWith( 'WPCA_' ) ) {
			env[ name ] = value;
		}
	}
	const password = options.appPassword ?? adminPassword();
	env.WPCA_URL = testSite().url;
	env.WPCA_USER = testSite().users.admin.username;
	env.WPCA_RETRY_DELAY = '0';
	env.LC_ALL = 'C.UTF-8';
	if ( 'env' === options.password ) {
		env.WPCA_APP_PASSWORD = password;
	} else if ( 'none' !== options.password ) {
		const file = path.join(
			scratchDir(),
			`password-${ process.pid }-${ Date.now() }`
		);
		fs.writeFileSync( file, password + '\n', { mode: 0o600 } );
		env.WPCA_APP_PASSWORD_FILE = file;
	}
	if ( options.pathPrefix ) {
		env.PATH = `${ options.pathPrefix }:${ env.PATH ?? '' }`;
	}
	for ( const [ name, value ] of Object.entries( options.env ?? {} ) ) {
		if ( undefined === value ) {
			delete env[ name ];
		} else {
			env[ name ] = value;
		}
	}
	return env;
}

/**
 * Runs a command line (`bash -c …` or the script itself) and collects its output.
 * @param command
 * @param args
 * @param options
 */
export function runCommand(
	command: string,
	args: string[],
	options: RunOptions = {}
): Promise< RunResult > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, args, {
			cwd: ROOT,
			env: childEnv( options ),
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding( 'utf8' );
		child.stderr.setEncoding( 'utf8' );
		child.stdout.on( 'data', ( chunk: string ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk: string ) => ( stderr += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', ( code ) => resolve( { code, stdout, stderr } ) );
	} );
}

export function runScript(
	args: string[],
	options: RunOptions = {}
): Promise< RunResult > {
	return runCommand( SCRIPT, args, options );
}

/**
 * `verify` as an agent process runs it: with the agent's environment.
 * @param env  The agent's variables.
 * @param args Further arguments (--runtime, --no-record…).
 */
export function verify(
	env: Record< string, string >,
	...args: string[]
): Promise< RunResult > {
	return runScript( [ 'verify', ...args ], { env } );
}

/**
 * Every line the script printed, for exact matches on its status lines.
 * @param result
 */
export function lines( result: RunResult ): string[] {
	return result.stdout.split( '\n' ).filter( Boolean );
}

export type RuntimeItem = Runtime;

/**
 * A REST call as the admin, independent of the script under test.
 * @param method
 * @param route
 */
export async function rest< T >(
	method: string,
	route: string
): Promise< { status: number; body: T } > {
	const response = await fetch(
		`${ testSite().restUrl }wp-coding-agents/v1${ route }`,
		{ method, headers: { Authorization: basicAuth( 'admin' ) } }
	);
	return { status: response.status, body: ( await response.json() ) as T };
}

export async function getRuntime( id: string ): Promise< RuntimeItem | null > {
	const response = await rest< RuntimeItem >( 'GET', `/runtimes/${ id }` );
	return 200 === response.status ? response.body : null;
}

/**
 * Removes registrations over REST (test clean-up, not the script under test).
 * @param ids
 */
export async function unregisterOverRest( ...ids: string[] ): Promise< void > {
	for ( const id of ids ) {
		await rest( 'DELETE', `/runtimes/${ id }` );
	}
}

/** Unregisters everything, so precedence in a test depends on that test alone. */
export async function unregisterAll(): Promise< void > {
	const { body } = await rest< RuntimeItem[] >( 'GET', '/runtimes' );
	await unregisterOverRest(
		...body.filter( ( item ) => item.registered ).map( ( item ) => item.id )
	);
}

/**
 * A GET as the admin that must answer 200: its body.
 * @param route
 */
export async function restOk< T >( route: string ): Promise< T > {
	const response = await rest< T >( 'GET', route );
	expect( response.status ).toBe( 200 );
	return response.body;
}

/**
 * The same start for every test of a spec about verify: no observation kept, and
 * kimaki and opencode registered through the script as their installers do, each
 * subkey mapped to RUNTIME_SUBKEY (opencode: session_id, run_id). Afterwards
 * nothing is registered or observed and the scratch folder is gone.
 * @param kimakiSubkeys Kimaki's subkeys, in order.
 */
export function withRegisteredAgents( kimakiSubkeys: string[] ): void {
	const forgetObservations = () =>
		wpPhp( `delete_option( 'wpca_observations' );` );
	test.afterAll( removeScratchDir );
	test.beforeEach( async () => {
		forgetObservations();
		await unregisterAll();
		for ( const [ id, subkeys ] of [
			[ 'kimaki', kimakiSubkeys ],
			[ 'opencode', [ 'session_id', 'run_id' ] ],
		] as const ) {
			const result = await runScript( [
				'register',
				id,
				...subkeys.map(
					( subkey ) =>
						`${ subkey }=${ id.toUpperCase() }_${ subkey.toUpperCase() }`
				),
			] );
			expect( result.code, result.stderr ).toBe( EXIT.done );
		}
	} );
	test.afterEach( async () => {
		forgetObservations();
		await unregisterAll();
	} );
}

/**
 * Puts spies for `commands` into a fresh folder meant to go first in PATH. Each
 * spy appends to `log` the command's argv, the argv of the process that started
 * it (/proc/<ppid>/cmdline: the script itself) and, for curl, the content of any
 * `@file` request body; then it execs the real command with the same argv.
 * @param commands
 */
export function spyOnCommands( commands: string[] ): {
	dir: string;
	log: string;
} {
	const dir = fs.mkdtempSync( path.join( scratchDir(), 'spy-' ) );
	const log = path.join( dir, 'calls.log' );
	const spy = [
		'#!/bin/bash',
		'name=${0##*/}',
		`PATH=\${PATH#${ dir }:}`,
		'{',
		'\tprintf "argv:"; printf " %s" "$name" "$@"; printf "\\n"',
		'\tprintf "parent:"; tr "\\0" " " <"/proc/$PPID/cmdline"; printf "\\n"',
		'\tif [[ $name == curl ]]; then',
		'\t\tfor argument in "$@"; do',
		'\t\t\tif [[ $argument == @* && -f ${argument#@} ]]; then',
		'\t\t\t\tprintf "body: "; cat -- "${argument#@}"; printf "\\n"',
		'\t\t\tfi',
		'\t\tdone',
		'\tfi',
		`} >>${ JSON.stringify( log ) }`,
		'exec "$name" "$@"',
		'',
	].join( '\n' );
	for ( const command of commands ) {
		fs.writeFileSync( path.join( dir, command ), spy, { mode: 0o755 } );
	}
	return { dir, log };
}

export function readLog( log: string ): string {
	return fs.existsSync( log ) ? fs.readFileSync( log, 'utf8' ) : '';
}

/**
 * A local HTTP server answering each request with the next canned response
 * (the last one repeats), counting what it received.
 * @param answers
 */
export async function fakeSite(
	answers: Array< { status: number; type: string; body: string } >
): Promise< {
	url: string;
	requests: string[];
	close: () => Promise< void >;
} > {
	const requests: string[] = [];
	const server = http.createServer( ( request, response ) => {
		const answer =
			answers[ Math.min( requests.length, answers.length - 1 ) ];
		requests.push( `${ request.method } ${ request.url }` );
		response.writeHead( answer.status, { 'Content-Type': answer.type } );
		response.end( answer.body );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ port }`,
		requests,
		close: () =>
			new Promise< void >( ( resolve ) =>
				server.close( () => resolve() )
			),
	};
}

export const NO_ROUTE = JSON.stringify( {
	code: 'rest_no_route',
	message: 'No route was found matching the URL and request method.',
	data: { status: 404 },
} );
