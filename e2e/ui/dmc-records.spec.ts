/**
 * Is attribution working? The DMC notice (missing, inactive, too old), said once, and
 * the "Recorded by DMC" view: DMC's worktree records read back as DMC reads them in
 * both shapes DMC has written, as a table that filters by runtime (with counts) and by
 * attribution, searches, sorts and pages on the server, with its state in the URL.
 * Screenshots for review land in artifacts/, and under docs/ with
 * WPCA_UPDATE_SCREENSHOT=1.
 */
import path from 'node:path';
import {
	expect,
	request as playwrightRequest,
	test,
	type Page,
	type Request,
} from '@playwright/test';
import {
	clearDmcRecords,
	installDmc,
	removeDmc,
	seedDmcRecords,
	SEEDED_RECORDS,
} from '../support/dmc';
import { basicAuth, ROOT, testSite, wpPhp } from '../support/site';
import {
	OBSERVATIONS_OPTION,
	openScreen,
	openView,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

test.use( { viewport: { width: 1280, height: 900 } } );

test.beforeEach( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
	clearDmcRecords();
	removeDmc();
} );
test.afterAll( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
	clearDmcRecords();
	removeDmc();
} );

function recordsPanel( page: Page ) {
	return page.getByRole( 'region', { name: 'Recorded by DMC' } );
}

function recordsTable( page: Page ) {
	return recordsPanel( page ).getByRole( 'table', {
		name: 'Recorded worktrees',
	} );
}

/**
 * The handles in the table, top to bottom.
 * @param page
 */
function handles( page: Page ) {
	return recordsTable( page ).locator( 'tbody .wpca-records__handle' );
}

/**
 * A row of the table by its worktree handle.
 * @param page
 * @param handle
 */
function row( page: Page, handle: string ) {
	return recordsTable( page )
		.locator( 'tbody tr' )
		.filter( {
			has: page.locator( '.wpca-records__handle', { hasText: handle } ),
		} );
}

function dmcNotice( page: Page ) {
	return page.locator( '.wpca-dmc-notice' );
}

async function screenshot(
	page: Page,
	name: string,
	fullPage = true
): Promise< void > {
	if ( fullPage ) {
		// WordPress pins its admin bar and menu to the viewport; a viewport as tall as
		// the page keeps them in place in a full-page capture.
		const height = await page.evaluate(
			() => document.documentElement.scrollHeight
		);
		await page.setViewportSize( { width: 1280, height } );
	}
	const files = [ `artifacts/${ name }.png` ];
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		files.push( `docs/${ name }.png` );
	}
	for ( const file of files ) {
		await page.screenshot( {
			path: path.join( ROOT, file ),
			fullPage,
		} );
	}
}

test( 'without DMC the screen says so once, above every view, and links to Plugins', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	// An agent process exported kimaki's variable: its verdict is "seen, but DMC records
	// nothing", which is DMC's absence again.
	// A context without the admin's cookies: agent processes use an Application Password.
	const agent = await playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const recorded = await agent.post(
		`${ testSite().restUrl }wp-coding-agents/v1/attribution/preview`,
		{
			headers: { Authorization: basicAuth( 'admin' ) },
			data: {
				env: { KIMAKI_SESSION_ID: 'kimaki-session-1' },
				record: true,
				runtime: 'kimaki',
			},
		}
	);
	expect( recorded.status(), await recorded.text() ).toBe( 200 );
	await agent.dispose();
	// Fresh, without the change's snackbar, for the screenshot.
	await page.reload();

	const notice = dmcNotice( page );
	await expect( notice ).toContainText(
		'Data Machine Code is not installed. Signatures are stored and published; nothing consumes them yet.'
	);
	await expect(
		notice.getByRole( 'link', { name: 'Go to Plugins' } )
	).toHaveAttribute( 'href', /\/wp-admin\/plugins\.php$/ );
	// Said once: the records view and kimaki's card (and its evidence, closed) do not
	// repeat it; the card points at the notice.
	await expect(
		page.getByText( 'Data Machine Code is not installed' )
	).toHaveCount( 1 );
	const kimaki = runtimeCard( page, 'kimaki' );
	await expect( kimaki.locator( '.wpca-verdict__headline' ) ).toHaveText(
		'Seen, but DMC records nothing'
	);
	await expect( kimaki.locator( '.wpca-verdict__reason' ) ).toHaveText(
		'Its variables were seen in an agent process, but nothing records them until Data Machine Code is there (see the notice above).'
	);
	await openView( page, 'Recorded by DMC' );
	await expect( notice ).toBeVisible();
	await expect(
		page.getByText( 'Data Machine Code is not installed' )
	).toHaveCount( 1 );
	await expect( recordsPanel( page ) ).toContainText( '0 worktrees' );
	await expect( recordsTable( page ) ).toContainText(
		'DMC has recorded no worktree yet.'
	);
	await screenshot( page, 'screenshot-dmc-absent' );

	await notice.getByRole( 'link', { name: 'Go to Plugins' } ).click();
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Plugins' } )
	).toBeVisible();
} );

test( 'an inactive or too old DMC gets its own notice; a current one none', async ( {
	page,
} ) => {
	installDmc( '0.60.0', false );
	await openScreen( page );
	await expect( dmcNotice( page ) ).toContainText(
		'Data Machine Code is installed but not active.'
	);

	installDmc( '0.44.1' );
	await page.reload();
	await expect( dmcNotice( page ) ).toContainText(
		'Data Machine Code 0.44.1 is too old: runtime signatures are read from version 0.45.'
	);

	installDmc( '0.60.0' );
	await page.reload();
	await openView( page, 'Recorded by DMC' );
	await expect( recordsPanel( page ) ).toContainText( '0 worktrees' );
	await expect( dmcNotice( page ) ).toHaveCount( 0 );
} );

test( 'DMC’s records in both shapes are read back as DMC reads them, with per-runtime evidence', async ( {
	page,
} ) => {
	installDmc( '0.60.0' );
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );
	// A worktree created after both were published, by a process that exported
	// only OPENCODE_RUN_ID (what opencode really exports): it holds no kimaki value.
	const now = new Date().toISOString().replace( /\.\d+Z$/, '+00:00' );
	seedDmcRecords( {
		...SEEDED_RECORDS,
		'wp-coding-agents@today': {
			repo: 'wp-coding-agents',
			branch: 'today',
			created_at: now,
			origin_session: { ids: { opencode: { run_id: 'run-10' } } },
		},
	} );
	await page.reload();
	await openView( page, 'Recorded by DMC' );

	const panel = recordsPanel( page );
	await expect( panel ).toContainText( '4 worktrees' );
	await expect( panel ).toContainText(
		'Data Machine Code 0.60.0 is active: it records the signatures’ values for new worktrees and workspace locks.'
	);
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@today',
		'wp-coding-agents@fix-login',
		'data-machine@docs',
		'site@legacy-branch',
	] );

	// Current shape: the explicit primary id, thread URL as a link (values open on demand).
	const current = row( page, 'wp-coding-agents@fix-login' );
	await expect( current.locator( '.wpca-records__primary' ) ).toHaveText(
		'1184502913385'
	);
	await expect( current ).toContainText( 'from kimaki' );
	await expect( current.locator( 'summary' ) ).toHaveText(
		'kimaki, opencode'
	);
	await current.locator( 'summary' ).click();
	await expect(
		current.getByRole( 'link', {
			name: 'https://discord.com/channels/1/2',
		} )
	).toHaveAttribute( 'href', 'https://discord.com/channels/1/2' );

	// A blank value is kept as null, as DMC keeps it.
	const blank = row( page, 'data-machine@docs' );
	await blank.locator( 'summary' ).click();
	await expect(
		blank.getByRole( 'table', {
			name: 'Recorded ids of data-machine@docs from opencode',
		} )
	).toContainText( 'null (empty)' );
	await expect( blank.locator( '.wpca-records__primary' ) ).toHaveText(
		'run-8'
	);

	// Legacy shape: split at the first underscore into kimaki / session_id.
	const legacy = row( page, 'site@legacy-branch' );
	await expect( legacy ).toContainText( 'legacy shape (before DMC 0.45)' );
	await expect( legacy.locator( '.wpca-records__primary' ) ).toHaveText(
		'legacy-kimaki-7'
	);
	await legacy.locator( 'summary' ).click();
	await expect(
		legacy.getByRole( 'table', {
			name: 'Recorded ids of site@legacy-branch from kimaki',
		} )
	).toContainText( 'session_id' );

	// Per runtime: how many worktrees hold its values (the filter's counts)…
	const filter = panel.getByRole( 'list', { name: 'Filter by runtime' } );
	await expect( filter.getByRole( 'listitem' ) ).toHaveText( [
		'All runtimes (4) |',
		'kimaki (2) |',
		'opencode (3)',
	] );
	// …and which of them it gave the primary id, in its verdict on the first view.
	await openView( page, 'Runtimes' );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'DMC recorded its session in 2 worktrees, the last wp-coding-agents@fix-login'
	);
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'(their primary ID in 2)'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'DMC recorded its session in 3 worktrees, the last wp-coding-agents@today'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'(their primary ID in 2)'
	);
	await expect(
		runtimeCard( page, 'opencode' ).locator( '.wpca-verdict__headline' )
	).toHaveText( 'Working' );
	await expect( dmcNotice( page ) ).toHaveCount( 0 );

	// The worktree recorded since kimaki was published, without a kimaki value, is the
	// one "kimaki, not attributed" finds.
	await openView( page, 'Recorded by DMC' );
	await filter.getByRole( 'link', { name: 'kimaki (2)' } ).click();
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@fix-login',
		'site@legacy-branch',
	] );
	await panel.getByLabel( 'Attribution' ).selectOption( 'Not attributed' );
	await panel.getByRole( 'button', { name: 'Filter' } ).click();
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@today',
		'data-machine@docs',
	] );
} );

test( 'the table filters, searches and sorts on the server, with its state in the URL', async ( {
	page,
} ) => {
	installDmc( '0.61.4' );
	seedDmcRecords( SEEDED_RECORDS );
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );
	// Fresh, without the changes' snackbars, for the screenshot.
	await page.reload();
	const asked: string[] = [];
	page.on( 'request', ( request: Request ) => {
		const url = decodeURIComponent( request.url() );
		if ( url.includes( 'attribution/worktrees' ) ) {
			asked.push( url );
		}
	} );

	await openView( page, 'Recorded by DMC' );
	const panel = recordsPanel( page );
	await expect( handles( page ) ).toHaveCount( 3 );

	// One runtime: the server filters (the query names it) and the URL keeps it.
	await panel
		.getByRole( 'list', { name: 'Filter by runtime' } )
		.getByRole( 'link', { name: 'opencode (2)' } )
		.click();
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@fix-login',
		'data-machine@docs',
	] );
	await expect( page ).toHaveURL( /view=records/ );
	await expect( page ).toHaveURL( /runtime=opencode/ );
	expect( asked.some( ( url ) => url.includes( 'runtime=opencode' ) ) ).toBe(
		true
	);
	await screenshot( page, 'screenshot-dmc-records', false );

	// Search in handle and branch.
	await panel.getByLabel( 'Search handle or branch' ).fill( 'DOCS' );
	await panel.getByRole( 'button', { name: 'Search worktrees' } ).click();
	await expect( handles( page ) ).toHaveText( [ 'data-machine@docs' ] );
	expect( asked.some( ( url ) => url.includes( 'search=DOCS' ) ) ).toBe(
		true
	);

	// Back: the runtime filter alone again; reload keeps what the URL says.
	await page.goBack();
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@fix-login',
		'data-machine@docs',
	] );
	await page.reload();
	await expect( handles( page ) ).toHaveText( [
		'wp-coding-agents@fix-login',
		'data-machine@docs',
	] );

	// Sorted by date, oldest first, from the column heading; then by handle.
	await panel.getByRole( 'link', { name: /Created/ } ).click();
	await expect( handles( page ) ).toHaveText( [
		'data-machine@docs',
		'wp-coding-agents@fix-login',
	] );
	await expect(
		panel.getByRole( 'columnheader', { name: /Created/ } )
	).toHaveAttribute( 'aria-sort', 'ascending' );
	await panel.getByRole( 'link', { name: /Worktree/ } ).click();
	await expect( handles( page ) ).toHaveText( [
		'data-machine@docs',
		'wp-coding-agents@fix-login',
	] );
	await expect( page ).toHaveURL( /orderby=handle/ );
	expect( asked.some( ( url ) => url.includes( 'orderby=handle' ) ) ).toBe(
		true
	);

	// All runtimes, not attributed: none here (every seeded worktree has a primary id).
	await panel
		.getByRole( 'list', { name: 'Filter by runtime' } )
		.getByRole( 'link', { name: /All runtimes/ } )
		.click();
	await panel.getByLabel( 'Attribution' ).selectOption( 'Not attributed' );
	await panel.getByRole( 'button', { name: 'Filter' } ).click();
	await expect( recordsTable( page ) ).toContainText(
		'No recorded worktree matches.'
	);
} );

test( 'hundreds of records page ten at a time, newest first', async ( {
	page,
} ) => {
	installDmc( '0.60.0' );
	const rows: Record< string, unknown > = {};
	for ( let i = 0; i < 205; i++ ) {
		const minute = String( i % 60 ).padStart( 2, '0' );
		const hour = String( Math.floor( i / 60 ) ).padStart( 2, '0' );
		rows[ `repo@b-${ i }` ] = {
			created_at: `2026-11-01 ${ hour }:${ minute }:00`,
			origin_session: { kimaki_session_id: `k-${ i }` },
		};
	}
	seedDmcRecords( rows );
	await openScreen( page, 'view=records' );

	const panel = recordsPanel( page );
	const pages = panel.getByRole( 'navigation', {
		name: 'Recorded worktrees pages',
	} );
	await expect( pages ).toContainText( '205 worktrees' );
	await expect( pages ).toContainText( 'Page 1 of 21' );
	const first = handles( page ).first();
	await expect( first ).toHaveText( 'repo@b-204' );
	// The first page has nothing newer: no link leads before it.
	const previous = pages.getByRole( 'link', { name: 'Previous page' } );
	await expect( previous ).toHaveCount( 0 );
	await pages.getByRole( 'link', { name: 'Next page' } ).click();
	await expect( pages ).toContainText( 'Page 2 of 21' );
	await expect( first ).toHaveText( 'repo@b-194' );
	await expect( page ).toHaveURL( /paged=2/ );
	await expect( previous ).toHaveCount( 1 );
	await previous.click();
	await expect( first ).toHaveText( 'repo@b-204' );
	// Back and forward walk the pages too.
	await page.goBack();
	await expect( first ).toHaveText( 'repo@b-194' );
	await page.goForward();
	await expect( first ).toHaveText( 'repo@b-204' );
	await pages.getByRole( 'link', { name: 'Last page' } ).click();
	await expect( pages ).toContainText( 'Page 21 of 21' );
	await expect( handles( page ) ).toHaveText( [
		'repo@b-4',
		'repo@b-3',
		'repo@b-2',
		'repo@b-1',
		'repo@b-0',
	] );
} );
