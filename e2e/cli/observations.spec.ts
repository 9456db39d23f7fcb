/**
 * The observation history `bin/runtime-signature verify` feeds, run the way
 * agent processes run it (child processes with their own environments, several
 * at once), read back over REST and straight from the options table.
 */
import { test, expect } from '@playwright/test';
import type { ObservationsResponse } from '../../src/api/types';
import { wpPhp } from '../support/site';
import {
	EXIT,
	restOk,
	unregisterAll,
	withRegisteredAgents,
	verify,
} from './helpers';

const observations = () =>
	restOk< ObservationsResponse >( '/attribution/observations' );

/**
 * The site's keyed hash of a value (the key is a site secret the test cannot know otherwise).
 * @param value
 */
function siteHash( value: string ): string {
	return wpPhp(
		`echo WP_Coding_Agents\\Runtimes\\Evidence\\Verification_Log::value_hash( ${ JSON.stringify( value ) } );`
	).trim();
}

// Kimaki without thread_url: every declared variable is named in the assertions.
withRegisteredAgents( [ 'session_id', 'thread_id' ] );

test( 'an opencode process no longer overwrites what a kimaki process reported', async () => {
	const kimaki = await verify(
		{ KIMAKI_THREAD_ID: 'thread-1' },
		'--runtime',
		'kimaki'
	);
	expect( kimaki.code, kimaki.stderr ).toBe( EXIT.done );
	const opencode = await verify(
		{ OPENCODE_RUN_ID: 'run-1' },
		'--runtime=opencode'
	);
	expect( opencode.code, opencode.stderr ).toBe( EXIT.done );

	const body = await observations();
	expect(
		body.observations.map( ( observation ) => [
			observation.runtime,
			observation.found,
			observation.primary_runtime,
		] )
	).toEqual( [
		[ 'opencode', [ 'OPENCODE_RUN_ID' ], 'opencode' ],
		[ 'kimaki', [ 'KIMAKI_THREAD_ID' ], 'kimaki' ],
	] );
	const seen = Object.fromEntries(
		body.variables.map( ( variable ) => [
			variable.name,
			null !== variable.last_seen_at,
		] )
	);
	expect( seen ).toEqual( {
		KIMAKI_SESSION_ID: false,
		KIMAKI_THREAD_ID: true,
		OPENCODE_SESSION_ID: false,
		OPENCODE_RUN_ID: true,
	} );
	expect( body.runtimes ).toEqual( [
		expect.objectContaining( { id: 'kimaki', flagged: false } ),
		expect.objectContaining( { id: 'opencode', flagged: false } ),
	] );
} );

test( 'repeated sessions are told apart by hash, the same session recognised', async () => {
	for ( const session of [ 'session-a', 'session-a', 'session-b' ] ) {
		const result = await verify( { KIMAKI_SESSION_ID: session } );
		expect( result.code, result.stderr ).toBe( EXIT.done );
	}

	const hashes = ( await observations() ).observations.map(
		( observation ) => observation.hashes.KIMAKI_SESSION_ID
	);
	expect( hashes ).toEqual( [
		siteHash( 'session-b' ),
		siteHash( 'session-a' ),
		siteHash( 'session-a' ),
	] );
	expect( hashes[ 0 ] ).not.toBe( hashes[ 1 ] );
	const variable = ( await observations() ).variables[ 0 ];
	expect( [ variable.times_seen, variable.distinct_values ] ).toEqual( [
		3, 2,
	] );
} );

test( 'concurrent agents lose no observation, and only the last 50 are kept', async () => {
	// Twenty processes at once against four PHP workers: every append must survive.
	const first = await Promise.all(
		Array.from( { length: 20 }, ( _, index ) =>
			verify( { OPENCODE_RUN_ID: `run-${ index }` } )
		)
	);
	for ( const result of first ) {
		expect( result.code, result.stderr ).toBe( EXIT.done );
	}
	expect( ( await observations() ).observations ).toHaveLength( 20 );

	const more = await Promise.all(
		Array.from( { length: 33 }, ( _, index ) =>
			verify( { OPENCODE_RUN_ID: `run-${ 20 + index }` } )
		)
	);
	for ( const result of more ) {
		expect( result.code, result.stderr ).toBe( EXIT.done );
	}
	const kept = ( await observations() ).observations;
	expect( kept ).toHaveLength( 50 );
	// 50 different sessions among the 53 recorded: none duplicated, none lost twice.
	expect(
		new Set(
			kept.map( ( observation ) => observation.hashes.OPENCODE_RUN_ID )
		).size
	).toBe( 50 );
} );

test( 'values never reach the database: the options table holds no planted value', async () => {
	const planted = {
		KIMAKI_SESSION_ID: 'planted-session-5d1e9b',
		KIMAKI_THREAD_ID: 'planted-thread-77aa03',
		OPENCODE_RUN_ID: 'planted-run-c0ffee',
	};
	const result = await verify( planted, '--runtime', 'kimaki' );
	expect( result.code, result.stderr ).toBe( EXIT.done );
	expect( ( await observations() ).observations ).toHaveLength( 1 );

	// Every row of the options table, whatever the option, searched for each value.
	const rows = wpPhp(
		`global $wpdb; foreach ( $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options}", ARRAY_A ) as $row ) { echo $row['option_name'], "\\t", $row['option_value'], "\\n"; }`
	);
	expect( rows ).toContain( 'wpca_observations\t' );
	expect( rows ).toContain( 'KIMAKI_THREAD_ID' );
	for ( const value of Object.values( planted ) ) {
		expect( rows ).not.toContain( value );
		expect( rows ).toContain( siteHash( value ) );
	}
} );

test( 'verify --require-session exits 5 naming the missing variables when DMC would record no primary_id', async () => {
	const none = await verify( {}, '--require-session' );
	expect( none.code ).toBe( EXIT.noSession );
	expect( none.stderr ).toContain(
		'no session: Data Machine Code would record no primary_id for this process; declared variables missing: KIMAKI_SESSION_ID KIMAKI_THREAD_ID OPENCODE_SESSION_ID OPENCODE_RUN_ID'
	);
	// The observation is still recorded: a failing health check is evidence too.
	expect( ( await observations() ).observations ).toHaveLength( 1 );

	const withSession = await verify(
		{ OPENCODE_RUN_ID: 'run-2' },
		'--require-session',
		'--no-record'
	);
	expect( withSession.code, withSession.stderr ).toBe( EXIT.done );
	expect( withSession.stdout ).toContain(
		'primary_id: run-2 (from opencode run_id)'
	);
	expect( ( await observations() ).observations ).toHaveLength( 1 );

	// Blank after trimming counts as missing, as DMC trims.
	const blank = await verify(
		{ KIMAKI_SESSION_ID: '   ' },
		'--require-session',
		'--no-record'
	);
	expect( blank.code ).toBe( EXIT.noSession );
	expect( blank.stderr ).toContain( 'missing: KIMAKI_SESSION_ID' );

	await unregisterAll();
	const nothingPublished = await verify(
		{ KIMAKI_SESSION_ID: 'k-1' },
		'--require-session'
	);
	expect( nothingPublished.code ).toBe( EXIT.noSession );
	expect( nothingPublished.stderr ).toContain(
		'no runtime signature is published'
	);
} );

test( 'verify refuses a --runtime that is not a runtime id, before contacting the site', async () => {
	for ( const args of [
		[ '--runtime', 'Not_An_Id' ],
		[ '--runtime' ],
		[ '--runtimes=kimaki' ],
	] ) {
		const result = await verify(
			{ WPCA_URL: 'http://127.0.0.1:9' },
			...args
		);
		expect( result.code, args.join( ' ' ) ).toBe( EXIT.usage );
	}
	expect( ( await observations() ).observations ).toHaveLength( 0 );
} );
