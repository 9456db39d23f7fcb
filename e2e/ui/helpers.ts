/**
 * Shared steps for the admin-screen specs: the screen's landmarks as a user
 * finds them (by role and accessible name), and direct reads of what WordPress
 * stored and publishes, so a test can tell the screen and the site agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type Locator,
	type Page,
	type Request,
} from '@playwright/test';
import { Admin, Editor, PageUtils } from '@wordpress/e2e-test-utils-playwright';
import { basicAuth, testSite, wpPhp, type Role } from '../support/site';
import { fillLoginForm } from '../support/login';

export const SCREEN_PATH = '/wp-admin/tools.php?page=wpca-runtimes';
export const SIGNATURES_OPTION = 'datamachine_code_worktree_runtime_signatures';
export const META_OPTION = 'wpca_runtime_meta';

export function screenUrl(): string {
	return testSite().url + SCREEN_PATH;
}

/** Nothing registered: the state of a fresh install. */
export function resetRegistry(): void {
	wpPhp(
		`delete_option( '${ SIGNATURES_OPTION }' ); delete_option( '${ META_OPTION }' );`
	);
}

/**
 * An installer's HTTP client: the admin's Application Password, none of the browser's
 * cookies (requests relative to the site's REST root).
 */
export function installerRequest(): Promise< APIRequestContext > {
	return playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
		baseURL: `${ testSite().restUrl }wp-coding-agents/v1/`,
		extraHTTPHeaders: { Authorization: basicAuth( 'admin' ) },
	} );
}

/**
 * An installer registers (PUT) a runtime, as `bin/runtime-signature register` does; expects 201.
 * @param id
 * @param body
 * @param body.fields
 * @param body.enabled
 */
export async function installerRegisters(
	id: string,
	body: { fields: Record< string, string >; enabled?: boolean }
): Promise< void > {
	const installer = await installerRequest();
	const installed = await installer.put( `runtimes/${ id }`, { data: body } );
	expect( installed.status(), await installed.text() ).toBe( 201 );
	await installer.dispose();
}

/** Where older installers wrote their mu-plugin, relative to the site's root. */
export const LEGACY_MU_PLUGIN =
	'wp-content/mu-plugins/wp-coding-agents-runtimes.php';

/**
 * Puts the file an older installer wrote in the site's mu-plugins folder: it adds
 * `legacy-agent` to DMC's filter on its own (line 3), an entry the screen offers to adopt.
 */
export function writeLegacyMuPlugin(): void {
	fs.writeFileSync(
		path.join( testSite().wpDir, LEGACY_MU_PLUGIN ),
		[
			'<?php',
			'// Written by an older installer of the legacy agent.',
			"add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {",
			"\t$signatures['legacy-agent'] = array( 'session_id' => 'LEGACY_SESSION_ID', 'run_id' => 'LEGACY_RUN_ID' );",
			'\treturn $signatures;',
			'} );',
			'',
		].join( '\n' )
	);
}

/** Deletes the older installer's mu-plugin, as the admin is told to (if it is there). */
export function removeLegacyMuPlugin(): void {
	fs.rmSync( path.join( testSite().wpDir, LEGACY_MU_PLUGIN ), {
		force: true,
	} );
}

/**
 * Stores the signatures damaged outside the plugin, as `wp option update` would:
 * kimaki with a subkey DMC rejects ("bad key"), and "broken" not a map at all.
 */
export function storeDamagedSignatures(): void {
	wpPhp(
		`update_option( '${ SIGNATURES_OPTION }', array( 'kimaki' => array( 'session_id' => 'KIMAKI_SESSION_ID', 'bad key' => 'X' ), 'broken' => 'not-a-map' ), false );`
	);
}

/** Both stored options, to compare before and after a rejected change. */
export function storedState(): string {
	return wpPhp(
		`echo wp_json_encode( array( get_option( '${ SIGNATURES_OPTION }', null ), get_option( '${ META_OPTION }', null ) ) );`
	).trim();
}

/** The filter's value as DMC receives it, as [id, fields] pairs in filter order. */
export function publishedSignatures(): Array<
	[ string, Record< string, string > ]
> {
	const json = wpPhp(
		`$out = array(); foreach ( (array) apply_filters( '${ SIGNATURES_OPTION }', array() ) as $id => $fields ) { $out[] = array( (string) $id, (object) $fields ); } echo wp_json_encode( $out );`
	).trim();
	return JSON.parse( json ) as Array< [ string, Record< string, string > ] >;
}

/**
 * Fills in wp-login.php, which must be the current page.
 * @param page
 * @param role
 */
export async function logIn( page: Page, role: Role ): Promise< void > {
	const user = testSite().users[ role ];
	await fillLoginForm( page, user.username, user.password );
}

/**
 * Opens Tools → Site Health, where the plugin's test is a direct one rendered with the
 * page. Core's asynchronous tests call wordpress.org, which the test site cannot reach:
 * they are cut short.
 * @param page
 * @return The page's HTTP status.
 */
export async function openSiteHealth( page: Page ): Promise< number > {
	await page.route(
		/wp-site-health\/v1|rest_route=%2Fwp-site-health/,
		( route ) => route.abort()
	);
	const response = await page.goto(
		`${ testSite().url }/wp-admin/site-health.php`
	);
	return response?.status() ?? 0;
}

/**
 * Opens the screen as admin with @wordpress/e2e-test-utils-playwright's
 * `admin.visitAdminPage` (which also fails on a PHP error in the page). The saved
 * admin session normally lets us straight in; when it does not belong to this site
 * (another run rewrote it), WordPress sends us to wp-login.php and we log in there.
 * @param page
 * @param query More of the URL's query, e.g. `view=records` (a link to a view).
 */
export async function openScreen( page: Page, query = '' ): Promise< void > {
	const admin = new Admin( {
		page,
		pageUtils: new PageUtils( { page } ),
		editor: new Editor( { page } ),
	} );
	const args =
		'' === query ? 'page=wpca-runtimes' : `page=wpca-runtimes&${ query }`;
	try {
		await admin.visitAdminPage( 'tools.php', args );
	} catch ( error ) {
		if ( ! /Not logged in/.test( String( error ) ) ) {
			throw error;
		}
		await logIn( page, 'admin' );
		await admin.visitAdminPage( 'tools.php', args );
	}
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Agent Runtimes' } )
	).toBeVisible();
	await expect( appView( page ) ).toBeVisible();
}

/**
 * The view the app shows (not the server's first paint, which it replaces).
 * @param page
 */
export function appView( page: Page ): Locator {
	return page.locator(
		'.wpca-screen:not(.wpca-first-paint) .wpca-view:not([hidden])'
	);
}

export const VIEW_TITLES = [
	'Runtimes',
	'Known runtimes',
	'What DMC sees',
	'Agent processes',
	'Recorded by DMC',
	'Attribution preview',
] as const;

export type ViewTitle = ( typeof VIEW_TITLES )[ number ];

export function viewTab( page: Page, title: ViewTitle ): Locator {
	return page
		.getByRole( 'navigation', { name: 'Agent Runtimes views' } )
		.getByRole( 'link', { name: title, exact: true } );
}

/**
 * Moves to a view with its tab, as an admin does; the view's heading takes the focus.
 * @param page
 * @param title The tab's (and the view heading's) text.
 */
export async function openView(
	page: Page,
	title: ViewTitle
): Promise< void > {
	await viewTab( page, title ).click();
	await expect(
		page.getByRole( 'heading', { level: 2, name: title, exact: true } )
	).toBeFocused();
}

export function runtimeCard( page: Page, id: string ): Locator {
	return page.getByRole( 'region', { name: `Runtime ${ id }`, exact: true } );
}

export function publishToggle( page: Page, id: string ): Locator {
	return runtimeCard( page, id ).getByRole( 'checkbox', {
		name: 'Published to DMC',
	} );
}

/**
 * A runtime's publish toggle by its accessible name, page-wide: the server's first paint
 * and the app name it alike.
 * @param page Page.
 * @param name Runtime name (label).
 */
export function publishToggleNamed( page: Page, name: string ): Locator {
	return page.getByRole( 'checkbox', {
		name: `Published to DMC: ${ name }`,
	} );
}

/**
 * Submits the first paint's form from a runtime's card and waits for its redirect back.
 * @param page Page.
 * @param id   Runtime id.
 */
export async function saveFirstPaintFrom(
	page: Page,
	id: string
): Promise< void > {
	await runtimeCard( page, id )
		.getByRole( 'button', { name: 'Save changes' } )
		.click();
	await page.waitForURL( /wpca-saved=1/ );
}

export function dmcPanel( page: Page ): Locator {
	return page.getByRole( 'region', { name: 'What DMC sees' } );
}

export function previewPanel( page: Page ): Locator {
	return page.getByRole( 'region', { name: 'Attribution preview' } );
}

export const OBSERVATIONS_OPTION = 'wpca_observations';

export function observedPanel( page: Page ): Locator {
	return page.getByRole( 'region', { name: 'Observed in agent processes' } );
}

export function lastVerificationPanel( page: Page ): Locator {
	return page.getByRole( 'region', {
		name: 'Last verification from an agent process',
	} );
}

/**
 * An input of a card's open editor by role and the name that says whose it is
 * ("Subkey 1: Kimaki"); the visible label stays "Subkey 1".
 * @param scope       The page or a part of it.
 * @param label       The input's visible label: "Label", "Subkey 2", ...
 * @param runtimeName The runtime's name as the screen gives it ("Kimaki").
 */
export function editorInput(
	scope: Page | Locator,
	label: string,
	runtimeName: string
): Locator {
	return scope.getByRole( 'textbox', {
		name: `${ label }: ${ runtimeName }`,
		exact: true,
	} );
}

/**
 * Types one subkey → env var row of a fields editor (rows count from 1): the add
 * form's, or with a runtime's name the open editor of that runtime's card.
 * @param form
 * @param row
 * @param subkey
 * @param env
 * @param runtimeName
 */
export async function fillFieldRow(
	form: Locator,
	row: number,
	subkey: string,
	env: string,
	runtimeName?: string
): Promise< void > {
	const input = ( label: string ) =>
		undefined === runtimeName
			? form.getByLabel( label, { exact: true } )
			: editorInput( form, label, runtimeName );
	await input( `Subkey ${ row }` ).fill( subkey );
	await input( `Environment variable ${ row }` ).fill( env );
}

/**
 * The add form, opened with its button under the runtimes when it is closed (the
 * focus then goes to its first field).
 * @param page
 */
export async function openAddForm( page: Page ): Promise< Locator > {
	const form = page.getByRole( 'region', { name: 'Add a custom runtime' } );
	if ( ! ( await form.isVisible() ) ) {
		await page
			.getByRole( 'button', {
				name: 'Add a custom runtime',
				exact: true,
			} )
			.click();
		await expect(
			form.getByLabel( 'Runtime ID', { exact: true } )
		).toBeFocused();
	}
	return form;
}

/**
 * Fills in the add form and submits it; returns the form to check the outcome.
 * @param page
 * @param runtime
 * @param runtime.id
 * @param runtime.label  Left untouched when not given.
 * @param runtime.fields Subkey → env var rows, typed from the first row on.
 */
export async function submitNewRuntime(
	page: Page,
	runtime: {
		id: string;
		label?: string;
		fields: Array< [ subkey: string, env: string ] >;
	}
): Promise< Locator > {
	const form = await openAddForm( page );
	await form.getByLabel( 'Runtime ID', { exact: true } ).fill( runtime.id );
	if ( undefined !== runtime.label ) {
		await form.getByLabel( 'Label', { exact: true } ).fill( runtime.label );
	}
	for ( const [ index, [ subkey, env ] ] of runtime.fields.entries() ) {
		await fillFieldRow( form, index + 1, subkey, env );
	}
	await form.getByRole( 'button', { name: 'Add runtime' } ).click();
	return form;
}

/**
 * Types these values into the preview's inputs (named by env var) and asks for
 * the preview; an empty value clears the input.
 * @param page
 * @param values
 */
export async function previewWith(
	page: Page,
	values: Record< string, string >
): Promise< void > {
	const preview = previewPanel( page );
	for ( const [ name, value ] of Object.entries( values ) ) {
		await preview.getByLabel( name, { exact: true } ).fill( value );
	}
	await preview
		.getByRole( 'button', { name: 'Preview attribution' } )
		.click();
}

/**
 * Runs a check in another view, reached with its tab, then goes back to the view the
 * admin was on with the browser's Back button (whose heading then has the focus again);
 * already in that view, it just runs the check.
 * @param page
 * @param title The view's tab.
 * @param check What to do there.
 */
export async function inView< T >(
	page: Page,
	title: ViewTitle,
	check: () => Promise< T >
): Promise< T > {
	if (
		'page' ===
		( await viewTab( page, title ).getAttribute( 'aria-current' ) )
	) {
		return check();
	}
	const from = (
		await page
			.getByRole( 'navigation', { name: 'Agent Runtimes views' } )
			.locator( '[aria-current="page"]' )
			.innerText()
	).trim();
	await openView( page, title );
	const result = await check();
	await page.goBack();
	await expect(
		page.getByRole( 'heading', { level: 2, name: from, exact: true } )
	).toBeFocused();
	return result;
}

/**
 * Runtime ids in the "What DMC sees" list, top to bottom (that view must be shown).
 * @param page
 */
export async function dmcOrder( page: Page ): Promise< string[] > {
	const list = dmcPanel( page ).getByRole( 'list', {
		name: 'Effective signatures',
	} );
	if ( 0 === ( await list.count() ) ) {
		return [];
	}
	return list.locator( ':scope > li > strong' ).allTextContents();
}

/**
 * Waits until "What DMC sees" lists exactly these runtimes in this order, looking in
 * that view (and coming back).
 * @param page
 * @param ids
 */
export async function expectDmcOrder(
	page: Page,
	ids: string[]
): Promise< void > {
	await inView( page, 'What DMC sees', () =>
		expect.poll( () => dmcOrder( page ) ).toEqual( ids )
	);
}

/**
 * The subkey → env var rows of a read-only fields table, in order.
 * @param table
 */
export async function tableRows( table: Locator ): Promise< string[][] > {
	const rows = table.locator( 'tbody tr' );
	const result: string[][] = [];
	for ( const row of await rows.all() ) {
		result.push(
			( await row.locator( 'td' ).allTextContents() ).map( ( text ) =>
				text.trim()
			)
		);
	}
	return result;
}

export function dmcSignature( page: Page, id: string ): Locator {
	return dmcPanel( page ).getByRole( 'table', {
		name: `Signature of ${ id }`,
	} );
}

export function cardFields( page: Page, id: string ): Locator {
	return runtimeCard( page, id ).getByRole( 'table', {
		name: `Fields of ${ id }`,
	} );
}

/**
 * Flips the publish toggle and waits for the server-confirmed state.
 * @param page
 * @param id
 * @param published
 */
export async function setPublished(
	page: Page,
	id: string,
	published: boolean
): Promise< void > {
	const toggle = publishToggle( page, id );
	// While its save runs the toggle stays enabled (and focusable) but busy, and
	// ignores clicks.
	const idle = () =>
		expect( toggle ).not.toHaveAttribute( 'aria-busy', 'true' );
	await idle();
	await expect( toggle ).toBeChecked( { checked: ! published } );
	// The toggle is controlled: it only flips once the server stored the change.
	await toggle.click();
	await expect( toggle ).toBeChecked( { checked: published } );
	await idle();
}

/**
 * axe-core's WCAG 2.1 A/AA violations in the plugin's own markup (wp-admin's
 * chrome is WordPress's), one line each naming the rule and the nodes.
 * @param page
 */
export async function axeViolations( page: Page ): Promise< string[] > {
	const results = await new AxeBuilder( { page } )
		.include( '#wpca-runtimes-root' )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	return results.violations.map(
		( v ) =>
			`${ v.id } (${ v.impact }): ${ v.help } — ${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) }`
	);
}

/**
 * Presses Tab, or Shift+Tab when `target` comes before the focus, until `target` has
 * the focus (at most 40 presses): how a keyboard-only admin reaches a control.
 * @param page
 * @param target
 */
export async function tabTo( page: Page, target: Locator ): Promise< void > {
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

/**
 * A control found by its exact accessible name.
 * @param page
 * @param role
 * @param name
 */
export const exact = (
	page: Page,
	role: 'button' | 'checkbox' | 'textbox',
	name: string
) => page.getByRole( role, { name, exact: true } );

/**
 * The method a REST request means: api-fetch sends PUT/PATCH/DELETE as POST with X-HTTP-Method-Override.
 * @param request
 */
export const methodOf = ( request: Request ) =>
	request.headers()[ 'x-http-method-override' ] ?? request.method();
