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
	// (Inputs: the paste box below them is a textarea.)
	const inputs = preview.locator( 'input[type="text"]' );
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
	// ... and the result says so where it is left out, while the lock owner keeps it.
	await expect( result.locator( '.wpca-preview__dropped li' ) ).toHaveText( [
		'KIMAKI_THREAD_URL is left out: DMC records kimaki’s thread_url here only when it starts with http:// or https://.',
	] );
	await expect
		.poll( () =>
			tableRows(
				result.getByRole( 'table', {
					name: 'Lock owner ids of kimaki',
				} )
			)
		)
		.toEqual( [
			[ 'thread_id', 'thread-42' ],
			[ 'thread_url', 'discord.com/channels/1' ],
		] );
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

test( 'a pasted environment fills the declared variables and sends nothing else', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await openView( page, 'Attribution preview' );
	const preview = previewPanel( page );
	const long = 'x'.repeat( 310 );
	const dump = [
		'HOME=/home/agent',
		'SECRET_TOKEN=do-not-send',
		'export KIMAKI_SESSION_ID="ses 1"',
		"declare -x KIMAKI_THREAD_ID='thread=7'",
		`KIMAKI_THREAD_URL=${ long }`,
		'PATH=/usr/bin:/bin',
	].join( '\n' );

	// Pasted into one variable's box, the environment fills every declared variable.
	await preview
		.getByLabel( 'KIMAKI_SESSION_ID', { exact: true } )
		.evaluate( ( input, text ) => {
			const data = new DataTransfer();
			data.setData( 'text/plain', text );
			input.dispatchEvent(
				new ClipboardEvent( 'paste', {
					clipboardData: data,
					bubbles: true,
					cancelable: true,
				} )
			);
		}, dump );
	await expect(
		preview.getByLabel( 'KIMAKI_SESSION_ID', { exact: true } )
	).toHaveValue( 'ses 1' );
	await expect(
		preview.getByLabel( 'KIMAKI_THREAD_ID', { exact: true } )
	).toHaveValue( 'thread=7' );
	await expect(
		preview.getByLabel( 'KIMAKI_THREAD_URL', { exact: true } )
	).toHaveValue( long );
	await expect( preview.locator( '.wpca-preview__pasted' ) ).toHaveText(
		'Filled 3 declared variables from the pasted environment. 3 other variables were ignored and are not sent.'
	);

	// The same through the paste box; only the declared variables leave the browser.
	await preview.getByLabel( 'KIMAKI_SESSION_ID', { exact: true } ).fill( '' );
	await preview
		.getByLabel( 'Or paste an environment' )
		.fill( 'export KIMAKI_SESSION_ID=ses_2\nUSER=agent' );
	await preview
		.getByRole( 'button', { name: 'Fill in the declared variables' } )
		.click();
	await expect(
		preview.getByLabel( 'KIMAKI_SESSION_ID', { exact: true } )
	).toHaveValue( 'ses_2' );
	await expect( preview.locator( '.wpca-preview__pasted' ) ).toHaveText(
		'Filled 1 declared variable from the pasted environment. 1 other variable was ignored and is not sent.'
	);
	const sent = page.waitForRequest(
		( request ) =>
			request.url().includes( 'attribution%2Fpreview' ) ||
			request.url().includes( 'attribution/preview' )
	);
	await preview
		.getByRole( 'button', { name: 'Preview attribution' } )
		.click();
	expect( ( await sent ).postDataJSON() ).toEqual( {
		env: {
			KIMAKI_SESSION_ID: 'ses_2',
			KIMAKI_THREAD_ID: 'thread=7',
			KIMAKI_THREAD_URL: long,
		},
	} );

	// A value DMC drops or cuts is explained where it is dropped.
	const result = preview.getByRole( 'region', {
		name: 'What DMC would record',
	} );
	await expect( result.locator( '.wpca-preview__dropped li' ) ).toHaveText( [
		'KIMAKI_THREAD_URL is left out: DMC records kimaki’s thread_url here only when it starts with http:// or https://.',
		'KIMAKI_THREAD_URL is cut to its first 300 bytes: DMC keeps no more of a value here.',
	] );
	await preview.screenshot( { path: 'artifacts/preview-pasted.png' } );
} );
