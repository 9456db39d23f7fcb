/**
 * Validation in plain words: the browser checks a runtime form with the server's own
 * patterns and limits before sending, marks each input with a problem (aria-invalid,
 * the message as its description) and lists the problems in a summary that takes the
 * focus; an invalid value never leaves the browser. What the server refuses anyway is
 * worded the same way. No pattern or request field path is ever shown.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	openAddForm,
	editorInput,
	openScreen,
	resetRegistry,
	runtimeCard,
	storedState,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

const INTERNALS = /\^\[|fields\[|does not match|pattern|window_days/;

/**
 * Counts the writes (anything but GET) the page sends to the plugin's runtime routes.
 * @param page
 */
async function countWrites( page: Page ) {
	const writes: string[] = [];
	await page.route(
		( url ) => url.href.includes( 'wp-coding-agents/v1/runtimes' ),
		( route ) => {
			if ( 'GET' !== route.request().method() ) {
				writes.push( route.request().url() );
			}
			return route.continue();
		}
	);
	return writes;
}

/**
 * The text an input is described by (its help: hint or problem).
 * @param input
 */
async function descriptionOf( input: Locator ): Promise< string > {
	return input.evaluate( ( element ) =>
		( element.getAttribute( 'aria-describedby' ) ?? '' )
			.split( ' ' )
			.map( ( id ) => document.getElementById( id )?.textContent ?? '' )
			.join( ' ' )
	);
}

test( 'an invalid variable name is marked where it is typed and never leaves the browser', async ( {
	page,
} ) => {
	await openScreen( page );
	const writes = await countWrites( page );
	const before = storedState();
	const kimaki = runtimeCard( page, 'kimaki' );
	await kimaki.getByRole( 'button', { name: 'Edit' } ).click();
	const env = editorInput( kimaki, 'Environment variable 2', 'Kimaki' );
	await env.fill( 'KIMAKI THREAD' );
	// Advice while typing; the input is marked invalid once the person leaves it.
	expect( await descriptionOf( env ) ).toContain( 'A name has no spaces' );
	await expect( env ).not.toHaveAttribute( 'aria-invalid', 'true' );
	await page.keyboard.press( 'Tab' );
	await expect( env ).toHaveAttribute( 'aria-invalid', 'true' );
	expect( await descriptionOf( env ) ).toContain( 'A name has no spaces' );

	await editorInput( kimaki, 'Environment variable 1', 'Kimaki' ).fill(
		'1BAD'
	);
	await kimaki.getByRole( 'button', { name: 'Save' } ).click();
	const summary = kimaki.getByRole( 'group', {
		name: '2 problems to fix before saving:',
	} );
	await expect( summary ).toBeFocused();
	await expect( summary ).toContainText(
		'Environment variable 1: Use letters, digits and underscores, not starting with a digit'
	);
	await expect( summary ).toContainText(
		'Environment variable 2: A name has no spaces'
	);
	await expect( page.locator( '#a11y-speak-assertive' ) ).toContainText(
		'2 problems to fix before saving'
	);
	// Each problem links to its input.
	await summary
		.getByRole( 'link', { name: 'Environment variable 1' } )
		.click();
	await expect(
		editorInput( kimaki, 'Environment variable 1', 'Kimaki' )
	).toBeFocused();
	await expect(
		editorInput( kimaki, 'Environment variable 1', 'Kimaki' )
	).toHaveAttribute( 'aria-invalid', 'true' );

	// Fixing a value clears its mark and its line in the summary at once.
	await editorInput( kimaki, 'Environment variable 1', 'Kimaki' ).fill(
		'KIMAKI_SESSION'
	);
	await expect(
		editorInput( kimaki, 'Environment variable 1', 'Kimaki' )
	).not.toHaveAttribute( 'aria-invalid', 'true' );
	await expect(
		kimaki.getByRole( 'group', { name: '1 problem to fix before saving:' } )
	).toBeVisible();

	expect( writes, 'requests sent' ).toEqual( [] );
	expect( storedState() ).toBe( before );
	await kimaki.screenshot( {
		path: test.info().outputPath( 'invalid-editor.png' ),
	} );
	await expect( page.locator( '#wpca-runtimes-root' ) ).not.toContainText(
		INTERNALS
	);
} );

test( 'the add form refuses a bad id, a repeated subkey and an id already listed without sending', async ( {
	page,
} ) => {
	await openScreen( page );
	const writes = await countWrites( page );
	const form = await openAddForm( page );
	const id = form.getByLabel( 'Runtime ID', { exact: true } );
	await id.fill( 'My_Agent' );
	await form.getByLabel( 'Subkey 1', { exact: true } ).fill( 'session_id' );
	await form
		.getByLabel( 'Environment variable 1', { exact: true } )
		.fill( 'MY_SESSION' );
	await form.getByRole( 'button', { name: 'Add field' } ).click();
	await form.getByLabel( 'Subkey 2', { exact: true } ).fill( 'session_id' );
	await form
		.getByLabel( 'Environment variable 2', { exact: true } )
		.fill( 'MY_OTHER' );
	await form.getByRole( 'button', { name: 'Add runtime' } ).click();

	const summary = form.getByRole( 'group', {
		name: '2 problems to fix before saving:',
	} );
	await expect( summary ).toBeFocused();
	await expect( summary ).toContainText(
		'Runtime ID: Use lowercase letters and digits, starting with a letter; join words with single hyphens'
	);
	await expect( summary ).toContainText(
		'Subkey 2: Row 1 already uses this subkey'
	);
	await expect( id ).toHaveAttribute( 'aria-invalid', 'true' );

	await id.fill( 'kimaki' );
	await form.getByLabel( 'Subkey 2', { exact: true } ).fill( 'run_id' );
	await form.getByRole( 'button', { name: 'Add runtime' } ).click();
	await expect(
		form.getByRole( 'group', { name: '1 problem to fix before saving:' } )
	).toContainText( 'Runtime ID: This ID is already in the list' );

	expect( writes, 'requests sent' ).toEqual( [] );
	await expect( page.locator( '#wpca-runtimes-root' ) ).not.toContainText(
		INTERNALS
	);
} );

test( 'what the server refuses anyway is shown at the input, in the same plain words', async ( {
	page,
} ) => {
	await openScreen( page );
	const before = storedState();
	// A value the browser accepts, replaced in flight by one the server refuses: the
	// answer is the server's real 400, worded with a pattern and a field path.
	let refused = '';
	await page.route(
		( url ) => url.href.includes( 'wp-coding-agents/v1/runtimes/kimaki' ),
		async ( route ) => {
			if ( 'GET' === route.request().method() ) {
				return route.continue();
			}
			const body = route.request().postDataJSON();
			body.fields.session_id = '1BAD';
			const response = await route.fetch( {
				postData: JSON.stringify( body ),
			} );
			refused = await response.text();
			return route.fulfill( { response } );
		}
	);
	const kimaki = runtimeCard( page, 'kimaki' );
	await kimaki.getByRole( 'button', { name: 'Edit' } ).click();
	await editorInput( kimaki, 'Label', 'Kimaki' ).fill( 'Kimaki bridge' );
	await kimaki.getByRole( 'button', { name: 'Save' } ).click();

	const summary = kimaki.getByRole( 'group', {
		name: '1 problem to fix before saving:',
	} );
	await expect( summary ).toBeFocused();
	expect( refused ).toMatch( /fields\[session_id\] does not match pattern/ );
	await expect( summary ).toContainText(
		'Environment variable 1: This variable name was not accepted'
	);
	await expect(
		editorInput( kimaki, 'Environment variable 1', 'Kimaki' )
	).toHaveAttribute( 'aria-invalid', 'true' );
	// Said once, at the form: no second notice on the card.
	await expect( kimaki.locator( '.components-notice.is-error' ) ).toHaveCount(
		1
	);
	await expect( page.locator( '#wpca-runtimes-root' ) ).not.toContainText(
		INTERNALS
	);
	expect( storedState() ).toBe( before );
} );
