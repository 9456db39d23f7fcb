/**
 * The newcomer's path: `npm start` boots WordPress Playground with the plugin active,
 * the admin screen works there, and Ctrl-C stops it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../support/site';
import { fillLoginForm } from '../support/login';

// Beside the test sites (scripts/test.mjs): WPCA_TEST_PORT - 2.
const PORT = Number( process.env.WPCA_TEST_PORT || 8889 ) - 2;
let server: ChildProcess;
let output = '';
let siteDir: string;

test.beforeAll( async () => {
	test.setTimeout( 240_000 );
	siteDir = fs.mkdtempSync( path.join( os.tmpdir(), 'wpca-playground-' ) );
	server = spawn(
		'node',
		[
			'scripts/start.mjs',
			'--port',
			String( PORT ),
			'--site-dir',
			path.join( siteDir, 'site' ),
		],
		{
			cwd: ROOT,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	server.stdout?.on(
		'data',
		( chunk: Buffer ) => ( output += chunk.toString() )
	);
	server.stderr?.on(
		'data',
		( chunk: Buffer ) => ( output += chunk.toString() )
	);
	await expect
		.poll( () => output, { timeout: 220_000, intervals: [ 1000 ] } )
		.toContain( 'WordPress is ready' );
} );

test.afterAll( async () => {
	if ( server.exitCode === null ) {
		// SIGTERM: npm start stops Playground's own process group, which SIGKILL
		// would leave serving the port after a failed test.
		const exited = new Promise( ( resolve ) =>
			server.once( 'exit', resolve )
		);
		server.kill( 'SIGTERM' );
		await Promise.race( [
			exited,
			new Promise( ( resolve ) => setTimeout( resolve, 20_000 ) ),
		] );
		if ( server.exitCode === null ) {
			server.kill( 'SIGKILL' );
		}
	}
	fs.rmSync( siteDir, { recursive: true, force: true } );
} );

test( 'npm start prints the screen URL and login, serves the admin screen, and stops on Ctrl-C', async ( {
	page,
} ) => {
	const screenUrl = `http://127.0.0.1:${ PORT }/wp-admin/tools.php?page=wpca-runtimes`;
	expect( output ).toContain( screenUrl );
	expect( output ).toContain( 'admin / password' );

	await page.goto( `http://127.0.0.1:${ PORT }/wp-login.php` );
	await fillLoginForm( page, 'admin', 'password' );

	await page.goto( screenUrl );
	await expect(
		page.getByRole( 'heading', { name: 'Agent Runtimes', level: 1 } )
	).toBeVisible();
	await expect(
		page
			.getByRole( 'cell', { name: 'KIMAKI_SESSION_ID', exact: true } )
			.first()
	).toBeVisible( {
		timeout: 30_000,
	} );
	await expect(
		page
			.getByRole( 'cell', { name: 'OPENCODE_RUN_ID', exact: true } )
			.first()
	).toBeVisible();

	const exited = new Promise< number | null >( ( resolve ) =>
		server.once( 'exit', resolve )
	);
	server.kill( 'SIGINT' );
	expect( await exited ).toBe( 0 );
} );
