/**
 * Boots a fresh native test site unless WPCA_SITE_FILE already names a running one
 * (`npm test` boots it once for PHPUnit and Playwright), then saves an admin session
 * for the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { request } from '@playwright/test';
import { DEFAULT_SITE_FILE, ROOT, adminStatePath, testSite } from './site';

export default async function globalSetup(): Promise< void > {
	if ( process.env.WPCA_NO_TEST_SITE ) {
		return; // The Playground smoke test brings its own site.
	}
	if ( ! process.env.WPCA_SITE_FILE ) {
		execFileSync( 'node', [ 'scripts/test-site.mjs', 'start' ], {
			cwd: ROOT,
			stdio: 'inherit',
		} );
		process.env.WPCA_SITE_FILE = DEFAULT_SITE_FILE;
		process.env.WPCA_SITE_STARTED_BY_PLAYWRIGHT = '1';
	}
	const site = testSite();
	const context = await request.newContext( { baseURL: site.url } );
	const response = await context.post( '/wp-login.php', {
		form: {
			log: site.users.admin.username,
			pwd: site.users.admin.password,
			'wp-submit': 'Log In',
			testcookie: '1',
		},
		headers: { Cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
	} );
	if (
		! response.ok() ||
		! ( await context.storageState() ).cookies.some( ( c ) =>
			c.name.startsWith( 'wordpress_logged_in' )
		)
	) {
		throw new Error(
			`Could not log in as admin (HTTP ${ response.status() })`
		);
	}
	await context.storageState( { path: adminStatePath() } );
	await context.dispose();
}
