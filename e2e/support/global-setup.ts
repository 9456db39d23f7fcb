/**
 * Boots a fresh native test site unless WPCA_SITE_FILE already names a running one
 * (`npm test` boots it once for PHPUnit and Playwright), points
 * `@wordpress/e2e-test-utils-playwright` at it (WP_BASE_URL, WP_USERNAME, WP_PASSWORD,
 * STORAGE_STATE_PATH, which the workers inherit), and saves the admin session its
 * RequestUtils logs in for the browser tests.
 */
import { execFileSync } from 'node:child_process';
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
	process.env.WP_BASE_URL = site.url;
	process.env.WP_USERNAME = site.users.admin.username;
	process.env.WP_PASSWORD = site.users.admin.password;
	process.env.STORAGE_STATE_PATH = adminStatePath();
	// Imported only now: the utilities read WP_BASE_URL when they load.
	const { RequestUtils } =
		await import( '@wordpress/e2e-test-utils-playwright' );
	const requestUtils = await RequestUtils.setup( {
		baseURL: `${ site.url }/`,
		user: site.users.admin,
		storageStatePath: adminStatePath(),
	} );
	// Logs in through wp-login.php, reads the REST nonce, saves the storage state.
	await requestUtils.setupRest();
	await requestUtils.request.dispose();
}
