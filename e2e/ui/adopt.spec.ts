/**
 * Adopting what a legacy mu-plugin adds to DMC's filter: the file the older
 * installers wrote is put in the test site's mu-plugins folder, the admin adopts
 * its entry on the screen, is told which file still declares it, deletes the
 * file, and the entry is still published.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../support/site';
import {
	dmcPanel,
	expectDmcOrder,
	LEGACY_MU_PLUGIN as RELATIVE_FILE,
	openScreen,
	openView,
	publishedSignatures,
	removeLegacyMuPlugin,
	resetRegistry,
	runtimeCard,
	writeLegacyMuPlugin,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
	writeLegacyMuPlugin();
} );

test.afterEach( () => {
	removeLegacyMuPlugin();
	resetRegistry();
} );

test( 'an entry a legacy mu-plugin adds is adopted, the file named, and kept once the file is gone', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 1280, height: 900 } );
	await openScreen( page );
	await expect( runtimeCard( page, 'kimaki' ) ).toBeVisible();
	await expect( runtimeCard( page, 'legacy-agent' ) ).toHaveCount( 0 );
	await openView( page, 'What DMC sees' );
	const panel = page.getByRole( 'region', {
		name: 'Entries other code adds',
	} );
	await expect(
		panel.getByRole( 'list', { name: 'Code declaring legacy-agent' } )
	).toHaveText( `${ RELATIVE_FILE }:3 (Closure, priority 10)` );

	await panel.getByRole( 'button', { name: 'Adopt legacy-agent' } ).click();

	await expect( panel ).toContainText(
		`Adopted: legacy-agent is stored in this registry with the same mapping, and stays when the other code goes. Remove it from ${ RELATIVE_FILE } so this registry is its only source.`
	);
	await expect(
		panel.getByRole( 'button', { name: 'Adopt legacy-agent' } )
	).toHaveCount( 0 );
	await panel.scrollIntoViewIfNeeded();
	await panel.screenshot( {
		path: path.join( ROOT, 'artifacts', 'adopted.png' ),
	} );
	await openView( page, 'Runtimes' );
	const card = runtimeCard( page, 'legacy-agent' );
	await expect( card ).toContainText( 'Adopted from other code' );
	await expect(
		card.getByRole( 'table', { name: 'Fields of legacy-agent' } )
	).toContainText( 'LEGACY_RUN_ID' );

	// The admin deletes the legacy file: the registry now publishes the entry itself.
	removeLegacyMuPlugin();
	await page.reload();
	await openView( page, 'What DMC sees' );
	await expect( dmcPanel( page ) ).toBeVisible();
	await expect(
		page.getByRole( 'region', { name: 'Entries other code adds' } )
	).toHaveCount( 0 );
	await openView( page, 'Runtimes' );
	await expect( runtimeCard( page, 'legacy-agent' ) ).toContainText(
		'Adopted from other code'
	);
	await expectDmcOrder( page, [ 'legacy-agent' ] );
	expect( publishedSignatures() ).toEqual( [
		[
			'legacy-agent',
			{ session_id: 'LEGACY_SESSION_ID', run_id: 'LEGACY_RUN_ID' },
		],
	] );
} );
