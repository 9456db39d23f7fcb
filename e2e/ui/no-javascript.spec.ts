/**
 * With JavaScript off the screen still works: the server's first paint is a real form
 * (admin-post.php, nonce, each runtime's ETag) whose toggles are saved through the
 * REST API's own PATCH, so DMC's filter changes; after the redirect a notice says what
 * changed. A runtime someone changed since the page was loaded is not overwritten, and a
 * subscriber or a bad nonce changes nothing.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, testSite } from '../support/site';
import {
	installerRegisters,
	installerRequest,
	logIn,
	publishToggleNamed,
	publishedSignatures,
	resetRegistry,
	runtimeCard,
	saveFirstPaintFrom,
	screenUrl,
	storedState,
} from './helpers';

test.use( { javaScriptEnabled: false } );

test.beforeEach( () => {
	resetRegistry();
} );

async function restItem( id: string ) {
	const api = await installerRequest();
	const response = await api.get( `runtimes/${ id }` );
	expect( response.status() ).toBe( 200 );
	const item = await response.json();
	await api.dispose();
	return item;
}

test( 'the form publishes and unpublishes a runtime without JavaScript', async ( {
	page,
} ) => {
	await page.goto( screenUrl() );
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Agent Runtimes' } )
	).toBeVisible();
	await expect( publishToggleNamed( page, 'OpenCode' ) ).not.toBeChecked();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [] );
	// For review beside artifacts/admin-screen.png (the app, screenshot.spec.ts).
	await page.setViewportSize( { width: 1280, height: 900 } );
	await page.screenshot( {
		path: path.join( ROOT, 'artifacts', 'admin-screen-no-js.png' ),
		fullPage: true,
	} );

	await publishToggleNamed( page, 'OpenCode' ).check();
	// It looks on as soon as it is clicked (no script marks it): the theme colour.
	const track = publishToggleNamed( page, 'OpenCode' )
		.locator( '..' )
		.locator( '.wpca-first-paint__switch-track' );
	await expect
		.poll( () =>
			track.evaluate( ( el ) => getComputedStyle( el ).backgroundColor )
		)
		.toBe( 'rgb(56, 88, 233)' );
	await saveFirstPaintFrom( page, 'opencode' );
	await expect(
		page.locator( '.notice-success', {
			hasText: 'OpenCode is published to DMC.',
		} )
	).toBeVisible();
	await expect( publishToggleNamed( page, 'OpenCode' ) ).toBeChecked();
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'Admin screen'
	);
	const item = await restItem( 'opencode' );
	expect( item.enabled ).toBe( true );
	expect( item.source ).toBe( 'admin' );
	expect( publishedSignatures() ).toEqual( [
		[
			'opencode',
			{ session_id: 'OPENCODE_SESSION_ID', run_id: 'OPENCODE_RUN_ID' },
		],
	] );

	// Two toggles in one submission; the notice names both.
	await publishToggleNamed( page, 'Kimaki' ).check();
	await publishToggleNamed( page, 'OpenCode' ).uncheck();
	await saveFirstPaintFrom( page, 'kimaki' );
	await expect(
		page.locator( '.notice-success', {
			hasText: 'Kimaki is published to DMC.',
		} )
	).toBeVisible();
	await expect(
		page.locator( '.notice-success', {
			hasText: 'OpenCode is no longer published to DMC.',
		} )
	).toBeVisible();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'kimaki',
	] );

	// Saving with nothing changed says so and stores nothing.
	const before = storedState();
	await saveFirstPaintFrom( page, 'kimaki' );
	await expect( page.locator( '.notice-info' ) ).toHaveText(
		/No changes to save\./
	);
	expect( storedState() ).toBe( before );

	// The notices are shown once: a reload does not repeat them.
	await page.reload();
	await expect( page.locator( '.wpca-form-notice' ) ).toHaveCount( 0 );
} );

test( 'a runtime changed since the page was loaded is not overwritten', async ( {
	page,
} ) => {
	await page.goto( screenUrl() );
	await expect( publishToggleNamed( page, 'Kimaki' ) ).not.toBeChecked();

	// Meanwhile an installer registers kimaki, unpublished.
	await installerRegisters( 'kimaki', {
		fields: { session_id: 'KIMAKI_SESSION_ID' },
		enabled: false,
	} );
	const before = storedState();

	await publishToggleNamed( page, 'Kimaki' ).check();
	await saveFirstPaintFrom( page, 'kimaki' );
	await expect( page.locator( '.notice-warning' ) ).toContainText(
		'Runtime "kimaki" was changed by admin (installer)'
	);
	await expect( page.locator( '.notice-warning' ) ).toContainText(
		'nothing was saved'
	);
	expect( storedState() ).toBe( before );
	// The page now shows what is stored, and the toggle works again from there.
	await expect( publishToggleNamed( page, 'Kimaki' ) ).not.toBeChecked();
	await publishToggleNamed( page, 'Kimaki' ).check();
	await saveFirstPaintFrom( page, 'kimaki' );
	await expect( page.locator( '.notice-success' ) ).toContainText(
		'Kimaki is published to DMC.'
	);
	expect( publishedSignatures() ).toEqual( [
		[ 'kimaki', { session_id: 'KIMAKI_SESSION_ID' } ],
	] );
} );

test( 'a bad nonce or a subscriber changes nothing', async ( {
	page,
	browser,
} ) => {
	await page.goto( screenUrl() );
	const before = storedState();
	const form = page.locator( 'form[action$="admin-post.php"]' );
	await form
		.locator( 'input[name="_wpnonce"]' )
		.evaluate( ( input: HTMLInputElement ) => ( input.value = 'bad' ) );
	await publishToggleNamed( page, 'OpenCode' ).check();
	const response = page.waitForResponse( /admin-post\.php/ );
	await runtimeCard( page, 'opencode' )
		.getByRole( 'button', { name: 'Save changes' } )
		.click();
	expect( ( await response ).status() ).toBe( 403 );
	await expect(
		page.getByText( 'The link you followed has expired.' )
	).toBeVisible();
	expect( storedState() ).toBe( before );

	// The same form data from a subscriber's session.
	const fields = {
		action: 'wpca_runtimes_publish',
		_wpnonce: 'whatever',
		'runtimes[opencode][etag]': 'x',
		'runtimes[opencode][shown]': '0',
		'runtimes[opencode][enabled]': '1',
	};
	const subscriber = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled: false,
	} );
	const subscriberPage = await subscriber.newPage();
	await subscriberPage.goto( `${ testSite().url }/wp-login.php` );
	await logIn( subscriberPage, 'subscriber' );
	const refused = await subscriberPage.request.post(
		`${ testSite().url }/wp-admin/admin-post.php`,
		{ form: fields }
	);
	expect( refused.status() ).toBe( 403 );
	expect( await refused.text() ).toContain(
		'Sorry, you are not allowed to manage agent runtimes.'
	);
	await subscriber.close();
	expect( storedState() ).toBe( before );
} );
