/**
 * GET /dmc, /attribution/worktrees and /attribution/summary: who may read them,
 * and core's collection conventions (X-WP-Total, X-WP-TotalPages, 400 past the
 * last page).
 */
import { expect, test } from '@playwright/test';
import {
	clearDmcRecords,
	installDmc,
	removeDmc,
	seedDmcRecords,
	SEEDED_RECORDS,
} from '../support/dmc';
import { basicAuth } from '../support/site';
import {
	routeUrl,
	setUpAdminClient,
	anonymousClient,
	clientAs,
} from './helpers';

const ROUTES = [ '/dmc', '/attribution/worktrees', '/attribution/summary' ];

const admin = setUpAdminClient();

test.afterAll( () => {
	clearDmcRecords();
	removeDmc();
} );

test( 'anonymous 401, subscriber and editor 403, on every DMC route', async () => {
	const anonymous = await anonymousClient();
	const subscriber = await clientAs( 'subscriber' );
	const editor = await clientAs( 'editor' );
	for ( const route of ROUTES ) {
		const refused = await anonymous.get< { code: string } >( route );
		expect( refused.status, route ).toBe( 401 );
		expect( refused.body.code ).toBe( 'rest_forbidden' );
		for ( const client of [ subscriber, editor ] ) {
			const forbidden = await client.get< { code: string } >( route );
			expect( forbidden.status, route ).toBe( 403 );
			expect( forbidden.body.code ).toBe( 'rest_forbidden' );
		}
		expect( ( await admin().get( route ) ).status, route ).toBe( 200 );
	}
	await Promise.all(
		[ anonymous, subscriber, editor ].map( ( client ) => client.dispose() )
	);
} );

test( 'GET /dmc follows the plugin file: absent, inactive, active', async () => {
	removeDmc();
	expect( ( await admin().get< { state: string } >( '/dmc' ) ).body ).toEqual(
		expect.objectContaining( { state: 'absent', installed: false } )
	);

	installDmc( '0.47.7', false );
	expect( ( await admin().get( '/dmc' ) ).body ).toEqual(
		expect.objectContaining( { state: 'inactive', version: '0.47.7' } )
	);

	installDmc( '0.47.7' );
	// Active, so loaded in this request: its constant is defined.
	expect( ( await admin().get( '/dmc' ) ).body ).toEqual(
		expect.objectContaining( {
			state: 'active',
			active: true,
			loaded: true,
			consumes: { origin_session: true, lock_owner: false },
		} )
	);
} );

test( 'GET /attribution/worktrees pages like core collections', async () => {
	seedDmcRecords( SEEDED_RECORDS );

	const context = admin().context;
	const response = await context.get(
		`${ routeUrl( '/attribution/worktrees' ) }?per_page=2`,
		{ headers: { Authorization: basicAuth( 'admin' ) } }
	);
	expect( response.status() ).toBe( 200 );
	expect( response.headers()[ 'x-wp-total' ] ).toBe( '3' );
	expect( response.headers()[ 'x-wp-totalpages' ] ).toBe( '2' );
	const rows = ( await response.json() ) as Array< {
		handle: string;
		origin_session: { primary_id: string | null };
		primary_runtime: string | null;
		legacy: boolean;
	} >;
	expect( rows.map( ( row ) => row.handle ) ).toEqual( [
		'wp-coding-agents@fix-login',
		'data-machine@docs',
	] );

	const second = await admin().get< typeof rows >(
		'/attribution/worktrees?per_page=2&page=2'
	);
	expect( second.body[ 0 ] ).toEqual(
		expect.objectContaining( {
			handle: 'site@legacy-branch',
			created_at: '2026-04-02T08:00:00+00:00',
			legacy: true,
			primary_runtime: 'kimaki',
			// Nothing is registered in this spec: DMC falls back to any captured value.
			primary_rule: 'captured_value',
			origin_session: {
				primary_id: 'legacy-kimaki-7',
				ids: {
					kimaki: {
						session_id: 'legacy-kimaki-7',
						thread_url: 'https://discord.com/channels/3/4',
					},
				},
			},
		} )
	);

	const beyond = await admin().get< { code: string } >(
		'/attribution/worktrees?per_page=2&page=3'
	);
	expect( beyond.status ).toBe( 400 );
	expect( beyond.body.code ).toBe( 'wpca_invalid_page' );
	const bad = await admin().get< { code: string; message: string } >(
		'/attribution/worktrees?per_page=500'
	);
	expect( bad.status ).toBe( 400 );
	expect( bad.body.code ).toBe( 'wpca_invalid_per_page' );
	expect( bad.body.message ).toContain( 'per_page' );
} );
