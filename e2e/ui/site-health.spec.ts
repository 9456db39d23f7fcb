/**
 * Tools → Site Health tells an admin, without opening the plugin's screen,
 * whether Data Machine Code can attribute worktrees, and links to the fix.
 */
import { expect, test } from '@playwright/test';
import { installDmc, removeDmc } from '../support/dmc';
import {
	openScreen,
	openSiteHealth,
	resetRegistry,
	setPublished,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
	installDmc( '0.60.0' );
} );
test.afterEach( () => {
	resetRegistry();
	removeDmc();
} );

test( 'Site Health recommends publishing a runtime, links to the screen, and passes once one is published', async ( {
	page,
} ) => {
	await openSiteHealth( page );
	const finding = page.getByRole( 'button', {
		name: /No coding-agent runtime is published/,
	} );
	await expect( finding ).toBeVisible();
	await finding.click();
	await page.getByRole( 'link', { name: 'Manage agent runtimes' } ).click();
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Agent Runtimes' } )
	).toBeVisible();

	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await openSiteHealth( page );
	await page.getByRole( 'button', { name: /Passed tests/ } ).click();
	const passed = page.getByRole( 'button', {
		name: /Data Machine Code can attribute worktrees to coding-agent sessions/,
	} );
	await expect( passed ).toBeVisible();
	await passed.click();
	await expect(
		page.getByText(
			'Published runtime signatures, in precedence order: kimaki.'
		)
	).toBeVisible();
	await expect(
		page.getByRole( 'button', {
			name: /No coding-agent runtime is published/,
		} )
	).toHaveCount( 0 );
} );

test( 'Site Health never passes without Data Machine Code, and says why it matters', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	removeDmc();

	await openSiteHealth( page );
	const finding = page.getByRole( 'button', {
		name: /Data Machine Code is not installed/,
	} );
	await expect( finding ).toBeVisible();
	await finding.click();
	await expect(
		page.getByText(
			'Data Machine Code (data-machine-code/data-machine-code.php) was not found. Signatures are stored and published; nothing consumes them yet, so no worktree records which agent session created it.'
		)
	).toBeVisible();
	await page.getByRole( 'button', { name: /Passed tests/ } ).click();
	await expect(
		page.getByRole( 'button', {
			name: /Data Machine Code can attribute worktrees to coding-agent sessions/,
		} )
	).toHaveCount( 0 );
} );
