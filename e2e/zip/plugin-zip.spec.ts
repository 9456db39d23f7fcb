/**
 * Distribution: `npm run plugin-zip` builds an installable zip that a user uploads
 * through Plugins → Add Plugin → Upload Plugin on a site that has never seen it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../support/site';
import { fillLoginForm } from '../support/login';

const ZIP = path.join( ROOT, 'wp-coding-agents-runtimes.zip' );
// Beside the test sites (scripts/test.mjs): WPCA_TEST_PORT + 1.
const PORT = Number( process.env.WPCA_TEST_PORT || 8889 ) + 1;
const SITE_NAME = 'zip-site';
const url = `http://127.0.0.1:${ PORT }`;

test.describe.configure( { mode: 'serial' } );

test.beforeAll( () => {
	test.setTimeout( 120_000 );
	execFileSync( 'npm', [ 'run', 'plugin-zip' ], {
		cwd: ROOT,
		stdio: 'ignore',
	} );
	execFileSync(
		'node',
		[
			'scripts/test-site.mjs',
			'start',
			'--name',
			SITE_NAME,
			'--port',
			String( PORT ),
			'--no-plugin',
		],
		{ cwd: ROOT, stdio: 'ignore' }
	);
} );

test.afterAll( () => {
	execFileSync(
		'node',
		[ 'scripts/test-site.mjs', 'stop', '--name', SITE_NAME ],
		{ cwd: ROOT, stdio: 'ignore' }
	);
} );

test( 'the zip holds the runtime files and no development files', () => {
	const listing = execFileSync( 'unzip', [ '-Z1', ZIP ], {
		encoding: 'utf8',
	} )
		.split( '\n' )
		.filter( Boolean );
	for ( const needed of [
		'plugin.php',
		'uninstall.php',
		'readme.txt',
		'build/index.js',
		'build/index.asset.php',
		'php/storage/class-signature-store.php',
		'bin/runtime-signature',
	] ) {
		expect( listing ).toContain( `wp-coding-agents-runtimes/${ needed }` );
	}
	// package.json is always packed by `wp-scripts plugin-zip` (npm-packlist), as in every
	// plugin zipped with it; nothing else of the development tree may be.
	const development = listing.filter( ( file ) =>
		/\/(src|e2e|tests|node_modules|scripts|docs|\.ci)\/|package-lock\.json$|tsconfig\.json$|\.map$/.test(
			file
		)
	);
	expect( development ).toEqual( [] );
} );

test( 'a user uploads the zip, activates it and opens Tools → Agent Runtimes', async ( {
	page,
} ) => {
	await page.goto( `${ url }/wp-login.php` );
	await fillLoginForm( page, 'admin', 'password' );

	await page.goto( `${ url }/wp-admin/plugin-install.php?tab=upload` );
	await page.locator( 'input#pluginzip' ).setInputFiles( ZIP );
	await page.getByRole( 'button', { name: 'Install Now' } ).click();
	await expect(
		page.getByText( 'Plugin installed successfully.' )
	).toBeVisible();
	await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
	await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();

	await page.locator( '#menu-tools' ).hover();
	await page
		.getByRole( 'link', { name: 'Agent Runtimes', exact: true } )
		.click();
	await expect(
		page.getByRole( 'heading', { name: 'Agent Runtimes', level: 1 } )
	).toBeVisible();
	await expect(
		page
			.getByRole( 'cell', { name: 'KIMAKI_SESSION_ID', exact: true } )
			.first()
	).toBeVisible();
	await expect(
		page
			.getByRole( 'cell', { name: 'OPENCODE_SESSION_ID', exact: true } )
			.first()
	).toBeVisible();

	// Installing a plugin makes WordPress call its update checks directly, and they
	// warn because this machine cannot reach wordpress.org; anything else is ours.
	const offlineUpdateCheck =
		/PHP Warning: {2}wp_(version_check|update_plugins|update_themes)\(\): .*WordPress\.org/;
	const debugLog = path.join( ROOT, '.cache', SITE_NAME, 'debug.log' );
	const problems = (
		fs.existsSync( debugLog ) ? fs.readFileSync( debugLog, 'utf8' ) : ''
	)
		.split( '\n' )
		.filter(
			( line ) =>
				/PHP (Notice|Warning|Deprecated|Fatal error)/.test( line ) &&
				! offlineUpdateCheck.test( line )
		);
	expect( problems ).toEqual( [] );
} );
