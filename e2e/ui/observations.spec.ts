/**
 * Per declared variable, whether a real agent process exported it: observations
 * recorded over REST with the installer's Application Password (as
 * `bin/runtime-signature verify` does), shown on the screen, a never-observed
 * runtime flagged, and the window setting edited there.
 */
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { installDmc, removeDmc } from '../support/dmc';
import { basicAuth, ROOT, testSite, wpPhp } from '../support/site';
import {
	OBSERVATIONS_OPTION,
	observedPanel,
	openScreen,
	openSiteHealth,
	resetRegistry,
} from './helpers';

const WINDOW_OPTION = 'wpca_observation_window_days';

test.beforeEach( async () => {
	resetRegistry();
	wpPhp(
		`delete_option( '${ OBSERVATIONS_OPTION }' ); delete_option( '${ WINDOW_OPTION }' );`
	);
	// An installer registered both runtimes; then verify ran in a kimaki process only.
	const agent = await playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const api = `${ testSite().restUrl }wp-coding-agents/v1`;
	const headers = { Authorization: basicAuth( 'admin' ) };
	for ( const [ id, fields ] of [
		[
			'kimaki',
			{
				session_id: 'KIMAKI_SESSION_ID',
				thread_id: 'KIMAKI_THREAD_ID',
			},
		],
		[
			'opencode',
			{ session_id: 'OPENCODE_SESSION_ID', run_id: 'OPENCODE_RUN_ID' },
		],
	] as const ) {
		const put = await agent.put( `${ api }/runtimes/${ id }`, {
			headers,
			data: { fields },
		} );
		expect( put.status(), await put.text() ).toBe( 201 );
	}
	const recorded = await agent.post( `${ api }/attribution/preview`, {
		headers,
		data: {
			env: { KIMAKI_SESSION_ID: 'kimaki-session-9' },
			record: true,
			host: 'bridge-host',
			runtime: 'kimaki',
		},
	} );
	expect( recorded.status(), await recorded.text() ).toBe( 200 );
	await agent.dispose();
} );

test.afterEach( () => {
	wpPhp(
		`delete_option( '${ OBSERVATIONS_OPTION }' ); delete_option( '${ WINDOW_OPTION }' );`
	);
} );

test( 'each declared variable says where it was last seen or that it never was; a never-observed runtime is flagged', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 1280, height: 900 } );
	await openScreen( page, 'view=processes' );
	const panel = observedPanel( page );
	await expect( panel ).toContainText( 'From the last 1 observation' );

	const kimaki = panel.getByRole( 'table', {
		name: 'Observed variables of kimaki',
	} );
	await expect(
		kimaki.getByRole( 'row', { name: /KIMAKI_SESSION_ID/ } )
	).toContainText( /Last seen .* ago on bridge-host · 1 distinct value/ );
	await expect(
		kimaki.getByRole( 'row', { name: /KIMAKI_THREAD_ID/ } )
	).toContainText( 'Never observed' );

	const opencode = panel.getByRole( 'table', {
		name: 'Observed variables of opencode',
	} );
	for ( const name of [ 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ] ) {
		await expect(
			opencode.getByRole( 'row', { name: new RegExp( name ) } )
		).toContainText( 'Never observed' );
	}
	const flag =
		'No agent process was seen exporting any variable of opencode in the last 14 days';
	await expect( panel ).toContainText( flag );
	await expect( panel ).not.toContainText(
		'exporting any variable of kimaki'
	);
	await expect( panel ).not.toContainText( 'kimaki-session-9' );

	await panel.scrollIntoViewIfNeeded();
	const files = [ 'artifacts/never-observed.png' ];
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		files.push( 'docs/screenshot-never-observed.png' );
	}
	for ( const file of files ) {
		await panel.screenshot( { path: path.join( ROOT, file ) } );
	}
} );

test( 'the window is a setting: a bad value is refused with its reason, a good one changes the flag', async ( {
	page,
} ) => {
	await openScreen( page, 'view=processes' );
	const panel = observedPanel( page );
	const days = panel.getByLabel( 'Observation window (days)' );
	await expect( days ).toHaveValue( '14' );

	await days.fill( '0' );
	await panel.getByRole( 'button', { name: 'Save window' } ).click();
	// In plain words: the request's field name (window_days) is not shown.
	await expect( panel ).toContainText(
		'Enter a whole number of days from 1 to 365.'
	);
	expect(
		wpPhp( `var_export( get_option( '${ WINDOW_OPTION }', null ) );` )
	).toBe( 'NULL' );

	await days.fill( '30' );
	await panel.getByRole( 'button', { name: 'Save window' } ).click();
	await expect( panel ).toContainText(
		'any variable of opencode in the last 30 days'
	);
	await expect( panel ).not.toContainText( 'Enter a whole number of days' );
	expect(
		wpPhp( `var_export( get_option( '${ WINDOW_OPTION }', null ) );` )
	).toBe( "'30'" );

	await page.reload();
	await expect(
		observedPanel( page ).getByLabel( 'Observation window (days)' )
	).toHaveValue( '30' );
} );

test( 'Site Health flags the published runtime no agent process was seen exporting', async ( {
	page,
} ) => {
	installDmc( '0.60.0' );
	try {
		await openSiteHealth( page );
		const finding = page.getByRole( 'button', {
			name: /No agent process was seen exporting a published runtime's variables/,
		} );
		await expect( finding ).toBeVisible();
		await finding.click();
		await expect(
			page.getByText(
				'None of the variables of runtime "opencode" was ever observed in an agent process'
			)
		).toBeVisible();
		await expect(
			page.getByText( 'None of the variables of runtime "kimaki"' )
		).toHaveCount( 0 );
	} finally {
		removeDmc();
	}
} );
