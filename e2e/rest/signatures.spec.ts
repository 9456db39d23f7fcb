/**
 * GET /signatures and POST /signatures/repair against what really sits in the
 * database and in the filter: entries from other plugins, and an option that
 * someone corrupted by hand.
 */
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import {
	listRuntimes,
	publishedSignatures,
	register,
	setUpAdminClient,
	withoutLinks,
	writeMuPlugin,
	PRESET_FIELDS,
	SIGNATURES_OPTION,
	type PreviewBody,
	type RuntimeItem,
	type SignaturesBody,
} from './helpers';
import { wpPhp } from '../support/site';

const FOREIGN_PLUGIN = 'wpca-test-foreign-signatures.php';

const admin = setUpAdminClient();
let muPluginFile: string | null = null;

test.afterEach( () => {
	if ( muPluginFile ) {
		fs.rmSync( muPluginFile, { force: true } );
		muPluginFile = null;
	}
} );

/**
 * Installs, until the test ends, a mu-plugin that filters the published
 * signatures the way another integration could.
 * @param purpose    What the fixture stands for, as its PHP comment.
 * @param statements PHP statements that change `$signatures`.
 * @param priority   The filter priority.
 */
function installSignaturesFilter(
	purpose: string,
	statements: string[],
	priority: number
): void {
	const callbackBody = [ ...statements, 'return $signatures;' ]
		.map( ( statement ) => `\t\t${ statement }` )
		.join( '\n' );
	muPluginFile = writeMuPlugin(
		FOREIGN_PLUGIN,
		`<?php
// Test fixture: ${ purpose }.
add_filter(
	'${ SIGNATURES_OPTION }',
	function ( $signatures ) {
${ callbackBody }
	},
	${ priority }
);
`
	);
}

function installForeignPlugin( priority: number ): void {
	installSignaturesFilter(
		'another integration that also claims the kimaki runtime id',
		[
			"$signatures['kimaki']  = array( 'session_id' => 'OTHER_KIMAKI_SESSION' );",
			"$signatures['foreign'] = array( 'session_id' => 'FOREIGN_SESSION_ID' );",
		],
		priority
	);
}

for ( const priority of [ 5, 20 ] ) {
	test( `a colliding entry another plugin adds at priority ${ priority } is kept and reported`, async () => {
		await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
		await register( admin(), 'opencode', PRESET_FIELDS.opencode );
		installForeignPlugin( priority );

		const response = await admin().get< SignaturesBody >( '/signatures' );
		expect( response.status, response.text ).toBe( 200 );
		expect( response.body.signatures ).toEqual( publishedSignatures() );
		expect( response.body.signatures.kimaki ).toEqual( {
			session_id: 'OTHER_KIMAKI_SESSION',
		} );
		expect( response.body.signatures.foreign ).toEqual( {
			session_id: 'FOREIGN_SESSION_ID',
		} );
		expect( response.body.signatures.opencode ).toEqual(
			PRESET_FIELDS.opencode
		);
		expect( response.body.collisions ).toEqual( [
			{
				id: 'kimaki',
				ours: PRESET_FIELDS.kimaki,
				theirs: { session_id: 'OTHER_KIMAKI_SESSION' },
			},
		] );

		const items = await listRuntimes( admin() );
		const kimaki = items.find( ( item ) => 'kimaki' === item.id );
		const opencode = items.find( ( item ) => 'opencode' === item.id );
		expect( kimaki?.collision ).toBe( true );
		expect( kimaki?.fields ).toEqual( PRESET_FIELDS.kimaki );
		expect( opencode?.collision ).toBe( false );
		expect( items.map( ( item ) => item.id ) ).not.toContain( 'foreign' );

		// Repair touches only our own option; the foreign entry still wins.
		const repaired =
			await admin().post< SignaturesBody >( '/signatures/repair' );
		expect( repaired.status ).toBe( 200 );
		expect( repaired.body.collisions ).toHaveLength( 1 );
		expect( repaired.body.signatures.kimaki ).toEqual( {
			session_id: 'OTHER_KIMAKI_SESSION',
		} );
	} );
}

test( 'an entry another plugin adds for an id we have not registered is no collision', async () => {
	installForeignPlugin( 10 );
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status ).toBe( 200 );
	expect( response.body.collisions ).toEqual( [] );
	expect( response.body.signatures ).toEqual( {
		kimaki: { session_id: 'OTHER_KIMAKI_SESSION' },
		foreign: { session_id: 'FOREIGN_SESSION_ID' },
	} );
} );

test( 'only an enabled runtime can collide', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki, {
		enabled: false,
	} );
	installForeignPlugin( 10 );
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status ).toBe( 200 );
	expect( response.body.collisions ).toEqual( [] );
	const item = await admin().get< RuntimeItem >( '/runtimes/kimaki' );
	expect( item.body.collision ).toBe( false );
} );

test( 'a later callback that removes our entry is a collision', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
	installSignaturesFilter(
		'a later callback that drops the kimaki runtime',
		[ "unset( $signatures['kimaki'] );" ],
		99
	);
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status, response.text ).toBe( 200 );
	expect( response.body.signatures ).toEqual( {
		opencode: PRESET_FIELDS.opencode,
	} );
	expect( response.body.collisions.map( ( each ) => each.id ) ).toEqual( [
		'kimaki',
	] );
	const item = await admin().get< RuntimeItem >( '/runtimes/kimaki' );
	expect( item.body.collision ).toBe( true );
} );

test( 'the attribution preview uses the effective signatures, foreign entries included', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	installForeignPlugin( 20 );
	const response = await admin().post< PreviewBody >(
		'/attribution/preview',
		{
			env: {
				KIMAKI_SESSION_ID: 'ours',
				OTHER_KIMAKI_SESSION: 'theirs',
				FOREIGN_SESSION_ID: 'foreign',
			},
		}
	);
	expect( response.status, response.text ).toBe( 200 );
	expect( response.body.origin_session ).toEqual( {
		primary_id: 'theirs',
		ids: {
			kimaki: { session_id: 'theirs' },
			foreign: { session_id: 'foreign' },
		},
	} );
	expect( response.body.declared ).toEqual( [
		'OTHER_KIMAKI_SESSION',
		'FOREIGN_SESSION_ID',
	] );
} );

function storeRawOption( phpValue: string ): void {
	wpPhp( `update_option( '${ SIGNATURES_OPTION }', ${ phpValue }, false );` );
}

/** Keys of the stored option in PHP order (JSON objects would move "123" first). */
function storedOptionKeys(): string[] {
	return JSON.parse(
		wpPhp(
			`echo wp_json_encode( array_map( 'strval', array_keys( (array) get_option( '${ SIGNATURES_OPTION }', array() ) ) ) );`
		)
	) as string[];
}

function storedOptionJson(): unknown {
	return JSON.parse(
		wpPhp(
			`echo wp_json_encode( (object) get_option( '${ SIGNATURES_OPTION }', array() ) );`
		)
	);
}

const CORRUPTED = `array(
	'kimaki'    => array(
		'session_id' => 'KIMAKI_SESSION_ID',
		'thread_url' => 123,
		''           => 'EMPTY_SUBKEY_VAR',
		'Bad Key'    => 'BAD_KEY_VAR',
		'thread_id'  => '',
	),
	123         => array( 'session_id' => 'NUMERIC_ID_VAR' ),
	'opencode'  => 'not-an-array',
	'good-one'  => array( 'session_id' => 'GOOD_SESSION_ID', 'run_id' => 'BAD-NAME' ),
	'empty-one' => array(),
	'Bad_Id'    => array( 'session_id' => 'BAD_ID_VAR' ),
)`;

test( 'a corrupted option publishes only its valid parts and lists every problem', async () => {
	storeRawOption( CORRUPTED );
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status, response.text ).toBe( 200 );
	expect( response.body.signatures ).toEqual( {
		kimaki: { session_id: 'KIMAKI_SESSION_ID' },
		'good-one': { session_id: 'GOOD_SESSION_ID' },
	} );
	expect( publishedSignatures() ).toEqual( response.body.signatures );
	const reported = response.body.problems.map(
		( problem ) =>
			`${ String( problem.id ) }/${ problem.subkey ?? '' }:${ problem.code }`
	);
	expect( reported.sort() ).toEqual(
		[
			'kimaki/thread_url:wpca_invalid_env_name',
			'kimaki/:wpca_invalid_subkey',
			'kimaki/Bad Key:wpca_invalid_subkey',
			'kimaki/thread_id:wpca_invalid_env_name',
			'123/:wpca_invalid_id',
			'opencode/:wpca_invalid_entry',
			'good-one/run_id:wpca_invalid_env_name',
			'empty-one/:wpca_empty_entry',
			'Bad_Id/:wpca_invalid_id',
		].sort()
	);
	for ( const problem of response.body.problems ) {
		expect( problem.message.length ).toBeGreaterThan( 0 );
	}

	// The rest of the API keeps working on the corrupted data.
	const runtimes = await admin().get< RuntimeItem[] >( '/runtimes' );
	expect( runtimes.status, runtimes.text ).toBe( 200 );
	const kimaki = runtimes.body.find( ( item ) => 'kimaki' === item.id );
	expect( kimaki?.registered ).toBe( true );
	expect( kimaki?.fields ).toEqual( { session_id: 'KIMAKI_SESSION_ID' } );
	const preview = await admin().post< PreviewBody >( '/attribution/preview', {
		env: { KIMAKI_SESSION_ID: 'k-1', GOOD_SESSION_ID: 'g-1' },
	} );
	expect( preview.status, preview.text ).toBe( 200 );
	expect( preview.body.origin_session?.primary_id ).toBe( 'k-1' );
} );

test( 'an ordinary write keeps the entries it cannot read, after ours; only repair drops them', async () => {
	storeRawOption( CORRUPTED );
	await register( admin(), 'new-one', { session_id: 'NEW_ONE_ID' } );
	const keys = storedOptionKeys();
	expect( keys.slice( 0, 3 ) ).toEqual( [ 'kimaki', 'good-one', 'new-one' ] );
	expect( keys.slice( 3 ).sort() ).toEqual(
		[ '123', 'opencode', 'empty-one', 'Bad_Id' ].sort()
	);
	const signatures = await admin().get< SignaturesBody >( '/signatures' );
	expect( Object.keys( signatures.body.signatures ) ).toEqual( [
		'kimaki',
		'good-one',
		'new-one',
	] );
	const repaired =
		await admin().post< SignaturesBody >( '/signatures/repair' );
	expect( repaired.status ).toBe( 200 );
	expect( storedOptionKeys() ).toEqual( [ 'kimaki', 'good-one', 'new-one' ] );
} );

test( 'POST /signatures/repair keeps only the valid entries and pairs', async () => {
	storeRawOption( CORRUPTED );
	const repaired =
		await admin().post< SignaturesBody >( '/signatures/repair' );
	expect( repaired.status, repaired.text ).toBe( 200 );
	const expected = {
		kimaki: { session_id: 'KIMAKI_SESSION_ID' },
		'good-one': { session_id: 'GOOD_SESSION_ID' },
	};
	expect( repaired.body.signatures ).toEqual( expected );
	expect( repaired.body.problems ).toEqual( [] );
	expect( repaired.body.collisions ).toEqual( [] );
	expect( storedOptionJson() ).toEqual( expected );
	expect( publishedSignatures() ).toEqual( expected );

	const again = await admin().get< SignaturesBody >( '/signatures' );
	expect( again.body ).toEqual( withoutLinks( repaired.body ) );

	// Entries found in the option without our metadata are reported as external.
	const items = await listRuntimes( admin() );
	expect( items.find( ( item ) => 'good-one' === item.id )?.source ).toBe(
		'external'
	);
} );

test( 'an option that is a string publishes nothing, reports it, and repair resets it', async () => {
	storeRawOption( "'garbage'" );
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status, response.text ).toBe( 200 );
	expect( response.body.signatures ).toEqual( {} );
	expect( response.body.problems ).toEqual( [
		expect.objectContaining( { id: '', code: 'wpca_invalid_option' } ),
	] );
	const runtimes = await admin().get< RuntimeItem[] >( '/runtimes' );
	expect( runtimes.status, runtimes.text ).toBe( 200 );

	const repaired =
		await admin().post< SignaturesBody >( '/signatures/repair' );
	expect( repaired.status, repaired.text ).toBe( 200 );
	expect( withoutLinks( repaired.body ) ).toEqual( {
		signatures: {},
		collisions: [],
		problems: [],
		findings: [],
		entries: [],
		declared: [],
		primary_variables: [],
		secret_variables: [],
		// Nothing declared: DMC's lock metadata holds only its own keys.
		lock_budget: {
			runtime_ids_bytes: 0,
			reserved_bytes: 3203,
			total_bytes: 3203,
			budget: 8192,
			fits: true,
		},
	} );
	expect( storedOptionJson() ).toEqual( {} );

	// A registration after the repair works normally.
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	expect( publishedSignatures() ).toEqual( { kimaki: PRESET_FIELDS.kimaki } );
} );

test( 'an option written by hand with `wp option` shows up as an external registration', async () => {
	storeRawOption(
		"array( 'hand-made' => array( 'session_id' => 'HAND_MADE_ID' ) )"
	);
	const item = await admin().get< RuntimeItem >( '/runtimes/hand-made' );
	expect( item.status, item.text ).toBe( 200 );
	expect( item.body ).toMatchObject( {
		id: 'hand-made',
		fields: { session_id: 'HAND_MADE_ID' },
		enabled: true,
		registered: true,
		preset: false,
		source: 'external',
	} );
	const signatures = await admin().get< SignaturesBody >( '/signatures' );
	expect( signatures.body.signatures ).toEqual( {
		'hand-made': { session_id: 'HAND_MADE_ID' },
	} );
} );
