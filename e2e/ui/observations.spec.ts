/**
 * Per declared variable, whether a real agent process exported it: observations
 * recorded over REST with the installer's Application Password (as
 * `bin/runtime-signature verify` does), shown in the Agent processes view; the
 * runtime whose variables no agent process exported since it was published long ago
 * flagged by its verdict (a runtime published a minute ago only waits), and the
 * window setting edited there.
 */
import path from 'node:path';
import {
	expect,
	request as playwrightRequest,
	test,
	type Page,
} from '@playwright/test';
import { installDmc, removeDmc } from '../support/dmc';
import { basicAuth, ROOT, testSite, wpPhp } from '../support/site';
import {
	OBSERVATIONS_OPTION,
	observedPanel,
	openScreen,
	openSiteHealth,
	openView,
	resetRegistry,
	runtimeCard,
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

/**
 * Moves a runtime's publication (its last change here) back in time.
 * @param id
 * @param days
 */
function publishedDaysAgo( id: string, days: number ): void {
	wpPhp(
		`$meta = get_option( 'wpca_runtime_meta' ); $meta['runtimes']['${ id }']['updated_at'] = gmdate( 'c', time() - ${ days } * DAY_IN_SECONDS ); update_option( 'wpca_runtime_meta', $meta, false );`
	);
}

function headline( page: Page, id: string ) {
	return runtimeCard( page, id ).locator( '.wpca-verdict__headline' );
}

test( 'each declared variable says where it was last seen or that it was not; a never-observed runtime is flagged once it had its chance', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 1280, height: 900 } );
	// Published a minute ago: opencode waits for its first agent process, unflagged.
	await openScreen( page );
	await expect( headline( page, 'opencode' ) ).toHaveText(
		'Waiting for the first agent process'
	);
	// Its verdict says nothing of "never" (the catalogue's note on the card may: opencode
	// never sets OPENCODE_SESSION_ID).
	await expect(
		runtimeCard( page, 'opencode' ).locator( '.wpca-verdict' )
	).not.toContainText( 'never' );
	// Published a month ago, and still no agent process exported its variables: flagged.
	publishedDaysAgo( 'opencode', 30 );
	await page.reload();
	await expect( headline( page, 'opencode' ) ).toHaveText(
		'Variables never observed'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was ever seen in an agent process'
	);
	await expect( headline( page, 'kimaki' ) ).not.toHaveText(
		/Variables never observed|Variables not seen/
	);

	await openView( page, 'Agent processes' );
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
	).toContainText( 'Not seen' );

	const opencode = panel.getByRole( 'table', {
		name: 'Observed variables of opencode',
	} );
	for ( const name of [ 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ] ) {
		await expect(
			opencode.getByRole( 'row', { name: new RegExp( name ) } )
		).toContainText( 'Not seen' );
	}
	// The evidence, not the verdict again: the flag is said once, on the Runtimes view.
	await expect( panel ).not.toContainText( 'never' );
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
	// kimaki was last seen 20 days ago, published long before.
	publishedDaysAgo( 'kimaki', 60 );
	const stored = JSON.parse(
		wpPhp(
			`echo wp_json_encode( get_option( '${ OBSERVATIONS_OPTION }' ) );`
		)
	);
	stored[ 0 ].observed_at = new Date( Date.now() - 20 * 86400_000 )
		.toISOString()
		.replace( /\.\d+Z$/, '+00:00' );
	wpPhp(
		`update_option( '${ OBSERVATIONS_OPTION }', json_decode( ${ JSON.stringify(
			JSON.stringify( stored )
		) }, true ), false );`
	);
	await openScreen( page );
	await expect( headline( page, 'kimaki' ) ).toHaveText(
		'Variables not seen lately'
	);
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'in the last 14 days'
	);
	await openView( page, 'Agent processes' );
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
	await expect( panel ).not.toContainText( 'Enter a whole number of days' );
	// Within 30 days kimaki was seen: no longer flagged.
	await openView( page, 'Runtimes' );
	await expect( headline( page, 'kimaki' ) ).toHaveText(
		'Seen, but DMC records nothing'
	);
	await openView( page, 'Agent processes' );
	expect(
		wpPhp( `var_export( get_option( '${ WINDOW_OPTION }', null ) );` )
	).toBe( "'30'" );

	await page.reload();
	await expect(
		observedPanel( page ).getByLabel( 'Observation window (days)' )
	).toHaveValue( '30' );
} );

test( 'Site Health flags the published runtime no agent process was seen exporting, and its link lands on that runtime', async ( {
	page,
} ) => {
	installDmc( '0.60.0' );
	// Published before the observation window: agent processes have had their chance
	// (a runtime published a minute ago is only waiting for its first agent process).
	wpPhp(
		`$meta = get_option( 'wpca_runtime_meta' ); $meta['runtimes']['opencode']['updated_at'] = gmdate( 'c', time() - 30 * DAY_IN_SECONDS ); update_option( 'wpca_runtime_meta', $meta, false );`
	);
	try {
		await openSiteHealth( page );
		const finding = page.getByRole( 'button', {
			name: /No agent process was seen exporting a published runtime's variables/,
		} );
		await expect( finding ).toBeVisible();
		await finding.click();
		await expect(
			page.getByText(
				'Runtime "opencode": None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was ever seen in an agent process'
			)
		).toBeVisible();
		await expect( page.getByText( 'Runtime "kimaki"' ) ).toHaveCount( 0 );

		// The finding's link lands on opencode on the screen: its verdict has the focus
		// and its evidence is open.
		await page
			.getByRole( 'link', {
				name: 'Show opencode on the Agent Runtimes screen',
			} )
			.click();
		await expect( page ).toHaveURL( /[?&]runtime=opencode(&|$)/ );
		const verdict = page.locator( '#wpca-verdict-opencode' );
		await expect( verdict ).toBeFocused();
		await expect( verdict ).toHaveText( 'Variables never observed' );
		await expect( verdict ).toBeInViewport();
		await expect(
			runtimeCard( page, 'opencode' ).getByText( 'How this is known' )
		).toBeVisible();
		await expect(
			runtimeCard( page, 'opencode' ).locator( 'details[open]' )
		).toContainText( 'Seen in agent processes' );
	} finally {
		removeDmc();
	}
} );
