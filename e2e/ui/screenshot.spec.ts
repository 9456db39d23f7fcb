/**
 * "Is attribution working for kimaki?" answered from the first view, without scrolling,
 * in a typical state: an installer registered kimaki and verified it from an agent
 * process, and DMC recorded its session (working); the admin published opencode, whose
 * variables no agent process has exported since (never observed); and a custom runtime
 * another plugin overrides. Pictures for review, 1280 × 900 (the first view, as a
 * person sees it) and 360 px wide (the whole page): artifacts/admin-screen.png and
 * admin-screen-360.png on every run, and the README's docs/screenshot-admin.png and
 * docs/screenshot-admin-360.png only when WPCA_UPDATE_SCREENSHOT=1, so a test run
 * leaves the tracked files alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	expect,
	request as playwrightRequest,
	test,
	type Page,
} from '@playwright/test';
import {
	clearDmcRecords,
	installDmc,
	removeDmc,
	seedDmcRecords,
} from '../support/dmc';
import { basicAuth, ROOT, testSite, wpPhp } from '../support/site';
import {
	expectDmcOrder,
	OBSERVATIONS_OPTION,
	openScreen,
	openView,
	previewPanel,
	previewWith,
	resetRegistry,
	runtimeCard,
	setPublished,
	submitNewRuntime,
} from './helpers';

const OVERRIDE_FILE = 'wp-content/mu-plugins/wpca-e2e-other-plugin.php';

function overrideFile(): string {
	return path.join( testSite().wpDir, OVERRIDE_FILE );
}

test.use( { viewport: { width: 1280, height: 900 } } );

test.beforeEach( () => {
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
	clearDmcRecords();
	installDmc( '0.61.4' );
} );

test.afterEach( () => {
	fs.rmSync( overrideFile(), { force: true } );
	resetRegistry();
	wpPhp( `delete_option( '${ OBSERVATIONS_OPTION }' );` );
	clearDmcRecords();
	removeDmc();
} );

async function picture( page: Page, file: string, fullPage: boolean ) {
	const files = [ `artifacts/${ file }.png` ];
	if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
		files.push(
			`docs/${ file.replace( 'admin-screen', 'screenshot-admin' ) }.png`
		);
	}
	for ( const name of files ) {
		await page.screenshot( { path: path.join( ROOT, name ), fullPage } );
	}
}

test( 'the first view answers per runtime, without scrolling at 1280 × 900', async ( {
	page,
} ) => {
	// A context without the admin's cookies: installers authenticate with an Application Password only.
	const installer = await playwrightRequest.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const api = `${ testSite().restUrl }wp-coding-agents/v1`;
	const headers = { Authorization: basicAuth( 'admin' ) };
	const installed = await installer.put( `${ api }/runtimes/kimaki`, {
		headers,
		data: {
			fields: {
				session_id: 'KIMAKI_SESSION_ID',
				thread_id: 'KIMAKI_THREAD_ID',
				thread_url: 'KIMAKI_THREAD_URL',
			},
		},
	} );
	expect( installed.status(), await installed.text() ).toBe( 201 );
	// …then `bin/runtime-signature verify` ran inside a kimaki session.
	const verified = await installer.post( `${ api }/attribution/preview`, {
		headers,
		data: {
			env: {
				KIMAKI_SESSION_ID: '1184502913385',
				KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
			},
			record: true,
			host: 'bridge-host',
			runtime: 'kimaki',
		},
	} );
	expect( verified.status(), await verified.text() ).toBe( 200 );
	await installer.dispose();
	// …and DMC recorded a worktree that kimaki session created an hour ago.
	seedDmcRecords( {
		'wp-coding-agents@fix-login': {
			repo: 'wp-coding-agents',
			branch: 'fix-login',
			created_at: new Date( Date.now() - 3600_000 )
				.toISOString()
				.replace( /\.\d+Z$/, '+00:00' ),
			origin_session: {
				ids: {
					kimaki: {
						session_id: '1184502913385',
						thread_url: 'https://discord.com/channels/1/2',
					},
				},
			},
		},
	} );

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

	// opencode was published a month ago, and no agent process exported its variables
	// since; another plugin puts its own my-agent entry into DMC's filter.
	wpPhp(
		`$meta = get_option( 'wpca_runtime_meta' ); $meta['runtimes']['opencode']['updated_at'] = gmdate( 'c', time() - 30 * DAY_IN_SECONDS ); update_option( 'wpca_runtime_meta', $meta, false );`
	);
	fs.writeFileSync(
		overrideFile(),
		[
			'<?php',
			'// Another plugin on the same site.',
			"add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {",
			"\t$signatures['my-agent'] = array( 'session_id' => 'OTHER_PLUGIN_SESSION' );",
			'\treturn $signatures;',
			'}, 20 );',
			'',
		].join( '\n' )
	);
	await openScreen( page );

	const expected: Array< [ string, string ] > = [
		[ 'kimaki', 'Working' ],
		[ 'opencode', 'Variables never observed' ],
		[ 'my-agent', 'Overridden by other code' ],
	];
	for ( const [ id, headline ] of expected ) {
		const card = runtimeCard( page, id );
		await expect( card.locator( '.wpca-verdict__headline' ) ).toHaveText(
			headline
		);
		// The answer and the runtime's controls, all within the first 900 px.
		for ( const part of [
			card.locator( '.wpca-verdict' ),
			card.getByRole( 'checkbox', { name: /^Published to DMC/ } ),
			card.locator( '.components-card__footer' ),
		] ) {
			const box = await part.boundingBox();
			expect(
				box,
				`${ id }: ${ await part.innerText() }`
			).not.toBeNull();
			expect( box!.y + box!.height ).toBeLessThanOrEqual( 900 );
		}
	}
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'DMC recorded its session in 1 worktree: wp-coding-agents@fix-login'
	);
	await expect( runtimeCard( page, 'opencode' ) ).toContainText(
		'None of OPENCODE_SESSION_ID, OPENCODE_RUN_ID was ever seen in an agent process'
	);
	await expect( runtimeCard( page, 'my-agent' ) ).toContainText(
		`Other code (${ OVERRIDE_FILE }:3) puts its own entry under this id`
	);
	expect(
		await page.evaluate( () => document.documentElement.scrollWidth )
	).toBeLessThanOrEqual( 1280 );
	await picture( page, 'admin-screen', false );

	// A phone: nothing wider than the window; the whole page pictured.
	await page.setViewportSize( { width: 360, height: 900 } );
	expect(
		await page.evaluate( () => document.documentElement.scrollWidth )
	).toBeLessThanOrEqual( 360 );
	// WordPress pins its admin bar and menu to the viewport; a viewport as tall as
	// the page keeps them in place in a full-page capture.
	const height = await page.evaluate(
		() => document.documentElement.scrollHeight
	);
	await page.setViewportSize( { width: 360, height } );
	await picture( page, 'admin-screen-360', true );
} );
