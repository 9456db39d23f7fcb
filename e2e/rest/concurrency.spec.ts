/**
 * Simultaneous writes against 4 PHP workers on MariaDB: a read-modify-write
 * of the option without a lock loses updates here, so every write must land.
 */
import { test, expect } from '@playwright/test';
import {
	ids,
	listRuntimes,
	publishedSignatures,
	register,
	setUpAdminClient,
	type RuntimeItem,
} from './helpers';

// The store caps at 64 runtimes: the reset before each test leaves room for 50 new ones.
const admin = setUpAdminClient();

const range = ( count: number ): number[] =>
	Array.from( { length: count }, ( _, index ) => index + 1 );

test( '50 simultaneous PUTs of distinct runtimes are all created and all listed', async () => {
	const responses = await Promise.all(
		range( 50 ).map( ( index ) =>
			admin().put< RuntimeItem >( `/runtimes/load-${ index }`, {
				fields: { session_id: `LOAD_${ index }_SESSION_ID` },
			} )
		)
	);
	expect(
		responses.map( ( response ) => response.status ),
		responses.map( ( response ) => response.text ).join( '\n' )
	).toEqual( range( 50 ).map( () => 201 ) );

	const listed = await listRuntimes( admin() );
	const registered = listed.filter( ( item ) => item.registered );
	expect( registered.map( ( item ) => item.id ).sort() ).toEqual(
		range( 50 )
			.map( ( index ) => `load-${ index }` )
			.sort()
	);
	expect( ids( listed ).slice( 50 ) ).toEqual( [ 'kimaki', 'opencode' ] );

	const published = publishedSignatures();
	expect( Object.keys( published ) ).toHaveLength( 50 );
	for ( const index of range( 50 ) ) {
		expect( published[ `load-${ index }` ] ).toEqual( {
			session_id: `LOAD_${ index }_SESSION_ID`,
		} );
	}
	// Every runtime has its metadata too, not only its option entry.
	for ( const item of registered ) {
		expect( item.source, item.id ).toBe( 'installer' );
		expect( item.updated_at, item.id ).not.toBeNull();
	}
} );

test( '20 simultaneous PATCH toggles of different runtimes each keep their final state', async () => {
	for ( const index of range( 20 ) ) {
		await register(
			admin(),
			`toggle-${ index }`,
			{ session_id: `TOGGLE_${ index }_SESSION_ID` },
			{ enabled: 0 === index % 2 }
		);
	}
	const orderBefore = ids( await listRuntimes( admin() ) );

	const responses = await Promise.all(
		range( 20 ).map( ( index ) =>
			admin().patch< RuntimeItem >( `/runtimes/toggle-${ index }`, {
				enabled: 0 !== index % 2,
			} )
		)
	);
	for ( const response of responses ) {
		expect( response.status, response.text ).toBe( 200 );
	}

	const listed = await listRuntimes( admin() );
	expect( ids( listed ) ).toEqual( orderBefore );
	for ( const index of range( 20 ) ) {
		const item = listed.find( ( each ) => `toggle-${ index }` === each.id );
		expect( item?.enabled, `toggle-${ index }` ).toBe( 0 !== index % 2 );
		expect( item?.fields ).toEqual( {
			session_id: `TOGGLE_${ index }_SESSION_ID`,
		} );
	}
	expect( Object.keys( publishedSignatures() ).sort() ).toEqual(
		range( 20 )
			.filter( ( index ) => 0 !== index % 2 )
			.map( ( index ) => `toggle-${ index }` )
			.sort()
	);
} );

test( '10 simultaneous identical PUTs of one runtime register it exactly once', async () => {
	const responses = await Promise.all(
		range( 10 ).map( () =>
			admin().put< RuntimeItem >( '/runtimes/kimaki', {
				fields: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
					thread_url: 'KIMAKI_THREAD_URL',
				},
			} )
		)
	);
	// Exactly one request registers it; the nine others find it registered, unchanged.
	expect(
		responses.map( ( response ) => response.status ).sort(),
		responses.map( ( response ) => response.text ).join( '\n' )
	).toEqual( [ 200, 200, 200, 200, 200, 200, 200, 200, 200, 201 ] );
	const listed = await listRuntimes( admin() );
	expect( ids( listed ) ).toEqual( [ 'kimaki', 'opencode' ] );
	expect( listed[ 0 ].registered ).toBe( true );
} );

test( 'simultaneous registrations and deletions of different runtimes do not disturb each other', async () => {
	for ( const index of range( 10 ) ) {
		await register( admin(), `old-${ index }`, {
			session_id: `OLD_${ index }_SESSION_ID`,
		} );
	}
	const responses = await Promise.all( [
		...range( 10 ).map( ( index ) =>
			admin().delete( `/runtimes/old-${ index }` )
		),
		...range( 10 ).map( ( index ) =>
			admin().put( `/runtimes/new-${ index }`, {
				fields: { session_id: `NEW_${ index }_SESSION_ID` },
			} )
		),
	] );
	expect( responses.map( ( response ) => response.status ) ).toEqual( [
		...range( 10 ).map( () => 200 ),
		...range( 10 ).map( () => 201 ),
	] );
	const registered = ( await listRuntimes( admin() ) )
		.filter( ( item ) => item.registered )
		.map( ( item ) => item.id )
		.sort();
	expect( registered ).toEqual(
		range( 10 )
			.map( ( index ) => `new-${ index }` )
			.sort()
	);
	expect( Object.keys( publishedSignatures() ).sort() ).toEqual( registered );
} );
