/**
 * "What DMC sees" shows the filter's value as the server says DMC reads it (GET
 * /signatures `entries`, `primary_variables`, `declared`): in filter order, with
 * the entries and pairs DMC skips marked, and the preview asks for exactly the
 * variables DMC reads. Other code's entries come from a mu-plugin on the filter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testSite, wpPhp } from '../support/site';
import {
	dmcOrder,
	dmcPanel,
	dmcSignature,
	openScreen,
	openView,
	previewPanel,
	resetRegistry,
	tableRows,
} from './helpers';

function muPlugin(): string {
	return path.join(
		testSite().wpDir,
		'wp-content',
		'mu-plugins',
		'wpca-test-what-dmc-sees.php'
	);
}

test.beforeEach( () => {
	resetRegistry();
	wpPhp(
		`\\WP_Coding_Agents\\Runtimes\\Plugin::store()->put( 'kimaki', array( 'fields' => array( 'thread_id' => 'KIMAKI_THREAD_ID', 'session_id' => 'KIMAKI_SESSION_ID' ) ) );`
	);
	fs.mkdirSync( path.dirname( muPlugin() ), { recursive: true } );
	fs.writeFileSync(
		muPlugin(),
		[
			'<?php',
			"add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {",
			// An integer key in PHP: DMC skips the entry (a JSON object would list it first).
			"\t$signatures['123'] = array( 'session_id' => 'DIGITS_SESSION_ID' );",
			"\t$signatures['partial'] = array( 'session_id' => 'PARTIAL_SESSION_ID', 'run_id' => '', 7 => 'NUMERIC_SUBKEY' );",
			"\t$signatures['other'] = array( 'run_id' => 'OTHER_RUN_ID' );",
			'\treturn $signatures;',
			'}, 20 );',
			'',
		].join( '\n' )
	);
} );

test.afterEach( () => {
	fs.rmSync( muPlugin(), { force: true } );
	resetRegistry();
} );

test( 'What DMC sees lists the filter value as DMC reads it, in filter order', async ( {
	page,
} ) => {
	await openScreen( page );
	await openView( page, 'What DMC sees' );
	await expect
		.poll( () => dmcOrder( page ) )
		.toEqual( [ 'kimaki', '123', 'partial', 'other' ] );
	const entries = dmcPanel( page )
		.getByRole( 'list', { name: 'Effective signatures' } )
		.locator( ':scope > li' );

	await expect( entries.nth( 0 ) ).toContainText( 'as registered' );
	await expect( entries.nth( 1 ) ).toContainText( 'added by other code' );
	await expect( entries.nth( 1 ) ).toContainText( 'ignored by DMC' );
	await expect( entries.nth( 1 ).getByRole( 'table' ) ).toHaveCount( 0 );
	await expect( entries.nth( 2 ) ).toContainText( '2 pairs ignored' );
	expect( await tableRows( dmcSignature( page, 'partial' ) ) ).toEqual( [
		[ 'session_id', 'PARTIAL_SESSION_ID' ],
	] );
	expect( await tableRows( dmcSignature( page, 'other' ) ) ).toEqual( [
		[ 'run_id', 'OTHER_RUN_ID' ],
	] );
	await expect( dmcPanel( page ) ).toContainText(
		'Primary ID: the first of KIMAKI_SESSION_ID → PARTIAL_SESSION_ID that is set'
	);

	// The preview asks for what DMC reads, in its reading order, and nothing else.
	await openView( page, 'Attribution preview' );
	// (Inputs: the paste box below them is a textarea, not a variable.)
	const inputs = previewPanel( page ).locator( 'input[type="text"]' );
	await expect( inputs ).toHaveCount( 4 );
	for ( const [ index, name ] of [
		'KIMAKI_THREAD_ID',
		'KIMAKI_SESSION_ID',
		'PARTIAL_SESSION_ID',
		'OTHER_RUN_ID',
	].entries() ) {
		await expect( inputs.nth( index ) ).toHaveAccessibleName( name );
	}
} );
