/**
 * A full-page picture of the screen in a typical state (an installer registered
 * kimaki and verified it from an agent process, the admin published opencode
 * and a custom runtime, a preview shown)
 * for review, 1280 and 360 px wide: artifacts/admin-screen.png and
 * admin-screen-360.png on every run, and the README's docs/screenshot-admin.png and
 * docs/screenshot-admin-360.png only when WPCA_UPDATE_SCREENSHOT=1, so a test run
 * leaves the tracked files alone.
 */
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { basicAuth, ROOT, testSite } from '../support/site';
import {
	expectDmcOrder,
	openScreen,
	openView,
	previewPanel,
	previewWith,
	resetRegistry,
	runtimeCard,
	setPublished,
	submitNewRuntime,
} from './helpers';

test.use( { viewport: { width: 1280, height: 900 } } );

test( 'screenshot of the admin screen', async ( { page } ) => {
	resetRegistry();
	// A context without the admin's cookies: installers authenticate with an Application Password only.
	const installer = await playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const installed = await installer.put(
		`${ testSite().restUrl }wp-coding-agents/v1/runtimes/kimaki`,
		{
			headers: { Authorization: basicAuth( 'admin' ) },
			data: {
				fields: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
					thread_url: 'KIMAKI_THREAD_URL',
				},
			},
		}
	);
	expect( installed.status(), await installed.text() ).toBe( 201 );
	// …then `bin/runtime-signature verify` ran inside a kimaki session.
	const verified = await installer.post(
		`${ testSite().restUrl }wp-coding-agents/v1/attribution/preview`,
		{
			headers: { Authorization: basicAuth( 'admin' ) },
			data: {
				env: {
					KIMAKI_SESSION_ID: '1184502913385',
					KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
				},
				record: true,
			},
		}
	);
	expect( verified.status(), await verified.text() ).toBe( 200 );
	await installer.dispose();

	await openScreen( page );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText( 'Installer' );
	await setPublished( page, 'opencode', true );
	await submitNewRuntime( page, {
		id: 'my-agent',
		label: 'My Agent',
		fields: [ [ 'session_id', 'MY_AGENT_SESSION_ID' ] ],
	} );
	await expectDmcOrder( page, [ 'kimaki', 'opencode', 'my-agent' ] );

	await openView( page, 'Attribution preview' );
	await previewWith( page, {
		KIMAKI_SESSION_ID: '1184502913385',
		KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
		OPENCODE_SESSION_ID: 'ses_3f9a',
	} );
	await expect(
		previewPanel( page ).locator( '.wpca-preview__primary' )
	).toHaveText( '1184502913385' );
	await openView( page, 'Runtimes' );
	// Snackbars are transient and would lie over the add form in a still picture.
	await page.addStyleTag( {
		content: '.components-snackbar-list { display: none; }',
	} );

	// A desktop, then a phone (the README shows both).
	for ( const [ width, suffix ] of [
		[ 1280, '' ],
		[ 360, '-360' ],
	] as const ) {
		await page.setViewportSize( { width, height: 900 } );
		// WordPress pins its admin bar and menu to the viewport; a viewport as tall as
		// the page keeps them in place in a full-page capture.
		const height = await page.evaluate(
			() => document.documentElement.scrollHeight
		);
		await page.setViewportSize( { width, height } );
		const files = [ `artifacts/admin-screen${ suffix }.png` ];
		if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
			files.push( `docs/screenshot-admin${ suffix }.png` );
		}
		for ( const file of files ) {
			await page.screenshot( {
				path: path.join( ROOT, file ),
				fullPage: true,
			} );
		}
	}
} );
