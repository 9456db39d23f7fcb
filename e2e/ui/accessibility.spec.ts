/**
 * The screen passes axe-core's WCAG 2.1 A/AA rules in every state an admin
 * reaches: empty, with runtimes published, editing, after a rejected change,
 * with an attribution preview shown, and with stored entries to repair. Only
 * the plugin's own markup is scanned; wp-admin's chrome is WordPress's.
 */
import { expect, test, type Page } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	editorInput,
	SIGNATURES_OPTION,
	axeViolations as violations,
	openScreen,
	openView,
	VIEW_TITLES,
	viewTab,
	previewWith,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

// axe weighs contrast by opacity: a snackbar fading in, or out after its 10 s, reads as
// low contrast mid-animation (seen on a busy machine). Without motion each state is
// scanned as it settles, snackbars included.
test.use( { reducedMotion: 'reduce' } );

test.beforeEach( () => {
	resetRegistry();
} );
test.afterEach( () => {
	resetRegistry();
} );

// A desktop and a phone: the card actions wrap differently at 360 px.
for ( const width of [ 1280, 360 ] ) {
	test( `the screen has no WCAG 2.1 AA violations in the states an admin reaches, ${ width } px wide`, async ( {
		page,
	} ) => {
		await page.setViewportSize( { width, height: 800 } );
		await scanStates( page );
	} );
}

async function scanStates( page: Page ): Promise< void > {
	await openScreen( page );
	expect( await violations( page ), 'fresh install' ).toEqual( [] );

	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );
	expect( await violations( page ), 'runtimes published' ).toEqual( [] );

	const kimaki = runtimeCard( page, 'kimaki' );
	await kimaki.getByRole( 'button', { name: 'Edit' } ).click();
	expect( await violations( page ), 'editing a runtime' ).toEqual( [] );
	await editorInput( kimaki, 'Environment variable 1', 'Kimaki' ).fill(
		'1BAD'
	);
	await kimaki.getByRole( 'button', { name: 'Save' } ).click();
	await expect(
		kimaki.locator( '.components-notice.is-error' )
	).toBeVisible();
	expect( await violations( page ), 'a rejected change' ).toEqual( [] );
	await kimaki.getByRole( 'button', { name: 'Cancel' } ).click();

	await openView( page, 'Attribution preview' );
	await previewWith( page, { KIMAKI_SESSION_ID: '1184502913385' } );
	await expect(
		page.getByRole( 'heading', { name: 'What DMC would record' } )
	).toBeVisible();
	expect( await violations( page ), 'attribution preview' ).toEqual( [] );

	wpPhp(
		`update_option( '${ SIGNATURES_OPTION }', array( 'kimaki' => array( 'session_id' => 'KIMAKI_SESSION_ID', 'bad key' => 'X' ) ), false );`
	);
	await page.reload();
	await openView( page, 'What DMC sees' );
	await expect(
		page.getByRole( 'button', { name: /Repair/ } )
	).toBeVisible();
	expect( await violations( page ), 'entries to repair' ).toEqual( [] );

	// Every view, reached by keyboard from the tabs: no violation, nothing wider than
	// the window, and the view's heading has the focus.
	const width = page.viewportSize()!.width;
	for ( const title of VIEW_TITLES ) {
		await viewTab( page, title ).focus();
		await page.keyboard.press( 'Enter' );
		await expect(
			page.getByRole( 'heading', { level: 2, name: title, exact: true } )
		).toBeFocused();
		expect( await violations( page ), `the ${ title } view` ).toEqual( [] );
		expect(
			await page.evaluate( () => document.documentElement.scrollWidth ),
			`the ${ title } view is no wider than the window`
		).toBeLessThanOrEqual( width );
	}
}
