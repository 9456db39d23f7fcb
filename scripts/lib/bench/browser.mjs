/**
 * Bench, in a real browser (Debian's Chromium), pages alternating:
 * - how long, from the start of navigation, until a screen can be used: the Agent
 *   Runtimes screen's first enabled toggle against the submit button of core's
 *   Settings → General form (measureScreens);
 * - how long an action takes (measureActions): from a click on the screen's first
 *   publish toggle until its new state is painted (click to visible) and until the
 *   server's answer is applied (click to confirmed: the toggle is no longer busy), against
 *   a save of Settings → General, from the click on its submit button until the
 *   reloaded page paints "Settings saved." (core shows nothing new before the server
 *   answered, so both are the same for it).
 *
 * The screen's first toggle is server HTML (php/admin/class-screen-first-paint.php) in a real
 * form: a click on it before the app has loaded is saved by the form or applied by the
 * app when it takes over (e2e/ui/first-paint.spec.ts), so it counts as usable. For both
 * pages "usable" means the element is there, enabled, laid out and rendered.
 */
import { chromium } from '@playwright/test';

const PAGES = {
	screen: {
		path: '/wp-admin/tools.php?page=wpca-runtimes',
		usable: '#wpca-runtimes-root input[type="checkbox"]:not(:disabled)',
	},
	general: {
		path: '/wp-admin/options-general.php',
		usable: 'form input#submit:not(:disabled)',
	},
	// Core's answer to a save of Settings → General.
	saved: {
		usable: '#setting-error-settings_updated',
	},
};

// The app's first publish toggle (not the first paint's, which the app replaces).
const APP_TOGGLE =
	'#wpca-runtimes-root .wpca-card:not(.wpca-first-paint__card) input[type="checkbox"]';

/**
 * Runs in every page before its own scripts: notes, in ms since navigation start, the
 * first frame in which each page's usable element is shown.
 * @param {Record<string, string>} selectors Usable selector by page name.
 */
function recordUsable( selectors ) {
	const found = {};
	window.__wpcaUsable = found;
	// Laid out and rendered (a toggle's checkbox is transparent by design, over its track).
	const shown = ( element ) => {
		const box = element.getBoundingClientRect();
		return (
			box.width > 0 &&
			box.height > 0 &&
			element.checkVisibility( { visibilityProperty: true } )
		);
	};
	// Usable once painted: the first frame that shows it.
	const inFrame = ( name, selector ) =>
		window.requestAnimationFrame( () => {
			const element = document.querySelector( selector );
			if ( element && shown( element ) ) {
				found[ name ] = performance.now();
			} else {
				inFrame( name, selector );
			}
		} );
	const check = () => {
		for ( const [ name, selector ] of Object.entries( selectors ) ) {
			if ( ! ( name in found ) && document.querySelector( selector ) ) {
				found[ name ] = -1;
				inFrame( name, selector );
			}
		}
	};
	new window.MutationObserver( check ).observe( document, {
		childList: true,
		subtree: true,
		attributes: true,
	} );
}

/**
 * A browser with the recorder in every page, logged in.
 * @param {string} baseUrl  Site URL.
 * @param {string} username Login.
 * @param {string} password Password.
 * @return {Promise<{browser: Object, page: Object}>} The browser (to close) and its page.
 */
async function loggedIn( baseUrl, username, password ) {
	const browser = await chromium.launch( {
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	} );
	try {
		const context = await browser.newContext();
		await context.addInitScript(
			recordUsable,
			Object.fromEntries(
				Object.entries( PAGES ).map( ( [ name, p ] ) => [
					name,
					p.usable,
				] )
			)
		);
		const page = await context.newPage();
		page.setDefaultTimeout( 120_000 );
		await page.goto( `${ baseUrl }/wp-login.php` );
		await page.locator( '#user_login' ).fill( username );
		await page.locator( '#user_pass' ).fill( password );
		await Promise.all( [
			page.waitForURL( /\/wp-admin\// ),
			page.locator( '#wp-submit' ).click(),
		] );
		return { browser, page };
	} catch ( error ) {
		await browser.close();
		throw error;
	}
}

/**
 * Logs in, then measures both pages `rounds` times, alternating which goes first.
 * @param {string} baseUrl          Site URL.
 * @param {Object} options
 * @param {number} options.rounds   Measured rounds (after one warm-up each).
 * @param {string} options.username Login.
 * @param {string} options.password Password.
 * @return {Promise<{screen: number[], general: number[]}>} ms per round.
 */
export async function measureScreens(
	baseUrl,
	{ rounds, username = 'admin', password = 'password' }
) {
	const { browser, page } = await loggedIn( baseUrl, username, password );
	try {
		const usableAfter = async ( name ) => {
			await page.goto( `${ baseUrl }${ PAGES[ name ].path }`, {
				waitUntil: 'commit',
			} );
			const handle = await page.waitForFunction(
				( key ) =>
					window.__wpcaUsable?.[ key ] > 0 &&
					window.__wpcaUsable[ key ],
				name
			);
			return handle.jsonValue();
		};
		const times = { screen: [], general: [] };
		await usableAfter( 'screen' );
		await usableAfter( 'general' );
		for ( let round = 0; round < rounds; round++ ) {
			const order =
				round % 2 ? [ 'general', 'screen' ] : [ 'screen', 'general' ];
			for ( const name of order ) {
				times[ name ].push( await usableAfter( name ) );
			}
		}
		return times;
	} finally {
		await browser.close();
	}
}

/**
 * In the screen's page: clicks the app's first publish toggle and resolves with the ms
 * from the click until the frame that paints its new state (visible) and until the
 * server's answer is applied (confirmed: no longer aria-busy), checked every frame.
 * @param {string} selector The toggle.
 * @return {Promise<{visible: number, confirmed: number}>} ms.
 */
function clickToggle( selector ) {
	return new Promise( ( resolve ) => {
		const toggle = () => document.querySelector( selector );
		const before = toggle().checked;
		let visible = null;
		const start = performance.now();
		const frame = () => {
			const now = performance.now() - start;
			const current = toggle();
			if ( null === visible && current.checked !== before ) {
				visible = now;
			}
			if (
				null !== visible &&
				'true' !== current.getAttribute( 'aria-busy' )
			) {
				resolve( { visible, confirmed: now } );
				return;
			}
			window.requestAnimationFrame( frame );
		};
		toggle().click();
		window.requestAnimationFrame( frame );
	} );
}

/**
 * Logs in, then measures a toggle of the screen and a save of Settings → General
 * `rounds` times each, alternating which goes first.
 * @param {string} baseUrl          Site URL.
 * @param {Object} options
 * @param {number} options.rounds   Measured rounds (after one warm-up each).
 * @param {string} options.username Login.
 * @param {string} options.password Password.
 * @return {Promise<{visible: number[], confirmed: number[], general: number[]}>} ms per round.
 */
export async function measureActions(
	baseUrl,
	{ rounds, username = 'admin', password = 'password' }
) {
	const { browser, page } = await loggedIn( baseUrl, username, password );
	try {
		const toggle = async () => {
			// Idle first: nothing of an earlier round still on its way.
			await page.waitForFunction(
				( selector ) =>
					'true' !==
					document
						.querySelector( selector )
						?.getAttribute( 'aria-busy' ),
				APP_TOGGLE
			);
			return page.evaluate( clickToggle, APP_TOGGLE );
		};
		let saves = 0;
		const save = async () => {
			await page.goto( `${ baseUrl }${ PAGES.general.path }` );
			await page
				.locator( '#blogdescription' )
				.fill( `Bench ${ ++saves }` );
			// Absolute times: the click is in one document, the answer in the next.
			const clicked = await page.evaluate( () => {
				const at = performance.timeOrigin + performance.now();
				document.querySelector( '#submit' ).click();
				return at;
			} );
			const shown = await page.waitForFunction(
				() =>
					window.__wpcaUsable?.saved > 0 &&
					performance.timeOrigin + window.__wpcaUsable.saved
			);
			return ( await shown.jsonValue() ) - clicked;
		};
		const times = { visible: [], confirmed: [], general: [] };
		const screenRound = async () => {
			await page.goto( `${ baseUrl }${ PAGES.screen.path }` );
			await page.locator( APP_TOGGLE ).first().waitFor();
			return toggle();
		};
		await screenRound();
		await save();
		for ( let round = 0; round < rounds; round++ ) {
			const order =
				round % 2 ? [ save, screenRound ] : [ screenRound, save ];
			for ( const step of order ) {
				const result = await step();
				if ( step === save ) {
					times.general.push( result );
				} else {
					times.visible.push( result.visible );
					times.confirmed.push( result.confirmed );
				}
			}
		}
		return times;
	} finally {
		await browser.close();
	}
}
