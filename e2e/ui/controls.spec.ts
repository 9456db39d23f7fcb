/**
 * The screen as a screen-reader or voice-control user meets it: every control of
 * every runtime card is found page-wide by its role and a name that says which
 * runtime it acts on; focus stays with the move buttons while a card moves;
 * success is confirmed in a snackbar and spoken, errors in a notice and spoken,
 * and nothing on the page moves when a snackbar appears. At 360 px nothing is
 * wider than the window, even with the longest id and variable name the API takes.
 */
import { expect, test } from '@playwright/test';
import {
	editorInput,
	exact,
	openScreen,
	resetRegistry,
	runtimeCard,
	setPublished,
	submitNewRuntime,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

test( 'every control of every card is named after its runtime', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await submitNewRuntime( page, {
		id: 'my-agent',
		label: 'My Agent',
		fields: [ [ 'session_id', 'MY_AGENT_SESSION_ID' ] ],
	} );
	await expect( runtimeCard( page, 'my-agent' ) ).toBeVisible();

	// Registered kimaki (a preset), registered my-agent, unregistered opencode preset.
	const cards: Array< { name: string; controls: string[] } > = [
		{
			name: 'Kimaki',
			controls: [
				'Edit Kimaki',
				'Move up: Kimaki',
				'Move down: Kimaki',
				'Reset to default: Kimaki',
			],
		},
		{
			name: 'My Agent',
			controls: [
				'Edit My Agent',
				'Move up: My Agent',
				'Move down: My Agent',
				'Delete My Agent',
			],
		},
		{ name: 'OpenCode', controls: [ 'Edit OpenCode' ] },
	];
	for ( const card of cards ) {
		await expect(
			exact( page, 'checkbox', `Published to DMC: ${ card.name }` )
		).toHaveCount( 1 );
		for ( const control of card.controls ) {
			await expect( exact( page, 'button', control ) ).toHaveCount( 1 );
		}
	}
	// The visible text stays short.
	await expect( exact( page, 'button', 'Edit Kimaki' ) ).toHaveText( 'Edit' );

	await exact( page, 'button', 'Edit Kimaki' ).click();
	await expect( exact( page, 'button', 'Save: Kimaki' ) ).toHaveCount( 1 );
	await exact( page, 'button', 'Cancel: Kimaki' ).click();

	await exact( page, 'button', 'Delete My Agent' ).click();
	await expect(
		exact( page, 'button', 'Confirm: Delete My Agent' )
	).toHaveCount( 1 );
	await exact( page, 'button', 'Keep it: My Agent' ).click();
	await expect( exact( page, 'button', 'Delete My Agent' ) ).toBeVisible();
} );

test( 'focus stays on the move buttons while a runtime moves', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );

	const down = exact( page, 'button', 'Move down: Kimaki' );
	await down.focus();
	await page.keyboard.press( 'Enter' );
	await expect(
		runtimeCard( page, 'kimaki' ).getByRole( 'heading' )
	).toContainText( '2.' );
	// Last now: it cannot go further down, so focus moves to "Move up" of the same card.
	await expect( exact( page, 'button', 'Move up: Kimaki' ) ).toBeFocused();

	await page.keyboard.press( 'Enter' );
	await expect(
		runtimeCard( page, 'kimaki' ).getByRole( 'heading' )
	).toContainText( '1.' );
	await expect( exact( page, 'button', 'Move down: Kimaki' ) ).toBeFocused();
} );

test( 'success shows a snackbar that is also spoken, without moving the page; errors are spoken too', async ( {
	page,
} ) => {
	await openScreen( page );
	const list = page.locator( '.wpca-runtime-list' );
	// Where the list is: a snackbar pushing it would move it. (Its height follows the
	// cards, side by side now, which change with what the toggle says.)
	const place = async () => {
		const box = await list.boundingBox();
		return box && { x: box.x, y: box.y, width: box.width };
	};
	const before = await place();

	await exact( page, 'checkbox', 'Published to DMC: Kimaki' ).click();
	const snackbar = page.locator( '.components-snackbar' );
	await expect( snackbar ).toHaveText( 'Kimaki is published to DMC.' );
	await expect( page.locator( '#a11y-speak-polite' ) ).toContainText(
		'Kimaki is published to DMC.'
	);
	expect( await place() ).toEqual( before );

	await exact( page, 'button', 'Move down: Kimaki' ).isDisabled();
	await exact( page, 'button', 'Edit Kimaki' ).click();
	const kimaki = runtimeCard( page, 'kimaki' );
	await editorInput( kimaki, 'Environment variable 1', 'Kimaki' ).fill(
		'1BAD'
	);
	await exact( page, 'button', 'Save: Kimaki' ).click();
	const error = kimaki.locator( '.components-notice.is-error' );
	await expect( error ).toContainText( '1 problem to fix before saving' );
	await expect( page.locator( '#a11y-speak-assertive' ) ).toContainText(
		'1 problem to fix before saving'
	);
} );

test( 'at 360 px nothing is wider than the window, with a 64-character id and a 128-character variable', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 360, height: 800 } );
	await openScreen( page );
	// Registered: its card shows every action (edit, move up and down, reset).
	await setPublished( page, 'kimaki', true );
	const id = `a${ '-b'.repeat( 31 ) }c`.slice( 0, 64 );
	const variable = `V${ '_'.repeat( 126 ) }X`;
	expect( id ).toHaveLength( 64 );
	expect( variable ).toHaveLength( 128 );
	await submitNewRuntime( page, {
		id,
		fields: [ [ 'session_id', variable ] ],
	} );
	await expect( runtimeCard( page, id ) ).toBeVisible();
	await exact( page, 'button', `Edit ${ id }` ).click();

	const widths = await page.evaluate( () => ( {
		page: document.documentElement.scrollWidth,
		window: window.innerWidth,
	} ) );
	expect( widths.page ).toBeLessThanOrEqual( widths.window );
	// Every control of every card is inside its card.
	for ( const runtime of [ 'kimaki', 'opencode', id ] ) {
		const card = ( await runtimeCard( page, runtime ).boundingBox() )!;
		const controls = runtimeCard( page, runtime ).locator(
			'button, input, table'
		);
		await expect( controls.first() ).toBeVisible();
		for ( const control of await controls.all() ) {
			const box = ( await control.boundingBox() )!;
			expect(
				box.x + box.width,
				`${ runtime }: ${ await control.evaluate( ( e ) =>
					e.outerHTML.slice( 0, 80 )
				) }`
			).toBeLessThanOrEqual( card.x + card.width );
		}
	}
} );

test( "with two editors open, every input and row button is found by role and its runtime's name", async ( {
	page,
} ) => {
	await openScreen( page );
	await exact( page, 'button', 'Edit Kimaki' ).click();
	await exact( page, 'button', 'Edit OpenCode' ).click();

	const editors = {
		Kimaki: {
			label: 'Kimaki',
			fields: [
				[ 'session_id', 'KIMAKI_SESSION_ID' ],
				[ 'thread_id', 'KIMAKI_THREAD_ID' ],
				[ 'thread_url', 'KIMAKI_THREAD_URL' ],
			],
		},
		OpenCode: {
			label: 'OpenCode',
			fields: [
				[ 'session_id', 'OPENCODE_SESSION_ID' ],
				[ 'run_id', 'OPENCODE_RUN_ID' ],
			],
		},
	};
	for ( const [ name, editor ] of Object.entries( editors ) ) {
		// Page-wide: one input per name, holding this runtime's values.
		await expect( editorInput( page, 'Label', name ) ).toHaveValue(
			editor.label
		);
		for ( const [ index, [ subkey, env ] ] of editor.fields.entries() ) {
			await expect(
				editorInput( page, `Subkey ${ index + 1 }`, name )
			).toHaveValue( subkey );
			await expect(
				editorInput( page, `Environment variable ${ index + 1 }`, name )
			).toHaveValue( env );
			await expect(
				exact( page, 'button', `Remove row ${ index + 1 }: ${ name }` )
			).toHaveCount( 1 );
		}
		await expect(
			exact(
				page,
				'button',
				`Remove row ${ editor.fields.length + 1 }: ${ name }`
			)
		).toHaveCount( 0 );
		await expect(
			exact( page, 'button', `Add field: ${ name }` )
		).toHaveCount( 1 );
	}
	// The visible labels stay short.
	await expect(
		runtimeCard( page, 'kimaki' ).locator( 'label', {
			hasText: /^Subkey 1$/,
		} )
	).toHaveCount( 1 );
	await expect( exact( page, 'button', 'Add field: Kimaki' ) ).toHaveText(
		'Add field'
	);
	await expect( exact( page, 'button', 'Remove row 1: Kimaki' ) ).toHaveText(
		'Remove'
	);
	// Adding and removing rows acts on the named editor only.
	await exact( page, 'button', 'Add field: OpenCode' ).click();
	await expect( editorInput( page, 'Subkey 3', 'OpenCode' ) ).toHaveValue(
		''
	);
	await expect( exact( page, 'button', 'Remove row 4: Kimaki' ) ).toHaveCount(
		0
	);
	await exact( page, 'button', 'Remove row 3: OpenCode' ).click();
	await expect( editorInput( page, 'Subkey 3', 'OpenCode' ) ).toHaveCount(
		0
	);
	await expect( editorInput( page, 'Subkey 3', 'Kimaki' ) ).toHaveValue(
		'thread_url'
	);
	await exact( page, 'button', 'Remove row 3: Kimaki' ).click();
	await expect( editorInput( page, 'Subkey 3', 'Kimaki' ) ).toHaveCount( 0 );
	await expect( editorInput( page, 'Subkey 2', 'OpenCode' ) ).toHaveValue(
		'run_id'
	);
	// Typing into one editor's input leaves the other's alone.
	await editorInput( page, 'Environment variable 2', 'OpenCode' ).fill(
		'OPENCODE_RUN'
	);
	await expect(
		editorInput( page, 'Environment variable 2', 'Kimaki' )
	).toHaveValue( 'KIMAKI_THREAD_ID' );
	await exact( page, 'button', 'Save: OpenCode' ).click();
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'OPENCODE_RUN'
	);
	await expect(
		editorInput( page, 'Environment variable 2', 'Kimaki' )
	).toHaveValue( 'KIMAKI_THREAD_ID' );
} );
