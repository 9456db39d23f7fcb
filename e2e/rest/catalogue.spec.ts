/**
 * GET /catalogue and adding a catalogue runtime over real HTTP, as an installer
 * does it: nothing in the catalogue is published until added; `{"preset": "codex"}`
 * adds Codex idempotently; other code's bad entries are dropped with the reason and
 * break nothing; a generic session variable ahead of specific ones is flagged; a
 * primary id longer than DMC's 191-character inventory column is flagged.
 */
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import type { AttributionPreview, Catalogue } from '../../src/api/types';
import {
	publishedOrder,
	publishedSignatures,
	recordedServerErrors,
	setUpAdminClient,
	storedState,
	writeMuPlugin,
	type ErrorBody,
	type RuntimeItem,
} from './helpers';

const admin = setUpAdminClient();

async function catalogue(): Promise< Catalogue > {
	const response = await admin().get< Catalogue >( '/catalogue' );
	expect( response.status, response.text ).toBe( 200 );
	return response.body;
}

test( 'the catalogue knows Claude Code, Codex and goose besides the defaults, and publishes none of them', async () => {
	const body = await catalogue();
	expect( body.runtimes.map( ( runtime ) => runtime.id ) ).toEqual( [
		'kimaki',
		'opencode',
		'claude-code',
		'codex',
		'goose',
		'gemini-cli',
	] );
	for ( const runtime of body.runtimes ) {
		expect( runtime.registered, runtime.id ).toBe( false );
	}
	expect( publishedSignatures() ).toEqual( {} );
	const opencode = body.runtimes.find( ( each ) => 'opencode' === each.id )!;
	expect(
		opencode.variables.find( ( each ) => 'OPENCODE_RUN_ID' === each.name )
	).toMatchObject( { identifies: 'process', set_by: 'runtime' } );
	expect( opencode.notes.join( ' ' ) ).toContain(
		'identifies a process, not a thread'
	);
} );

test( 'PUT /runtimes/codex with {"preset": "codex"} adds Codex, publishes it, and is idempotent', async () => {
	const added = await admin().put< RuntimeItem >( '/runtimes/codex', {
		preset: 'codex',
	} );
	expect( added.status, added.text ).toBe( 201 );
	expect( added.body ).toMatchObject( {
		id: 'codex',
		label: 'Codex',
		enabled: true,
		source: 'installer',
	} );
	expect( publishedSignatures() ).toEqual( {
		codex: { session_id: 'CODEX_THREAD_ID' },
	} );

	const before = storedState();
	const again = await admin().put< RuntimeItem >( '/runtimes/codex', {
		preset: 'codex',
	} );
	expect( again.status, again.text ).toBe( 200 );
	expect( storedState() ).toBe( before );
	expect(
		( await catalogue() ).runtimes.find( ( each ) => 'codex' === each.id )
	).toMatchObject( { registered: true, enabled: true, fields_match: true } );

	const refused = await admin().put< ErrorBody >( '/runtimes/gemini-cli', {
		preset: 'gemini-cli',
	} );
	expect( refused.status ).toBe( 400 );
	expect( refused.body.code ).toBe( 'wpca_preset_unattributable' );
	expect( storedState() ).toBe( before );
} );

test( 'a generic session variable ahead of specific ones is flagged', async () => {
	for ( const id of [ 'codex', 'goose' ] ) {
		const added = await admin().put( `/runtimes/${ id }`, { preset: id } );
		expect( added.status, added.text ).toBe( 201 );
	}
	expect( publishedOrder() ).toEqual( [ 'codex', 'goose' ] );
	expect( ( await catalogue() ).order_warnings ).toEqual( [] );

	const moved = await admin().put( '/order', {
		order: [ 'goose', 'codex' ],
	} );
	expect( moved.status, moved.text ).toBe( 200 );
	const warnings = ( await catalogue() ).order_warnings;
	expect( warnings ).toHaveLength( 1 );
	expect( warnings[ 0 ] ).toMatchObject( {
		runtime: 'goose',
		variable: 'AGENT_SESSION_ID',
		ahead_of: [ 'codex' ],
	} );
} );

test( "the preview flags a primary id longer than DMC's 191-character inventory column", async () => {
	const added = await admin().put( '/runtimes/codex', { preset: 'codex' } );
	expect( added.status, added.text ).toBe( 201 );
	for ( const [ length, fits ] of [
		[ 191, true ],
		[ 192, false ],
	] as const ) {
		const preview = await admin().post< AttributionPreview >(
			'/attribution/preview',
			{ env: { CODEX_THREAD_ID: 't'.repeat( length ) } }
		);
		expect( preview.status, preview.text ).toBe( 200 );
		expect( preview.body.inventory ).toEqual( {
			length,
			max_length: 191,
			fits,
		} );
	}
} );

test.describe( 'other code extending the catalogue', () => {
	let muPlugin = '';
	test.afterEach( () => {
		if ( muPlugin ) {
			fs.rmSync( muPlugin, { force: true } );
		}
	} );

	test( 'a good entry is added, a bad one and a throwing callback are reported, nothing breaks', async () => {
		muPlugin = writeMuPlugin(
			'wpca-e2e-catalogue-neighbour.php',
			`<?php
add_filter( 'wpca_runtime_catalogue', function ( $entries ) {
	$entries['amp'] = array( 'label' => 'Amp', 'fields' => array( 'session_id' => 'AMP_THREAD_ID' ) );
	$entries['broken'] = array( 'label' => 'Broken', 'fields' => array( 'session_id' => 'not a name' ) );
	return $entries;
} );
add_filter( 'wpca_runtime_catalogue', function ( $entries ) {
	throw new Exception( 'neighbour failed' );
}, 20 );
`
		);
		const body = await catalogue();
		expect( body.runtimes.map( ( runtime ) => runtime.id ) ).toContain(
			'amp'
		);
		expect( body.runtimes.map( ( runtime ) => runtime.id ) ).not.toContain(
			'broken'
		);
		expect(
			body.rejected.map( ( each ) => [ each.id, each.added_by?.file ] )
		).toEqual( [
			[ null, 'wp-content/mu-plugins/wpca-e2e-catalogue-neighbour.php' ],
			[
				'broken',
				'wp-content/mu-plugins/wpca-e2e-catalogue-neighbour.php',
			],
		] );
		expect( body.rejected[ 0 ].message ).toContain( 'neighbour failed' );

		const added = await admin().put( '/runtimes/amp', { preset: 'amp' } );
		expect( added.status, added.text ).toBe( 201 );
		expect( publishedSignatures() ).toEqual( {
			amp: { session_id: 'AMP_THREAD_ID' },
		} );
		expect( recordedServerErrors() ).toEqual( [] );
	} );
} );
