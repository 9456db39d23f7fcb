import type { Page } from '@playwright/test';

/**
 * Logs in through wp-login.php, which must be the current page, as a person would.
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
