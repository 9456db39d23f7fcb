/**
 * Two admins (two browser contexts) edit the same runtime: the second save is
 * refused, the screen says who changed it and when, shows what is stored now
 * beside the draft and keeps the draft. And an admin's change to what an
 * installer declared is shown with a one-click reset.
 */
import { expect, test } from '@playwright/test';
import { basicAuth, testSite } from '../support/site';
import {
	editorInput,
	cardFields,
	openScreen,
	publishedSignatures,
	publishToggle,
	resetRegistry,
	runtimeCard,
	tableRows,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
} );

async function installerRegistersKimaki( expected = 201 ): Promise< void > {
	const response = await fetch(
		`${ testSite().restUrl }wp-coding-agents/v1/runtimes/kimaki`,
		{
			method: 'PUT',
			headers: {
				Authorization: basicAuth( 'admin' ),
				'Content-Type': 'application/json',
			},
			body: JSON.stringify( {
				fields: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
				},
			} ),
		}
	);
	expect( response.status ).toBe( expected );
}

test( 'a save based on an outdated screen is refused, says who changed it, and keeps the draft', async ( {
	browser,
} ) => {
	await installerRegistersKimaki();
	const first = await browser.newContext();
	const second = await browser.newContext();
	const pageA = await first.newPage();
	const pageB = await second.newPage();
	await openScreen( pageA );
	await openScreen( pageB );

	// Admin B starts editing from what was loaded.
	const cardB = runtimeCard( pageB, 'kimaki' );
	await cardB.getByRole( 'button', { name: 'Edit' } ).click();
	await editorInput( cardB, 'Environment variable 2', 'Kimaki' ).fill(
		'DRAFT_OF_B'
	);

	// Meanwhile admin A saves another change.
	const cardA = runtimeCard( pageA, 'kimaki' );
	await cardA.getByRole( 'button', { name: 'Edit' } ).click();
	await editorInput( cardA, 'Environment variable 2', 'Kimaki' ).fill(
		'SAVED_BY_A'
	);
	await cardA.getByRole( 'button', { name: 'Save' } ).click();
	await expect
		.poll( () => tableRows( cardFields( pageA, 'kimaki' ) ) )
		.toEqual( [
			[ 'session_id', 'KIMAKI_SESSION_ID' ],
			// The installer declared another variable: the row says both.
			[
				'thread_idchanged',
				'now SAVED_BY_Ainstaller declares KIMAKI_THREAD_ID',
			],
		] );

	// B saves: refused, nothing overwritten.
	await cardB.getByRole( 'button', { name: 'Save' } ).click();
	const conflict = cardB.locator( '.wpca-card__conflict' );
	await expect( conflict ).toContainText(
		/was changed by admin \(admin\) at \d{4}-\d\d-\d\dT/
	);
	await expect(
		conflict.getByRole( 'table', { name: 'Fields of kimaki stored now' } )
	).toContainText( 'SAVED_BY_A' );
	await expect(
		editorInput( cardB, 'Environment variable 2', 'Kimaki' )
	).toHaveValue( 'DRAFT_OF_B' );
	expect( publishedSignatures() ).toEqual( [
		[
			'kimaki',
			{ session_id: 'KIMAKI_SESSION_ID', thread_id: 'SAVED_BY_A' },
		],
	] );
	await pageB.screenshot( {
		path: 'artifacts/conflict.png',
		fullPage: true,
	} );

	// Having seen the current value, B saves the draft deliberately.
	await cardB.getByRole( 'button', { name: 'Save' } ).click();
	await expect
		.poll( () => publishedSignatures() )
		.toEqual( [
			[
				'kimaki',
				{ session_id: 'KIMAKI_SESSION_ID', thread_id: 'DRAFT_OF_B' },
			],
		] );
	await first.close();
	await second.close();
} );

test( 'a runtime the admin changed says it differs from the installer’s declaration, and resets in one click', async ( {
	page,
} ) => {
	await installerRegistersKimaki();
	await openScreen( page );
	await publishToggle( page, 'kimaki' ).click();
	const card = runtimeCard( page, 'kimaki' );
	await expect( card.locator( '.wpca-card__differences li' ) ).toHaveText( [
		'Publishing: now not published / installer declares published.',
	] );
	expect( publishedSignatures() ).toEqual( [] );

	// The installer re-registers (an upgrade): the admin's choice stays.
	await installerRegistersKimaki( 200 );
	await page.reload();
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();

	await card
		.getByRole( 'button', { name: 'Reset to what the installer declares' } )
		.click();
	await expect( publishToggle( page, 'kimaki' ) ).toBeChecked();
	await expect( card.locator( '.wpca-card__declared' ) ).toHaveCount( 0 );
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'kimaki',
	] );
} );
