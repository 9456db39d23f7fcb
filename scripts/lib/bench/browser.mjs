/**
 * Bench: how long, from the start of navigation, until a screen can be used, in a real
 * browser (Debian's Chromium): the Agent Runtimes screen's first enabled toggle against
 * the submit button of core's Settings → General form, pages alternating.
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
};

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
