import type { Page } from '@playwright/test';

/**
 * Logs in through wp-login.php, which must be the current page, as a person would.
 * Kept beside @wordpress/e2e-test-utils-playwright (whose RequestUtils logs the
 * test site's admin in for the ui and rest suites): the zip and Playground specs
 * log in to sites of their own (a plugin-less site the zip is uploaded to, a
 * Playground that `npm start` boots), and the form itself is what they test.
 * @param page     Page showing wp-login.php.
 * @param username User login.
 * @param password Password.
 */
export async function fillLoginForm(
	page: Page,
	username: string,
	password: string
): Promise< void > {
	await page.getByLabel( 'Username or Email Address' ).fill( username );
	await page.getByLabel( 'Password', { exact: true } ).fill( password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await page.waitForURL( /\/wp-admin\// );
}
