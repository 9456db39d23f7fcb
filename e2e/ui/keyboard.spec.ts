/**
 * A keyboard-only admin walks every action of the runtime cards and the add form
 * with Tab, Enter, Space and Escape, and after each the focus is where the action
 * leaves them: on the control they used, on the editor's first input after Edit, back
 * on Edit after Save or Cancel, on "Keep it" when a removal asks for confirmation and
 * back on the button after Escape, on a neighbour's heading after a delete, on the
 * card's heading after a reset. The focus never moves because the server answered.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	installerRegisters,
	openScreen,
	publishedSignatures,
	resetRegistry,
	runtimeCard,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

const exact = (
	page: Page,
	role: 'button' | 'checkbox' | 'textbox',
	name: string
) => page.getByRole( role, { name, exact: true } );

const snackbar = ( page: Page, text: string ) =>
	expect(
		page.locator( '.components-snackbar', { hasText: text } )
	).toBeVisible();

/**
 * Presses Tab, or Shift+Tab when `target` comes before the focus, until `target` has
 * the focus (at most 40 presses).
 * @param page
 * @param target
 */
async function tabTo( page: Page, target: Locator ) {
	const back = await target.evaluate( ( el ) => {
		const all = Array.from( el.ownerDocument.querySelectorAll( '*' ) );
		return (
			all.indexOf( el.ownerDocument.activeElement as Element ) >
			all.indexOf( el )
		);
	} );
	for ( let presses = 0; presses < 40; presses++ ) {
		if (
			await target.evaluate(
				( el ) => el === el.ownerDocument.activeElement
			)
		) {
			return;
		}
		await page.keyboard.press( back ? 'Shift+Tab' : 'Tab' );
	}
	await expect( target ).toBeFocused();
}

const heading = ( page: Page, id: string ) =>
	runtimeCard( page, id ).getByRole( 'heading', { level: 3 } );

test( 'a keyboard-only admin walks every action, the focus where each leaves them', async ( {
	page,
} ) => {
	test.setTimeout( 240_000 );
	await installerRegisters( 'opencode', {
		fields: { session_id: 'OPENCODE_SESSION_ID' },
	} );
	await openScreen( page );
	// The starting point; from here on only keys.
	const kimakiToggle = exact( page, 'checkbox', 'Published to DMC: Kimaki' );
	await kimakiToggle.focus();

	// Toggle: Space, the focus stays.
	await page.keyboard.press( 'Space' );
	await expect( kimakiToggle ).toBeChecked();
	await expect( kimakiToggle ).toBeFocused();
	await snackbar( page, 'Kimaki is published to DMC.' );

	// Edit: the editor's first input; Escape: back on Edit, nothing saved.
	await tabTo( page, exact( page, 'button', 'Edit Kimaki' ) );
	await page.keyboard.press( 'Enter' );
	const label = exact( page, 'textbox', 'Label: Kimaki' );
	await expect( label ).toBeFocused();
	await page.keyboard.type( ' bridge' );
	await page.keyboard.press( 'Escape' );
	await expect( label ).toHaveCount( 0 );
	await expect( exact( page, 'button', 'Edit Kimaki' ) ).toBeFocused();

	// Edit, type, Enter saves: back on Edit (named after the new label).
	await page.keyboard.press( 'Enter' );
	await expect( label ).toBeFocused();
	await page.keyboard.press( 'End' );
	await page.keyboard.type( ' bridge' );
	await page.keyboard.press( 'Enter' );
	await expect( exact( page, 'button', 'Edit Kimaki bridge' ) ).toBeFocused();
	await snackbar( page, 'Kimaki saved.' );

	// Cancel with Enter: back on Edit.
	await page.keyboard.press( 'Enter' );
	await tabTo( page, exact( page, 'button', 'Cancel: Kimaki bridge' ) );
	await page.keyboard.press( 'Enter' );
	await expect( exact( page, 'button', 'Edit Kimaki bridge' ) ).toBeFocused();

	// Move down: last now, so the focus goes to Move up of the same card; and back.
	await tabTo( page, exact( page, 'button', 'Move down: Kimaki bridge' ) );
	await page.keyboard.press( 'Enter' );
	await expect( heading( page, 'kimaki' ) ).toContainText( '2.' );
	await expect(
		exact( page, 'button', 'Move up: Kimaki bridge' )
	).toBeFocused();
	await page.keyboard.press( 'Enter' );
	await expect( heading( page, 'kimaki' ) ).toContainText( '1.' );
	await expect(
		exact( page, 'button', 'Move down: Kimaki bridge' )
	).toBeFocused();
	await snackbar( page, 'Kimaki bridge moved to position 1.' );

	// The admin changes what the installer declared for OpenCode, then resets it: the
	// focus goes to the card's heading (the reset button is gone with the difference).
	await tabTo( page, exact( page, 'button', 'Edit OpenCode' ) );
	await page.keyboard.press( 'Enter' );
	await page.keyboard.press( 'End' );
	await page.keyboard.type( ' CLI' );
	await page.keyboard.press( 'Enter' );
	await expect( exact( page, 'button', 'Edit OpenCode CLI' ) ).toBeFocused();
	const reset = runtimeCard( page, 'opencode' ).getByRole( 'button', {
		name: 'Reset to what the installer declares',
	} );
	await tabTo( page, reset );
	await page.keyboard.press( 'Enter' );
	await expect( heading( page, 'opencode' ) ).toBeFocused();
	await snackbar( page, 'OpenCode CLI saved.' );

	// Add a runtime from the keyboard: Enter in the form submits it.
	// The form opens from its button under the runtimes, the focus on its first field.
	await tabTo( page, exact( page, 'button', 'Add a custom runtime' ) );
	await page.keyboard.press( 'Enter' );
	const idInput = exact( page, 'textbox', 'Runtime ID' );
	await expect( idInput ).toBeFocused();
	await page.keyboard.type( 'my-agent' );
	await tabTo(
		page,
		page
			.getByRole( 'region', { name: 'Add a custom runtime' } )
			.getByRole( 'textbox', { name: 'Subkey 1', exact: true } )
	);
	await page.keyboard.type( 'session_id' );
	await page.keyboard.press( 'Tab' );
	await page.keyboard.type( 'MY_AGENT_SESSION_ID' );
	await page.keyboard.press( 'Enter' );
	await snackbar( page, 'my-agent added and published to DMC.' );
	await expect( runtimeCard( page, 'my-agent' ) ).toBeVisible();
	// The form starts over, the focus on its first input.
	await expect( idInput ).toBeFocused();
	await expect( idInput ).toHaveValue( '' );

	// Delete asks first, with the focus on "Keep it"; Escape keeps it.
	await tabTo( page, exact( page, 'button', 'Delete my-agent' ) );
	await page.keyboard.press( 'Enter' );
	await expect( exact( page, 'button', 'Keep it: my-agent' ) ).toBeFocused();
	await page.keyboard.press( 'Escape' );
	await expect( exact( page, 'button', 'Delete my-agent' ) ).toBeFocused();
	// Confirmed: the card goes, the focus to its neighbour's heading (the card after,
	// else the one before).
	await page.keyboard.press( 'Enter' );
	await page.keyboard.press( 'Shift+Tab' );
	await expect(
		exact( page, 'button', 'Confirm: Delete my-agent' )
	).toBeFocused();
	const cards = page.locator( '.wpca-runtime-list > .wpca-card' );
	const ids = await cards.evaluateAll( ( elements ) =>
		elements.map( ( element ) =>
			element.getAttribute( 'aria-label' )?.replace( 'Runtime ', '' )
		)
	);
	const at = ids.indexOf( 'my-agent' );
	const neighbour = ( ids[ at + 1 ] ?? ids[ at - 1 ] ) as string;
	await page.keyboard.press( 'Enter' );
	await expect( runtimeCard( page, 'my-agent' ) ).toHaveCount( 0 );
	await expect( heading( page, neighbour ) ).toBeFocused();
	await snackbar( page, 'my-agent deleted.' );

	// A preset's "Reset to default" keeps its card: the focus goes to its heading.
	await tabTo(
		page,
		exact( page, 'button', 'Reset to default: Kimaki bridge' )
	);
	await page.keyboard.press( 'Enter' );
	await expect(
		exact( page, 'button', 'Keep it: Kimaki bridge' )
	).toBeFocused();
	await page.keyboard.press( 'Shift+Tab' );
	await page.keyboard.press( 'Enter' );
	await expect( heading( page, 'kimaki' ) ).toBeFocused();
	await snackbar( page, 'Kimaki bridge is back to its preset defaults.' );
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'opencode',
	] );
} );

test( 'the focus stays where the person is when an earlier change is confirmed', async ( {
	page,
} ) => {
	await installerRegisters( 'opencode', {
		fields: { session_id: 'OPENCODE_SESSION_ID' },
	} );
	await installerRegisters( 'kimaki', {
		fields: { session_id: 'KIMAKI_SESSION_ID' },
	} );
	await openScreen( page );
	// The server's answer to the move is held while the person types elsewhere.
	let release = () => {};
	const released = new Promise< void >(
		( resolve ) => ( release = resolve )
	);
	let held = 0;
	await page.route(
		( url ) => url.href.includes( 'wp-coding-agents/v1/order' ),
		async ( route ) => {
			held += 1;
			await released;
			return route.continue();
		}
	);
	const down = exact( page, 'button', 'Move down: Kimaki' );
	await down.focus();
	await page.keyboard.press( 'Enter' );
	await expect( exact( page, 'button', 'Move up: Kimaki' ) ).toBeFocused();
	await expect.poll( () => held ).toBe( 1 );

	// The form opens from its button under the runtimes, the focus on its first field.
	await tabTo( page, exact( page, 'button', 'Add a custom runtime' ) );
	await page.keyboard.press( 'Enter' );
	const idInput = exact( page, 'textbox', 'Runtime ID' );
	await expect( idInput ).toBeFocused();
	await page.keyboard.type( 'my-ag' );
	release();
	await snackbar( page, 'Kimaki moved to position 2.' );
	await page.keyboard.type( 'ent' );
	await expect( idInput ).toBeFocused();
	await expect( idInput ).toHaveValue( 'my-agent' );
} );
