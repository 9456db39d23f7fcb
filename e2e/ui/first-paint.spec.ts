/**
 * The screen is usable before its JavaScript runs: the server prints the runtime list
 * with working toggles. Here the app's script (build/index.js) is held back while the
 * admin clicks a server-rendered toggle; once the script is let through, the app takes
 * over, applies that click through its own toggle (saved, announced, shown) and nothing
 * is lost. The first paint passes axe, taking over moves nothing on the page, and
 * when the app does not load at all the form still saves.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import {
	appView,
	axeViolations,
	expectDmcOrder,
	installerRegisters,
	publishToggle,
	publishToggleNamed,
	publishedSignatures,
	resetRegistry,
	runtimeCard,
	saveFirstPaintFrom,
	screenUrl,
	storedState,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
} );

/**
 * Opens the screen with build/index.js held until the returned function is called.
 * @param page
 */
async function openWithAppHeld( page: Page ): Promise< () => void > {
	let release = () => {};
	const held = new Promise< void >( ( resolve ) => ( release = resolve ) );
	await page.route( /\/build\/index\.js/, async ( route ) => {
		await held;
		await route.continue();
	} );
	// The held script keeps the page from finishing its load: wait for the HTML only.
	await page.goto( screenUrl(), { waitUntil: 'commit' } );
	await expect( page.locator( '.wpca-first-paint' ) ).toBeVisible();
	return release;
}

/**
 * Where the DMC notice and the runtime list's cards, titles, toggles, help, tables and
 * footers are, to compare before and after the app takes over (the first paint's
 * markup is its own: only the plugin's classes and roles are common to both).
 * @param page
 */
function listGeometry( page: Page ) {
	return page.locator( '#wpca-runtimes-root' ).evaluate( ( root ) =>
		Array.from(
			root.querySelectorAll(
				'.wpca-dmc-notice, .wpca-runtime-list .wpca-card, .wpca-card h3, .wpca-card input[type="checkbox"], .wpca-card [id$="__help"], .wpca-fields-table, .wpca-card__actions'
			)
		).map( ( element ) => {
			const { x, y, width, height } = element.getBoundingClientRect();
			return [ x, y, width, height ].map( Math.round );
		} )
	);
}

test( 'a toggle clicked before the app loaded is saved once it has', async ( {
	page,
} ) => {
	const ourRest: string[] = [];
	page.on( 'request', ( request: Request ) => {
		if ( /wp-coding-agents(\/|%2F)v1/.test( request.url() ) ) {
			ourRest.push( request.method() );
		}
	} );
	const release = await openWithAppHeld( page );

	const serverToggle = page
		.locator( '.wpca-first-paint' )
		.getByRole( 'checkbox', { name: 'Published to DMC: OpenCode' } );
	await expect( serverToggle ).toBeEnabled();
	await serverToggle.click();
	await expect( serverToggle ).toBeChecked();
	expect( ourRest, 'nothing sent before the app runs' ).toEqual( [] );
	expect( publishedSignatures() ).toEqual( [] );

	release();
	await expect( appView( page ) ).toBeVisible();
	await expect( page.locator( '.wpca-first-paint' ) ).toHaveCount( 0 );
	// Applied through the app's toggle: saved, announced, shown as stored.
	await expect(
		page.locator( '.components-snackbar', {
			hasText: 'OpenCode is published to DMC.',
		} )
	).toBeVisible();
	await expect( publishToggle( page, 'opencode' ) ).toBeChecked();
	await expect( publishToggle( page, 'opencode' ) ).toBeEnabled();
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'Admin screen'
	);
	await expectDmcOrder( page, [ 'opencode' ] );
	expect( publishedSignatures() ).toEqual( [
		[
			'opencode',
			{ session_id: 'OPENCODE_SESSION_ID', run_id: 'OPENCODE_RUN_ID' },
		],
	] );

	// After a reload the server's first paint shows the stored state.
	await page.unrouteAll();
	await page.goto( screenUrl(), { waitUntil: 'commit' } );
	await expect( publishToggleNamed( page, 'OpenCode' ) ).toBeChecked();
} );

test( 'a click before the app loaded does not overwrite a change made since', async ( {
	page,
} ) => {
	const release = await openWithAppHeld( page );
	await publishToggleNamed( page, 'Kimaki' ).click();
	// Meanwhile an installer registers kimaki, unpublished.
	await installerRegisters( 'kimaki', {
		fields: { session_id: 'KIMAKI_SESSION_ID' },
		enabled: false,
	} );
	const before = storedState();

	release();
	const card = runtimeCard( page, 'kimaki' );
	await expect( card.locator( '.wpca-card__conflict' ) ).toContainText(
		'Runtime "kimaki" was changed by admin (installer)'
	);
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();
	await expect( card ).toContainText( 'Installer' );
	expect( storedState() ).toBe( before );
	expect( publishedSignatures() ).toEqual( [] );
} );

test( 'the app takes over from the first paint without moving anything', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 1280, height: 900 } );
	const release = await openWithAppHeld( page );
	expect( await axeViolations( page ), 'the first paint' ).toEqual( [] );
	const before = await listGeometry( page );
	expect( before.length ).toBeGreaterThan( 0 );
	const heading = await page
		.getByRole( 'heading', { level: 2, name: 'Runtimes' } )
		.boundingBox();
	// Someone tabbing through the list: focus stays on the same control, now the app's.
	await publishToggleNamed( page, 'Kimaki' ).focus();

	release();
	await expect( appView( page ) ).toBeVisible();
	await expect( page.locator( '.wpca-first-paint' ) ).toHaveCount( 0 );
	expect( await listGeometry( page ) ).toEqual( before );
	await expect( publishToggle( page, 'kimaki' ) ).toBeFocused();
	expect(
		await page
			.getByRole( 'heading', { level: 2, name: 'Runtimes' } )
			.boundingBox()
	).toEqual( heading );
} );

test( 'when the app fails to load, the form still saves', async ( {
	page,
} ) => {
	await page.route( /\/build\/index\.js/, ( route ) => route.abort() );
	await page.goto( screenUrl() );
	await publishToggleNamed( page, 'OpenCode' ).check();
	await saveFirstPaintFrom( page, 'opencode' );
	await expect(
		page.locator( '.notice-success', {
			hasText: 'OpenCode is published to DMC.',
		} )
	).toBeVisible();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'opencode',
	] );
} );
