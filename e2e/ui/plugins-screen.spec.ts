/**
 * Plugins → Installed Plugins: the plugin's row leads to its screen.
 */
import { expect, test } from '@playwright/test';
import { testSite } from '../support/site';

test( "the plugin's row on the Plugins screen links to Tools → Agent Runtimes", async ( {
	page,
} ) => {
	await page.goto( `${ testSite().url }/wp-admin/plugins.php` );
	const row = page.getByRole( 'row', {
		name: /^Select Coding Agent Runtimes/,
	} );
	// First in the row, before Deactivate.
	const links = row.locator( '.row-actions a' );
	await expect( links ).toHaveText( [ 'Manage runtimes', 'Deactivate' ] );
	await links.first().click();
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Agent Runtimes' } )
	).toBeVisible();
} );
