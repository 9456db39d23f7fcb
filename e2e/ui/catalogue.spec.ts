/**
 * The runtime catalogue on the screen: Codex added in one click from the Runtimes view
 * and published to DMC; the Known runtimes view;
 * the notes on the defaults on their cards (a bridge for kimaki's variables, a process
 * for OPENCODE_RUN_ID); an observation that contradicts the catalogue shown ahead of the
 * claim; goose moved ahead of a runtime with a specific session variable flagged, on
 * the screen and in Site Health; the DMC notice's last known release; the preview's
 * 191-character inventory flag. Saves
 * artifacts/catalogue.png and catalogue-360.png (1280 and 360 px) on every run, and
 * docs/screenshot-catalogue.png and screenshot-catalogue-360.png with
 * WPCA_UPDATE_SCREENSHOT=1.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, wpPhp } from '../support/site';
import {
	appView,
	axeViolations,
	expectDmcOrder,
	installerRequest,
	openScreen,
	openSiteHealth,
	openView,
	OBSERVATIONS_OPTION,
	previewPanel,
	previewWith,
	publishedSignatures,
	resetRegistry,
	runtimeCard,
} from './helpers';

test.use( { viewport: { width: 1280, height: 900 } } );

/**
 * The Known runtimes view, opened with its tab.
 * @param page
 */
async function catalogue( page: Page ) {
	await openView( page, 'Known runtimes' );
	return appView( page );
}

function entry( page: Page, name: string ) {
	return appView( page ).getByRole( 'listitem', { name } );
}

test.beforeEach( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
} );

test.afterEach( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
} );

test( 'an admin adds Codex in one click and sees it published', async ( {
	page,
} ) => {
	await openScreen( page );
	const quickAdd = page.getByRole( 'region', {
		name: 'Add a known runtime',
	} );
	await expect( quickAdd ).toContainText( 'session_id → CODEX_THREAD_ID' );
	expect( publishedSignatures() ).toEqual( [] );

	await quickAdd.getByRole( 'button', { name: 'Add Codex' } ).click();

	await expect(
		page.locator( '.components-snackbar' ).filter( {
			hasText: 'Codex added: published to DMC.',
		} )
	).toBeVisible();
	await expect( runtimeCard( page, 'codex' ) ).toBeVisible();
	await expect(
		quickAdd.getByRole( 'button', { name: 'Add Codex' } )
	).toHaveCount( 0 );
	// The button is gone: the focus is on the card's heading, not lost to the page.
	await expect(
		quickAdd.getByRole( 'heading', { name: 'Add a known runtime' } )
	).toBeFocused();
	expect( publishedSignatures() ).toEqual( [
		[ 'codex', { session_id: 'CODEX_THREAD_ID' } ],
	] );
	await expectDmcOrder( page, [ 'codex' ] );
	await catalogue( page );
	await expect( entry( page, 'Codex codex' ) ).toContainText( 'Published' );
} );

test( 'the Known runtimes view adds goose in one click too', async ( {
	page,
} ) => {
	await openScreen( page );
	await catalogue( page );
	const goose = entry( page, 'goose goose' );
	await expect( goose ).toContainText( 'Not added' );
	await goose
		.getByRole( 'button', { name: 'Add goose and publish it to DMC' } )
		.click();
	await expect( goose ).toContainText( 'Published' );
	await expect( goose.locator( '.wpca-catalogue__status' ) ).toBeFocused();
	expect( publishedSignatures() ).toEqual( [
		[ 'goose', { session_id: 'AGENT_SESSION_ID' } ],
	] );
} );

test( "the defaults' cards say which variables need a bridge and that OPENCODE_RUN_ID is a process", async ( {
	page,
} ) => {
	await openScreen( page );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'reach an agent process only when a bridge exports them'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'identifies a process, not a thread'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		"declared in opencode's code but never set"
	);
	await catalogue( page );
	const gemini = entry( page, 'Gemini CLI gemini-cli' );
	await expect( gemini ).toContainText( 'No session variable' );
	await expect( gemini.getByRole( 'button' ) ).toHaveCount( 0 );
} );

test( 'an observation that contradicts the catalogue is shown ahead of the claim', async ( {
	page,
} ) => {
	const installer = await installerRequest();
	for ( const [ id, fields ] of [
		[
			'opencode',
			{
				session_id: 'OPENCODE_SESSION_ID',
				run_id: 'OPENCODE_RUN_ID',
			},
		],
	] as const ) {
		const put = await installer.put( `runtimes/${ id }`, {
			data: { fields },
		} );
		expect( put.status(), await put.text() ).toBe( 201 );
	}
	// Something on this site exports the variable opencode never sets.
	const observed = await installer.post( 'attribution/preview', {
		data: {
			env: { OPENCODE_SESSION_ID: 'ses_1', OPENCODE_RUN_ID: 'run_1' },
			record: true,
			runtime: 'opencode',
		},
	} );
	expect( observed.status(), await observed.text() ).toBe( 200 );
	await installer.dispose();

	await openScreen( page );
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'Observed here, against upstream: OPENCODE_SESSION_ID Seen here 1 time'
	);
	await catalogue( page );
	const variable = entry( page, 'OpenCode opencode' )
		.getByRole( 'list', { name: 'Variables of OpenCode' } )
		.getByRole( 'listitem' )
		.filter( { hasText: 'OPENCODE_SESSION_ID' } );
	await expect( variable ).toContainText(
		'Observed here, against upstream: Seen here 1 time'
	);
	// The observation comes first, the claim after it.
	const texts = await variable.locator( 'p' ).allTextContents();
	expect( texts[ 1 ] ).toMatch( /^Observed here, against upstream:/ );
	expect( texts[ 2 ] ).toMatch( /never set/ );
} );

test( 'goose ahead of a runtime with a specific session variable is flagged, and not once it follows', async ( {
	page,
} ) => {
	const installer = await installerRequest();
	for ( const id of [ 'codex', 'goose' ] ) {
		const put = await installer.put( `runtimes/${ id }`, {
			data: { preset: id },
		} );
		expect( put.status(), await put.text() ).toBe( 201 );
	}
	await installer.dispose();

	await openScreen( page );
	await expect( runtimeCard( page, 'goose' ) ).toBeVisible();
	const warning = page.locator( '.wpca-order-warning' );
	await expect( warning ).toHaveCount( 0 );

	await runtimeCard( page, 'goose' )
		.getByRole( 'button', { name: 'Move up: goose' } )
		.click();
	const flagged =
		'goose reads its session id from AGENT_SESSION_ID, a generic name, and comes before codex.';
	await expect( warning ).toContainText( flagged );
	// Site Health says the same, for an admin who never opens this screen.
	await openSiteHealth( page );
	await page
		.getByRole( 'button', { name: /Data Machine Code is not installed/ } )
		.click();
	await expect( page.getByText( flagged ) ).toBeVisible();

	await openScreen( page );
	await runtimeCard( page, 'goose' )
		.getByRole( 'button', { name: 'Move down: goose' } )
		.click();
	await expect( warning ).toHaveCount( 0 );
	await openSiteHealth( page );
	await page
		.getByRole( 'button', { name: /Data Machine Code is not installed/ } )
		.click();
	await expect( page.getByText( 'comes before codex' ) ).toHaveCount( 0 );
} );

test( "the DMC notice states the last known release; the preview flags a primary id too long for DMC's inventory", async ( {
	page,
} ) => {
	const installer = await installerRequest();
	const put = await installer.put( 'runtimes/codex', {
		data: { preset: 'codex' },
	} );
	expect( put.status(), await put.text() ).toBe( 201 );
	await installer.dispose();

	await openScreen( page );
	// The test site has no DMC: the notice is shown, with what is known of DMC's releases.
	await expect( page.locator( '.wpca-dmc-notice' ).last() ).toContainText(
		'Data Machine Code’s last known release is 0.61.4 (2026-08-22); the filter contract this plugin follows is unchanged since 0.56.7.'
	);
	await openView( page, 'Attribution preview' );
	await previewWith( page, { CODEX_THREAD_ID: 't'.repeat( 192 ) } );
	await expect( previewPanel( page ) ).toContainText(
		'The primary id is 192 characters long, more than the 191 of DMC’s inventory column'
	);
	await previewWith( page, { CODEX_THREAD_ID: 't'.repeat( 191 ) } );
	await expect( previewPanel( page ) ).toContainText(
		'Primary id: 191 characters; DMC’s inventory keeps up to 191.'
	);
} );

test( 'screenshot of the known runtimes, and no accessibility violation', async ( {
	page,
} ) => {
	const installer = await installerRequest();
	for ( const [ id, data ] of [
		[
			'kimaki',
			{
				fields: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
					thread_url: 'KIMAKI_THREAD_URL',
				},
			},
		],
		[ 'claude-code', { preset: 'claude-code' } ],
	] as const ) {
		const put = await installer.put( `runtimes/${ id }`, { data } );
		expect( put.status(), await put.text() ).toBe( 201 );
	}
	// verify ran in a Claude Code session (its Bash tool) and in a kimaki process without a bridge.
	for ( const [ runtime, env ] of [
		[ 'claude-code', { CLAUDE_CODE_SESSION_ID: '6f1c2b0e-claude' } ],
		[ 'kimaki', {} ],
	] as const ) {
		const observed = await installer.post( 'attribution/preview', {
			data: { env, record: true, runtime },
		} );
		expect( observed.status(), await observed.text() ).toBe( 200 );
	}
	await installer.dispose();

	await openScreen( page );
	const region = await catalogue( page );
	await expect( region ).toContainText( 'Seen here 1 time' );
	// wp-admin's toolbar is fixed: it would lie across a picture of one region.
	await page.addStyleTag( { content: '#wpadminbar { display: none; }' } );
	await region.scrollIntoViewIfNeeded();
	await region.screenshot( {
		path: path.join( ROOT, 'artifacts', 'catalogue.png' ),
	} );
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		await region.screenshot( {
			path: path.join( ROOT, 'docs', 'screenshot-catalogue.png' ),
		} );
	}
	expect( await axeViolations( page ) ).toEqual( [] );
	await page.setViewportSize( { width: 360, height: 800 } );
	// Nothing wider than a phone: the screen's own markup scrolls nowhere sideways.
	expect(
		await page
			.locator( '#wpca-runtimes-root' )
			.evaluate( ( root ) => root.scrollWidth <= root.clientWidth )
	).toBe( true );
	await region.scrollIntoViewIfNeeded();
	await region.screenshot( {
		path: path.join( ROOT, 'artifacts', 'catalogue-360.png' ),
	} );
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		await region.screenshot( {
			path: path.join( ROOT, 'docs', 'screenshot-catalogue-360.png' ),
		} );
	}
} );
