/**
 * A full-page picture of the screen in a typical state (an installer registered
 * kimaki, the admin published opencode and a custom runtime, a preview shown)
 * for the documentation: artifacts/admin-screen.png and docs/screenshot-admin.png.
 */
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { basicAuth, ROOT, testSite } from '../support/site';
import {
	expectDmcOrder,
	openScreen,
	previewPanel,
	resetRegistry,
	runtimeCard,
	setPublished,
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
	await installer.dispose();

	await openScreen( page );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText( 'Installer' );
	await setPublished( page, 'opencode', true );
	const addForm = page.getByRole( 'region', {
		name: 'Add a custom runtime',
	} );
	await addForm
		.getByLabel( 'Runtime ID', { exact: true } )
		.fill( 'my-agent' );
	await addForm.getByLabel( 'Label', { exact: true } ).fill( 'My Agent' );
	await addForm
		.getByLabel( 'Subkey 1', { exact: true } )
		.fill( 'session_id' );
	await addForm
		.getByLabel( 'Environment variable 1', { exact: true } )
		.fill( 'MY_AGENT_SESSION_ID' );
	await addForm.getByRole( 'button', { name: 'Add runtime' } ).click();
	await expectDmcOrder( page, [ 'kimaki', 'opencode', 'my-agent' ] );

	const preview = previewPanel( page );
	await preview
		.getByLabel( 'KIMAKI_SESSION_ID', { exact: true } )
		.fill( '1184502913385' );
	await preview
		.getByLabel( 'KIMAKI_THREAD_URL', { exact: true } )
		.fill( 'https://discord.com/channels/1/2' );
	await preview
		.getByLabel( 'OPENCODE_SESSION_ID', { exact: true } )
		.fill( 'ses_3f9a' );
	await preview
		.getByRole( 'button', { name: 'Preview attribution' } )
		.click();
	await expect( preview.locator( '.wpca-preview__primary' ) ).toHaveText(
		'1184502913385'
	);

	// WordPress pins its admin bar and menu to the viewport; a viewport as tall as
	// the page keeps them in place in a full-page capture.
	const height = await page.evaluate(
		() => document.documentElement.scrollHeight
	);
	await page.setViewportSize( { width: 1280, height } );
	for ( const file of [
		'artifacts/admin-screen.png',
		'docs/screenshot-admin.png',
	] ) {
		await page.screenshot( {
			path: path.join( ROOT, file ),
			fullPage: true,
		} );
	}
} );
