/**
 * A keyboard-only admin walks every action of the runtime cards and the add form
 * with Tab, Enter, Space and Escape, and after each the focus is where the action
 * leaves them: on the control they used, on the editor's first input after Edit, back
 * on Edit after Save or Cancel, on "Keep it" when a removal asks for confirmation and
 * back on the button after Escape, on a neighbour's heading after a delete, on the
 * card's heading after a reset. The focus never moves because the server answered.
 * On "What DMC sees" they adopt another plugin's entry and repair damaged stored
 * signatures, and the focus goes where the button that went away was, never to the
 * page's body.
 */
import { expect, test, type Page } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	exact,
	installerRegisters,
	openScreen,
	publishedSignatures,
	removeLegacyMuPlugin,
	resetRegistry,
	runtimeCard,
	SIGNATURES_OPTION,
	storeDamagedSignatures,
	tabTo,
	viewTab,
	writeLegacyMuPlugin,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => {
	removeLegacyMuPlugin();
	resetRegistry();
} );

const snackbar = ( page: Page, text: string ) =>
	expect(
		page.locator( '.components-snackbar', { hasText: text } )
	).toBeVisible();

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

const viewHeading = ( page: Page, name: string ) =>
	page.getByRole( 'heading', { level: 2, name, exact: true } );

const storedSignatures = () =>
	JSON.parse(
		wpPhp(
			`echo wp_json_encode( get_option( '${ SIGNATURES_OPTION }' ) );`
		)
	);

test( "a keyboard-only admin adopts another plugin's entry, the focus on its heading", async ( {
	page,
} ) => {
	writeLegacyMuPlugin();
	await openScreen( page );
	// The starting point; from here on only keys.
	await viewTab( page, 'Runtimes' ).focus();

	// To the view with Tab and Enter: the focus on its heading.
	await tabTo( page, viewTab( page, 'What DMC sees' ) );
	await page.keyboard.press( 'Enter' );
	await expect( viewHeading( page, 'What DMC sees' ) ).toBeFocused();

	// Adopt with Space: the button goes, the focus to the entry's heading, which the
	// notice saying what happened and what to do next follows.
	const panel = page.getByRole( 'region', {
		name: 'Entries other code adds',
	} );
	const adopt = panel.getByRole( 'button', { name: 'Adopt legacy-agent' } );
	await tabTo( page, adopt );
	await page.keyboard.press( 'Space' );
	await expect( panel ).toContainText(
		'Adopted: legacy-agent is stored in this registry'
	);
	await expect( adopt ).toHaveCount( 0 );
	await expect(
		panel.getByRole( 'heading', { level: 3, name: 'legacy-agent' } )
	).toBeFocused();
	expect( storedSignatures() ).toMatchObject( {
		'legacy-agent': {
			session_id: 'LEGACY_SESSION_ID',
			run_id: 'LEGACY_RUN_ID',
		},
	} );

	// The adopted runtime is a card like the others, reached and edited from the keyboard.
	await tabTo( page, viewTab( page, 'Runtimes' ) );
	await page.keyboard.press( 'Enter' );
	await expect( viewHeading( page, 'Runtimes' ) ).toBeFocused();
	const edit = exact( page, 'button', 'Edit legacy-agent' );
	await tabTo( page, edit );
	await page.keyboard.press( 'Enter' );
	await expect(
		exact( page, 'textbox', 'Label: legacy-agent' )
	).toBeFocused();
	await page.keyboard.press( 'Escape' );
	await expect( edit ).toBeFocused();
} );

test( "a keyboard-only admin repairs damaged stored signatures, the focus on the view's heading", async ( {
	page,
} ) => {
	storeDamagedSignatures();
	await openScreen( page );
	// The starting point; from here on only keys.
	await viewTab( page, 'Runtimes' ).focus();
	await tabTo( page, viewTab( page, 'What DMC sees' ) );
	await page.keyboard.press( 'Enter' );
	await expect( viewHeading( page, 'What DMC sees' ) ).toBeFocused();

	// Repair with Enter: the problems and the button go, the focus to the view's
	// heading, from where Tab walks what DMC now sees.
	const problems = page.getByRole( 'list', { name: 'Problems' } );
	await expect( problems.getByRole( 'listitem' ) ).toHaveCount( 2 );
	const repair = exact( page, 'button', 'Repair: keep only valid entries' );
	await tabTo( page, repair );
	await page.keyboard.press( 'Enter' );
	await snackbar(
		page,
		'Invalid stored entries removed; the valid ones are kept.'
	);
	await expect( problems ).toHaveCount( 0 );
	await expect( repair ).toHaveCount( 0 );
	await expect( viewHeading( page, 'What DMC sees' ) ).toBeFocused();
	expect( storedSignatures() ).toEqual( {
		kimaki: { session_id: 'KIMAKI_SESSION_ID' },
	} );
} );
