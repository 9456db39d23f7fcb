/**
 * A stored option damaged outside the plugin (here by hand, as `wp option`
 * would): the "What DMC sees" panel lists the problems and repairs them.
 */
import { expect, test } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	dmcPanel,
	expectDmcOrder,
	openScreen,
	resetRegistry,
	SIGNATURES_OPTION,
	storeDamagedSignatures,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
} );

test( 'problems in the stored signatures are listed and repaired', async ( {
	page,
} ) => {
	storeDamagedSignatures();
	await openScreen( page, 'view=dmc' );
	const panel = dmcPanel( page );
	const problems = panel
		.getByRole( 'list', { name: 'Problems' } )
		.getByRole( 'listitem' );
	await expect( problems ).toHaveCount( 2 );
	await expect( problems.nth( 0 ) ).toContainText( 'bad key' );
	await expect( problems.nth( 1 ) ).toContainText( 'broken' );
	await expectDmcOrder( page, [ 'kimaki' ] );

	await panel
		.getByRole( 'button', { name: 'Repair: keep only valid entries' } )
		.click();
	await expect( panel.getByRole( 'list', { name: 'Problems' } ) ).toHaveCount(
		0
	);
	await expectDmcOrder( page, [ 'kimaki' ] );
	const stored = JSON.parse(
		wpPhp(
			`echo wp_json_encode( get_option( '${ SIGNATURES_OPTION }' ) );`
		)
	);
	expect( stored ).toEqual( { kimaki: { session_id: 'KIMAKI_SESSION_ID' } } );
} );
