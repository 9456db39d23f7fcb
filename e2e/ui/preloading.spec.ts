/**
 * The screen's first data comes inside the page (REST preloading, as the block
 * editor does): between navigation and the first usable toggle the browser makes
 * no request to the plugin's REST API, and the data shown is what the server holds at that moment.
 * After a change, what the screen shows comes from the server again: embedded in the
 * write's own answer, not from the preload (a preloaded answer serves once).
 */
import { expect, test, type Request } from '@playwright/test';
import {
	openScreen,
	publishToggle,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';
import { wpPhp } from '../support/site';

// The screen's own routes (core's admin scripts, such as the command palette, make
// requests of their own on every admin page).
const isOurRest = ( request: Request ) =>
	/wp-coding-agents(\/|%2F)v1/.test( request.url() );

test.beforeEach( () => {
	resetRegistry();
} );

test( 'no REST round trip stands between loading the screen and using it', async ( {
	page,
} ) => {
	wpPhp(
		`update_option( 'datamachine_code_worktree_runtime_signatures', array( 'opencode' => array( 'run_id' => 'OPENCODE_RUN_ID' ) ), false );`
	);
	const restRequests: string[] = [];
	page.on( 'request', ( request ) => {
		if ( isOurRest( request ) ) {
			restRequests.push( `${ request.method() } ${ request.url() }` );
		}
	} );

	await openScreen( page );
	await expect( publishToggle( page, 'opencode' ) ).toBeEnabled();
	await expect( publishToggle( page, 'opencode' ) ).toBeChecked();
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();
	expect(
		restRequests,
		'REST requests before the screen was usable'
	).toEqual( [] );

	// A change is sent, and what follows comes from the server, not the preload: the
	// write asks for the screen embedded in its answer.
	await setPublished( page, 'kimaki', true );
	// api-fetch sends a PATCH as POST with X-HTTP-Method-Override.
	expect(
		restRequests.some(
			( r ) =>
				r.startsWith( 'POST ' ) &&
				decodeURIComponent( r ).includes( '_embed=wpca:screen' )
		)
	).toBe( true );
	await expect( publishToggle( page, 'kimaki' ) ).toBeChecked();
	// Only the server knows who changed it and when.
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText( 'by admin' );
} );
