/**
 * Is attribution working? The DMC notice (missing, inactive, too old), and the
 * "Recorded by DMC" panel reading back DMC's worktree records in both shapes
 * DMC has written, with per-runtime evidence, flags and pages. Screenshots for
 * review land in artifacts/, and under docs/ with WPCA_UPDATE_SCREENSHOT=1.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
	clearDmcRecords,
	installDmc,
	removeDmc,
	seedDmcRecords,
	SEEDED_RECORDS,
} from '../support/dmc';
import { ROOT } from '../support/site';
import { openScreen, openView, resetRegistry, setPublished } from './helpers';

test.use( { viewport: { width: 1280, height: 900 } } );

test.beforeEach( () => {
	resetRegistry();
	clearDmcRecords();
	removeDmc();
} );
test.afterAll( () => {
	resetRegistry();
	clearDmcRecords();
	removeDmc();
} );

function recordsPanel( page: Page ) {
	return page.getByRole( 'region', { name: 'Recorded by DMC' } );
}

function dmcNotice( page: Page ) {
	return page.locator( '.wpca-dmc-notice' );
}

async function screenshot( page: Page, name: string ): Promise< void > {
	// WordPress pins its admin bar and menu to the viewport; a viewport as tall as
	// the page keeps them in place in a full-page capture.
	const height = await page.evaluate(
		() => document.documentElement.scrollHeight
	);
	await page.setViewportSize( { width: 1280, height } );
	const files = [ `artifacts/${ name }.png` ];
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		files.push( `docs/${ name }.png` );
	}
	for ( const file of files ) {
		await page.screenshot( {
			path: path.join( ROOT, file ),
			fullPage: true,
		} );
	}
}

test( 'without DMC the screen says nothing consumes the signatures and links to Plugins', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	// Fresh, without the change's snackbar, for the screenshot.
	await page.reload();

	const notice = dmcNotice( page );
	await expect( notice ).toContainText(
		'Data Machine Code is not installed. Signatures are stored and published; nothing consumes them yet.'
	);
	await expect(
		notice.getByRole( 'link', { name: 'Go to Plugins' } )
	).toHaveAttribute( 'href', /\/wp-admin\/plugins\.php$/ );
	await openView( page, 'Recorded by DMC' );
	await expect( recordsPanel( page ) ).toContainText(
		'Data Machine Code is not installed. Nothing records worktree sessions on this site until it is active.'
	);
	await expect( recordsPanel( page ) ).toContainText(
		'0 worktrees recorded'
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
	await expect( recordsPanel( page ) ).toContainText(
		'0 worktrees recorded'
	);
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
	// only OPENCODE_RUN_ID (what opencode really exports): kimaki is flagged.
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
	await expect( panel ).toContainText( '4 worktrees recorded' );
	await expect( panel ).toContainText(
		'Data Machine Code 0.60.0 is active: it records the signatures’ values for new worktrees and workspace locks.'
	);
	const worktrees = panel.getByRole( 'list', { name: 'Recorded worktrees' } );
	await expect( worktrees.locator( ':scope > li h3' ) ).toHaveText( [
		'wp-coding-agents@today',
		'wp-coding-agents@fix-login',
		'data-machine@docs',
		'site@legacy-branch',
	] );

	// Current shape: the explicit primary id, thread URL as a link.
	const current = worktrees.locator( ':scope > li' ).nth( 1 );
	await expect( current.locator( '.wpca-records__primary' ) ).toHaveText(
		'1184502913385'
	);
	await expect( current ).toContainText( 'from kimaki' );
	await expect(
		current.getByRole( 'link', {
			name: 'https://discord.com/channels/1/2',
		} )
	).toHaveAttribute( 'href', 'https://discord.com/channels/1/2' );

	// A blank value is kept as null, as DMC keeps it.
	const blank = worktrees.locator( ':scope > li' ).nth( 2 );
	await expect(
		blank.getByRole( 'table', {
			name: 'Recorded ids of data-machine@docs from opencode',
		} )
	).toContainText( 'null (empty)' );
	await expect( blank.locator( '.wpca-records__primary' ) ).toHaveText(
		'run-8'
	);

	// Legacy shape: split at the first underscore into kimaki / session_id.
	const legacy = worktrees.locator( ':scope > li' ).nth( 3 );
	await expect( legacy ).toContainText( 'legacy shape (before DMC 0.45)' );
	await expect( legacy.locator( '.wpca-records__primary' ) ).toHaveText(
		'legacy-kimaki-7'
	);
	await expect(
		legacy.getByRole( 'table', {
			name: 'Recorded ids of site@legacy-branch from kimaki',
		} )
	).toContainText( 'session_id' );

	const perRuntime = panel.getByRole( 'list', {
		name: 'Attribution per runtime',
	} );
	await expect( perRuntime.locator( ':scope > li' ).first() ).toContainText(
		'kimaki in 2 recorded worktrees (primary id of 2)'
	);
	await expect( perRuntime.locator( ':scope > li' ).first() ).toContainText(
		'none of the 1 worktree DMC recorded since'
	);
	await expect( perRuntime.locator( ':scope > li' ).nth( 1 ) ).toContainText(
		'opencode in 3 recorded worktrees (primary id of 2)'
	);
	await expect(
		perRuntime
			.locator( ':scope > li' )
			.nth( 1 )
			.locator( '.wpca-records__flag' )
	).toHaveCount( 0 );
	await expect( dmcNotice( page ) ).toHaveCount( 0 );

	await recordsPanel( page ).scrollIntoViewIfNeeded();
	await screenshot( page, 'screenshot-dmc-records' );
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
	await expect( pages ).toContainText( 'Page 1 of 21' );
	const first = panel.locator( '.wpca-records__worktree h3' ).first();
	await expect( first ).toHaveText( 'repo@b-204' );
	const newer = pages.getByRole( 'button', { name: 'Newer' } );
	// The first page has nothing newer: the button stays, focusable and disabled.
	await expect( newer ).toBeDisabled();
	await pages.getByRole( 'button', { name: 'Older' } ).click();
	await expect( pages ).toContainText( 'Page 2 of 21' );
	await expect( first ).toHaveText( 'repo@b-194' );
	await expect( newer ).toBeEnabled();
	await newer.click();
	await expect( first ).toHaveText( 'repo@b-204' );
} );
