/**
 * Only administrators (manage_options) reach the screen and its API: a
 * subscriber who logs in through wp-login.php gets WordPress's refusal page
 * and a 403 from the REST API even with a valid cookie and nonce.
 */
import { expect, test } from '@playwright/test';
import { testSite } from '../support/site';
import { logIn, screenUrl } from './helpers';

test.use( { storageState: { cookies: [], origins: [] } } );

test( 'a subscriber can neither open the screen nor read the runtimes', async ( {
	page,
} ) => {
	const site = testSite();
	await page.goto( `${ site.url }/wp-login.php` );
	await logIn( page, 'subscriber' );

	await page.goto( screenUrl() );
	await expect(
		page.getByText( 'Sorry, you are not allowed to access this page.' )
	).toBeVisible();
	await expect( page.locator( '#wpca-runtimes-root' ) ).toHaveCount( 0 );

	// The menu entry is not offered either.
	await page.goto( `${ site.url }/wp-admin/profile.php` );
	await expect(
		page.getByRole( 'link', { name: 'Agent Runtimes' } )
	).toHaveCount( 0 );

	// Cookie + wp_rest nonce, exactly what the admin screen would send.
	const nonce = (
		await (
			await page.request.get(
				`${ site.url }/wp-admin/admin-ajax.php?action=rest-nonce`
			)
		).text()
	).trim();
	expect( nonce ).toMatch( /^[0-9a-f]{10}$/ );
	const response = await page.request.get(
		`${ site.restUrl }wp-coding-agents/v1/runtimes`,
		{
			headers: { 'X-WP-Nonce': nonce },
		}
	);
	expect( response.status() ).toBe( 403 );
	expect( ( await response.json() ).code ).toBe( 'rest_forbidden' );
} );
