import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import { adminStatePath } from './e2e/support/site';

// Debian's chromium-headless-shell is the browser Playwright itself runs headless: the
// same engine without the desktop browser around it, about 40 % less CPU per admin page
// load. WPCA_CHROMIUM=/usr/bin/chromium picks the full browser (for --headed).
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const CHROMIUM =
	process.env.WPCA_CHROMIUM ||
	( fs.existsSync( HEADLESS_SHELL ) ? HEADLESS_SHELL : '/usr/bin/chromium' );

/**
 * End-to-end suites against a real WordPress:
 * - rest, cli, ui: the native test site (PHP workers + MariaDB) that global set-up boots;
 * - zip: the built plugin zip uploaded into a second, plugin-less native site;
 * - playground: a smoke test of the WordPress Playground runtime `npm start` uses.
 * Chromium comes from Debian (`npx playwright install` cannot download here).
 */
export default defineConfig( {
	testDir: './e2e',
	outputDir: './artifacts/test-results',
	globalSetup: './e2e/support/global-setup.ts',
	globalTeardown: './e2e/support/global-teardown.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !! process.env.CI,
	retries: 0,
	timeout: 60_000,
	// A real WordPress on a busy CI machine can take longer than the default 5 s
	// to render the admin screen after a change.
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	use: {
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run',
			],
		},
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	// Each project's own folder (a testMatch glob such as 'rest/**' would also match a
	// checkout that lives in a folder named rest, and run every suite).
	projects: [
		{ name: 'rest', testDir: './e2e/rest' },
		{ name: 'cli', testDir: './e2e/cli' },
		{
			name: 'ui',
			testDir: './e2e/ui',
			// Global set-up exports WP_BASE_URL (the site it boots) to the workers; the
			// utilities' admin.visitAdminPage navigates relative to it.
			use: {
				storageState: adminStatePath(),
				baseURL: process.env.WP_BASE_URL,
			},
		},
		{ name: 'zip', testDir: './e2e/zip' },
		{
			name: 'playground',
			testDir: './e2e/playground',
			timeout: 240_000,
		},
	],
} );
