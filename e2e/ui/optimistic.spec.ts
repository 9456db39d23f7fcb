/**
 * Controls answer at once: a toggle, a move, a reset to the installer's declaration and
 * a delete show their new state before the server answers (the writes are held here
 * with page.route), and the server's answer confirms it; a refused change rolls back to
 * what is stored and says why.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import {
	exact,
	installerRegisters,
	installerRequest,
	openScreen,
	publishedSignatures,
	publishToggle,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

// api-fetch sends PUT/PATCH/DELETE as POST with X-HTTP-Method-Override.
const isWrite = ( request: Request ) =>
	'GET' !==
	( request.headers()[ 'x-http-method-override' ] ?? request.method() );

/**
 * Holds every write to the plugin's routes until released.
 * @param page
 */
async function holdWrites( page: Page ) {
	let release = () => {};
	let released = new Promise< void >( ( resolve ) => ( release = resolve ) );
	const held = {
		count: 0,
		release: () => {
			release();
			released = new Promise< void >(
				( resolve ) => ( release = resolve )
			);
		},
	};
	await page.route(
		( url ) => url.href.includes( 'wp-coding-agents' ),
		async ( route ) => {
			if ( ! isWrite( route.request() ) ) {
				return route.continue();
			}
			held.count += 1;
			await released;
			return route.continue();
		}
	);
	return held;
}

const position = ( page: Page, id: string ) =>
	runtimeCard( page, id ).locator( '.wpca-card__position' );

test( 'a move, a reset and a delete show before the server answers', async ( {
	page,
} ) => {
	await installerRegisters( 'opencode', {
		fields: { session_id: 'OPENCODE_SESSION_ID' },
	} );
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	// The admin changes what the installer declared.
	await exact( page, 'button', 'Edit OpenCode' ).click();
	await runtimeCard( page, 'opencode' )
		.getByRole( 'textbox', { name: 'Label: OpenCode', exact: true } )
		.fill( 'OpenCode CLI' );
	await exact( page, 'button', 'Save: OpenCode' ).click();
	await expect( exact( page, 'button', 'Edit OpenCode CLI' ) ).toBeVisible();
	// Kimaki, a preset registered after it, still comes first (the presets' order).
	await expect( position( page, 'opencode' ) ).toHaveText( '2.' );

	const writes = await holdWrites( page );
	await exact( page, 'button', 'Move up: OpenCode CLI' ).click();
	await expect( position( page, 'opencode' ) ).toHaveText( '1.' );
	await expect( position( page, 'kimaki' ) ).toHaveText( '2.' );
	await expect.poll( () => writes.count ).toBe( 1 );
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'kimaki',
		'opencode',
	] );
	writes.release();
	await expect(
		page.locator( '.components-snackbar', {
			hasText: 'OpenCode CLI moved to position 1.',
		} )
	).toBeVisible();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'opencode',
		'kimaki',
	] );

	const opencode = runtimeCard( page, 'opencode' );
	await opencode
		.getByRole( 'button', { name: 'Reset to what the installer declares' } )
		.click();
	await expect( exact( page, 'button', 'Edit OpenCode' ) ).toBeVisible();
	await expect( opencode.locator( '.wpca-card__declared' ) ).toHaveCount( 0 );
	await expect.poll( () => writes.count ).toBe( 2 );
	writes.release();
	await expect(
		page.locator( '.components-snackbar', {
			hasText: 'OpenCode CLI saved.',
		} )
	).toBeVisible();

	await exact( page, 'button', 'Reset to default: Kimaki' ).click();
	await exact( page, 'button', 'Confirm: Reset to default: Kimaki' ).click();
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();
	await expect( position( page, 'kimaki' ) ).toHaveCount( 0 );
	await expect.poll( () => writes.count ).toBe( 3 );
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toContain(
		'kimaki'
	);
	writes.release();
	await expect(
		page.locator( '.components-snackbar', {
			hasText: 'Kimaki is back to its preset defaults.',
		} )
	).toBeVisible();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'opencode',
	] );
} );

test( 'a refused toggle rolls back to what is stored and says why', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	// Behind the screen's back someone renames kimaki: the screen's ETag is old.
	const other = await installerRequest();
	const renamed = await other.patch( 'runtimes/kimaki', {
		data: { label: 'Kimaki bridge' },
	} );
	expect( renamed.status() ).toBe( 200 );
	await other.dispose();
	const writes = await holdWrites( page );

	const toggle = publishToggle( page, 'kimaki' );
	await toggle.click();
	await expect( toggle ).not.toBeChecked();
	await expect.poll( () => writes.count ).toBe( 1 );
	writes.release();
	// Refused (412): back to what is stored, with who changed it.
	await expect( toggle ).toBeChecked();
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'since it was loaded; nothing was saved.'
	);
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'kimaki',
	] );
} );
