/**
 * A keyboard or screen-reader user who presses a control keeps the focus on it while
 * its request runs: the control is busy (aria-busy / aria-disabled), not `disabled`,
 * which would drop the focus to the start of the page. A toggle shows its new state at
 * once and a second press meanwhile is queued behind the first; a form's Save waits for
 * its answer (a second press sends nothing). Once done the focus is where the user left it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	editorInput,
	exact,
	methodOf,
	openScreen,
	publishedSignatures,
	resetRegistry,
	runtimeCard,
	storedState,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

/**
 * Holds every `method` request to one runtime's REST route until `release()`.
 * @param page
 * @param method
 * @param id
 */
async function holdRequests( page: Page, method: string, id: string ) {
	const route = new RegExp(
		`/wp-coding-agents/v1/runtimes/${ id }(?:[?&]|$)`
	);
	let release = () => {};
	const released = new Promise< void >( ( resolve ) => {
		release = resolve;
	} );
	const held = { count: 0, release: () => release() };
	await page.route(
		( url ) => route.test( decodeURIComponent( url.href ) ),
		async ( pending ) => {
			if ( methodOf( pending.request() ) !== method ) {
				return pending.continue();
			}
			held.count += 1;
			await released;
			return pending.continue();
		}
	);
	return held;
}

test( 'a publish toggle keeps the focus and shows its new state at once; a second press while the first is on its way is queued, not dropped', async ( {
	page,
} ) => {
	await openScreen( page );
	const toggle = exact( page, 'checkbox', 'Published to DMC: Kimaki' );
	await expect( toggle ).not.toBeChecked();
	const patches = await holdRequests( page, 'PATCH', 'kimaki' );

	await toggle.focus();
	await page.keyboard.press( 'Space' );
	// Shown before the server answered; busy until it has.
	await expect( toggle ).toBeChecked();
	await expect.poll( () => patches.count ).toBe( 1 );
	await expect( toggle ).toHaveAttribute( 'aria-busy', 'true' );
	await expect( toggle ).toBeFocused();

	// The admin changes their mind while the first save is held.
	await page.keyboard.press( 'Space' );
	await expect( toggle ).not.toBeChecked();
	await expect( toggle ).toBeFocused();
	await expect( toggle ).toHaveAttribute( 'aria-busy', 'true' );
	expect( patches.count, 'one write at a time' ).toBe( 1 );

	patches.release();
	// Both presses reach the server, in order: published, then not.
	await expect.poll( () => patches.count ).toBe( 2 );
	await expect( toggle ).not.toHaveAttribute( 'aria-busy' );
	await expect( toggle ).not.toBeChecked();
	await expect( toggle ).toBeFocused();
	expect( publishedSignatures() ).toEqual( [] );
	await expect(
		page.locator( '.components-snackbar', {
			hasText: 'Kimaki is no longer published to DMC.',
		} )
	).toBeVisible();
} );

test( 'the editor’s Save keeps the focus while it saves; afterwards the focus is on Edit again', async ( {
	page,
} ) => {
	await openScreen( page );
	await exact( page, 'button', 'Edit Kimaki' ).click();
	const kimaki = runtimeCard( page, 'kimaki' );
	await editorInput( kimaki, 'Environment variable 1', 'Kimaki' ).fill(
		'KIMAKI_AGENT_SESSION'
	);
	const puts = await holdRequests( page, 'PUT', 'kimaki' );

	const save = exact( page, 'button', 'Save: Kimaki' );
	await save.focus();
	await page.keyboard.press( 'Enter' );
	await expect.poll( () => puts.count ).toBe( 1 );
	await expect( save ).toHaveAttribute( 'aria-disabled', 'true' );
	await expect( save ).toBeFocused();

	await page.keyboard.press( 'Enter' );
	await page.keyboard.press( 'Space' );
	await expect( save ).toBeFocused();

	puts.release();
	await expect( save ).toHaveCount( 0 );
	await expect( exact( page, 'button', 'Edit Kimaki' ) ).toBeFocused();
	expect( puts.count, 'PUT requests sent' ).toBe( 1 );
	await expect(
		kimaki.getByRole( 'table', { name: 'Fields of kimaki' } )
	).toContainText( 'KIMAKI_AGENT_SESSION' );
	expect( storedState() ).toContain( 'KIMAKI_AGENT_SESSION' );
} );
