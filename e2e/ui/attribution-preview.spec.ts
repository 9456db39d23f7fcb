/**
 * The attribution preview: the admin types the values an agent process would
 * have and sees what DMC would record, following the effective signatures.
 */
import { expect, test } from '@playwright/test';
import {
	expectDmcOrder,
	openScreen,
	openView,
	previewPanel,
	previewWith,
	resetRegistry,
	setPublished,
	tableRows,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
} );

test( 'the preview shows the primary id DMC would record for typed values', async ( {
	page,
} ) => {
	await openScreen( page );
	await openView( page, 'Attribution preview' );
	const preview = previewPanel( page );
	await expect( preview ).toContainText(
		'No environment variable is declared'
	);

	await openView( page, 'Runtimes' );
	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );
	await expectDmcOrder( page, [ 'kimaki', 'opencode' ] );
	await openView( page, 'Attribution preview' );

	// One input per declared variable, in the order DMC reads them.
	const inputs = preview.getByRole( 'textbox' );
	await expect( inputs ).toHaveCount( 5 );
	expect(
		await inputs.evaluateAll( ( elements ) =>
			elements.map(
				( element ) =>
					( element as HTMLInputElement ).labels?.[ 0 ]
						?.textContent ?? ''
			)
		)
	).toEqual( [
		'KIMAKI_SESSION_ID',
		'KIMAKI_THREAD_ID',
		'KIMAKI_THREAD_URL',
		'OPENCODE_SESSION_ID',
		'OPENCODE_RUN_ID',
	] );

	// Kimaki exports no session id here: the first session_id in filter order is opencode's.
	await previewWith( page, {
		KIMAKI_THREAD_ID: 'thread-42',
		KIMAKI_THREAD_URL: 'discord.com/channels/1',
		OPENCODE_SESSION_ID: 'ses_opencode_1',
	} );
	const result = preview.getByRole( 'region', {
		name: 'What DMC would record',
	} );
	await expect( result.locator( '.wpca-preview__primary' ) ).toHaveText(
		'ses_opencode_1'
	);
	// The thread URL is not http(s): DMC drops it from the origin session.
	await expect
		.poll( () =>
			tableRows(
				result.getByRole( 'table', {
					name: 'Origin session ids of kimaki',
				} )
			)
		)
		.toEqual( [ [ 'thread_id', 'thread-42' ] ] );
	await expect( result.locator( '.wpca-preview__missing' ) ).toHaveText( [
		'KIMAKI_SESSION_ID',
		'OPENCODE_RUN_ID',
	] );

	// With kimaki's session id set, kimaki comes first and provides the primary id.
	await previewWith( page, { KIMAKI_SESSION_ID: 'kimaki-session-7' } );
	await expect( result.locator( '.wpca-preview__primary' ) ).toHaveText(
		'kimaki-session-7'
	);

	// Nothing typed: nothing would be recorded.
	await previewWith( page, {
		KIMAKI_SESSION_ID: '',
		KIMAKI_THREAD_ID: '',
		KIMAKI_THREAD_URL: '',
		OPENCODE_SESSION_ID: '',
	} );
	await expect( result ).toContainText(
		'Nothing: no declared variable has a usable value.'
	);
} );
