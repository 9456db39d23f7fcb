/**
 * The last verification: what `bin/runtime-signature verify` reported from a
 * real agent process, recorded over REST with the installer's Application
 * Password (as the script does) and shown on the screen.
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { basicAuth, testSite, wpPhp } from '../support/site';
import {
	OBSERVATIONS_OPTION,
	lastVerificationPanel,
	openScreen,
	openView,
	resetRegistry,
	setPublished,
} from './helpers';

test.beforeEach( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
} );

test( 'the card asks for a verification, then shows what an agent process reported', async ( {
	page,
} ) => {
	await openScreen( page );
	await openView( page, 'Agent processes' );
	const card = lastVerificationPanel( page );
	await expect( card ).toContainText( 'Nothing recorded yet' );
	await expect( card ).toContainText( 'bin/runtime-signature verify' );

	await openView( page, 'Runtimes' );
	await setPublished( page, 'kimaki', true );
	await setPublished( page, 'opencode', true );

	// What the script sends from inside an agent process. A context without the
	// admin's cookies: the script authenticates with an Application Password only.
	const agent = await playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const recorded = await agent.post(
		`${ testSite().restUrl }wp-coding-agents/v1/attribution/preview`,
		{
			headers: { Authorization: basicAuth( 'admin' ) },
			data: {
				env: {
					KIMAKI_SESSION_ID: 'kimaki-session-42',
					OPENCODE_RUN_ID: 'run-value-7',
				},
				record: true,
			},
		}
	);
	expect( recorded.status(), await recorded.text() ).toBe( 200 );
	expect( ( await recorded.json() ).recorded ).toBe( true );
	await agent.dispose();

	await page.reload();
	await openView( page, 'Agent processes' );
	await expect( card ).toBeVisible();
	await expect( card ).toContainText(
		'Agent process (Application Password)'
	);
	await expect( card ).toContainText(
		`by ${ testSite().users.admin.username }`
	);
	// The value itself is never stored: the card shows its keyed hash.
	const hash = wpPhp(
		`echo WP_Coding_Agents\\Runtimes\\Evidence\\Verification_Log::value_hash( 'kimaki-session-42' );`
	).trim();
	await expect( card.locator( '.wpca-verification__primary' ) ).toHaveText(
		hash
	);
	await expect( card ).toContainText( 'from KIMAKI_SESSION_ID of kimaki' );
	await expect( card ).not.toContainText( 'kimaki-session-42' );
	await expect(
		card
			.getByRole( 'list', { name: 'Found variables' } )
			.getByRole( 'listitem' )
	).toHaveText( [ 'KIMAKI_SESSION_ID', 'OPENCODE_RUN_ID' ] );
	await expect(
		card
			.getByRole( 'list', { name: 'Missing variables' } )
			.getByRole( 'listitem' )
	).toHaveText( [
		'KIMAKI_THREAD_ID',
		'KIMAKI_THREAD_URL',
		'OPENCODE_SESSION_ID',
	] );
	// No value is kept: the run id's value never reaches the screen.
	await expect( card ).not.toContainText( 'run-value-7' );
} );
