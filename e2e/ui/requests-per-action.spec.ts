/**
 * What one action costs: each control of a runtime card sends one write, and the
 * write's answer (or at most one read after it) brings everything on the screen the
 * write can change. Counted with page.on('request') from the click until the screen
 * confirmed the action (its snackbar) and the network is idle again.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import {
	exact,
	installerRegisters,
	methodOf,
	openScreen,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

const isRest = ( request: Request ) =>
	/\/wp-json\/|[?&]rest_route=/.test( request.url() );

/**
 * The REST requests `act` causes until `confirmed` holds and nothing is in flight.
 * @param page
 * @param act       The person's action.
 * @param confirmed What the screen shows once the server answered.
 */
async function requestsOf(
	page: Page,
	act: () => Promise< void >,
	confirmed: () => Promise< void >
): Promise< { writes: string[]; reads: string[] } > {
	const seen: Request[] = [];
	let inFlight = 0;
	const onRequest = ( request: Request ) => {
		if ( isRest( request ) ) {
			seen.push( request );
			inFlight += 1;
		}
	};
	const onDone = ( request: Request ) => {
		if ( isRest( request ) ) {
			inFlight -= 1;
		}
	};
	page.on( 'request', onRequest );
	page.on( 'requestfinished', onDone );
	page.on( 'requestfailed', onDone );
	await act();
	await confirmed();
	await expect.poll( () => inFlight ).toBe( 0 );
	// Anything the answer sets off starts within a few frames of it.
	await page.evaluate(
		() =>
			new Promise( ( resolve ) =>
				setTimeout( () => requestAnimationFrame( resolve ), 300 )
			)
	);
	await expect.poll( () => inFlight ).toBe( 0 );
	page.off( 'request', onRequest );
	page.off( 'requestfinished', onDone );
	page.off( 'requestfailed', onDone );
	const describe = ( request: Request ) =>
		`${ methodOf( request ) } ${ decodeURIComponent(
			new URL( request.url() ).pathname + new URL( request.url() ).search
		).replace( /^.*wp-coding-agents\/v1/, '' ) }`;
	const writes = seen.filter( ( request ) => 'GET' !== methodOf( request ) );
	const reads = seen.filter( ( request ) => 'GET' === methodOf( request ) );
	return { writes: writes.map( describe ), reads: reads.map( describe ) };
}

const snackbar = ( page: Page, text: string ) => () =>
	expect(
		page.locator( '.components-snackbar', { hasText: text } )
	).toBeVisible();

test( 'toggle, move, save, reset and delete each cost one write and at most one read', async ( {
	page,
} ) => {
	await installerRegisters( 'opencode', {
		fields: { session_id: 'OPENCODE_SESSION_ID' },
	} );
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	// Let the screen settle after the set-up's own change.
	await expect( page.locator( '.components-snackbar' ) ).toHaveCount( 1 );

	const costs: Record< string, { writes: string[]; reads: string[] } > = {};
	costs.toggle = await requestsOf(
		page,
		() => exact( page, 'checkbox', 'Published to DMC: Kimaki' ).click(),
		snackbar( page, 'Kimaki is no longer published to DMC.' )
	);
	await setPublished( page, 'kimaki', true );
	costs.move = await requestsOf(
		page,
		() => exact( page, 'button', 'Move down: Kimaki' ).click(),
		snackbar( page, 'Kimaki moved to position 2.' )
	);
	await exact( page, 'button', 'Edit OpenCode' ).click();
	await runtimeCard( page, 'opencode' )
		.getByRole( 'textbox', { name: 'Label: OpenCode', exact: true } )
		.fill( 'OpenCode CLI' );
	costs.save = await requestsOf(
		page,
		() => exact( page, 'button', 'Save: OpenCode' ).click(),
		snackbar( page, 'OpenCode saved.' )
	);
	costs.reset = await requestsOf(
		page,
		() =>
			runtimeCard( page, 'opencode' )
				.getByRole( 'button', {
					name: 'Reset to what the installer declares',
				} )
				.click(),
		snackbar( page, 'OpenCode CLI saved.' )
	);
	await exact( page, 'button', 'Reset to default: Kimaki' ).click();
	costs.delete = await requestsOf(
		page,
		() =>
			exact(
				page,
				'button',
				'Confirm: Reset to default: Kimaki'
			).click(),
		snackbar( page, 'Kimaki is back to its preset defaults.' )
	);

	// eslint-disable-next-line no-console
	console.log( 'requests per action', JSON.stringify( costs, null, 1 ) );
	test.info().annotations.push( {
		type: 'requests per action',
		description: JSON.stringify( costs ),
	} );
	for ( const [ action, cost ] of Object.entries( costs ) ) {
		expect.soft( cost.writes, `${ action }: writes` ).toHaveLength( 1 );
		expect
			.soft(
				cost.reads.length,
				`${ action }: reads ${ JSON.stringify( cost.reads ) }`
			)
			.toBeLessThanOrEqual( 1 );
	}
} );
