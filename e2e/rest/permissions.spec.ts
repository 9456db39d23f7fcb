/**
 * Every route as every kind of caller, in the style of WordPress/two-factor's
 * REST tests: anonymous, subscriber and editor are refused and store nothing,
 * the administrator succeeds; cookie auth needs the wp_rest nonce.
 */
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import {
	anonymousClient,
	clientAs,
	cookieSession,
	RestClient,
	setUpAdminClient,
	storedState,
	writeMuPlugin,
	PRESET_FIELDS,
	type ErrorBody,
	type RuntimeItem,
	type SignaturesBody,
} from './helpers';
import { testSite } from '../support/site';

interface RouteCase {
	name: string;
	method: string;
	route: string;
	body?: unknown;
	/** Status the administrator gets on a site where only kimaki is registered. */
	adminStatus: number;
	write: boolean;
}

const ROUTES: RouteCase[] = [
	{
		name: 'GET /runtimes',
		method: 'GET',
		route: '/runtimes',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /runtimes/<id>',
		method: 'GET',
		route: '/runtimes/kimaki',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'PUT /runtimes/<id>',
		method: 'PUT',
		route: '/runtimes/perm-check',
		body: { fields: { session_id: 'PERM_CHECK_SESSION_ID' } },
		adminStatus: 201,
		write: true,
	},
	{
		name: 'PATCH /runtimes/<id>',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: { enabled: false },
		adminStatus: 200,
		write: true,
	},
	{
		name: 'DELETE /runtimes/<id>',
		method: 'DELETE',
		route: '/runtimes/kimaki',
		adminStatus: 200,
		write: true,
	},
	{
		name: 'PUT /order',
		method: 'PUT',
		route: '/order',
		body: { order: [ 'kimaki' ] },
		adminStatus: 200,
		write: true,
	},
	{
		name: 'GET /signatures',
		method: 'GET',
		route: '/signatures',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'POST /signatures/repair',
		method: 'POST',
		route: '/signatures/repair',
		adminStatus: 200,
		write: true,
	},
	{
		name: 'POST /attribution/preview',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: { KIMAKI_SESSION_ID: 'abc' } },
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /attribution/last-verification',
		method: 'GET',
		route: '/attribution/last-verification',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /attribution/observations',
		method: 'GET',
		route: '/attribution/observations',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /attribution/observation-settings',
		method: 'GET',
		route: '/attribution/observation-settings',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /attribution/status',
		method: 'GET',
		route: '/attribution/status',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /attribution/worktrees with a query',
		method: 'GET',
		route: '/attribution/worktrees?runtime=kimaki&attributed=false&search=x&orderby=handle&order=asc',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'GET /foreign-signatures',
		method: 'GET',
		route: '/foreign-signatures',
		adminStatus: 200,
		write: false,
	},
	{
		// Nothing declares it on the test site: the admin learns there is nothing to adopt.
		name: 'POST /foreign-signatures/<id>/adopt',
		method: 'POST',
		route: '/foreign-signatures/legacy-agent/adopt',
		adminStatus: 404,
		write: false,
	},
	{
		name: 'GET /catalogue',
		method: 'GET',
		route: '/catalogue',
		adminStatus: 200,
		write: false,
	},
	{
		name: 'PUT /runtimes/<id> with a preset',
		method: 'PUT',
		route: '/runtimes/codex',
		body: { preset: 'codex' },
		adminStatus: 201,
		write: true,
	},
	{
		name: 'PUT /attribution/observation-settings',
		method: 'PUT',
		route: '/attribution/observation-settings',
		body: { window_days: 14 },
		adminStatus: 200,
		write: false,
	},
];

const admin = setUpAdminClient();

const clients: Partial<
	Record< 'anonymous' | 'subscriber' | 'editor', RestClient >
> = {};

function client( who: keyof typeof clients ): RestClient {
	const found = clients[ who ];
	if ( ! found ) {
		throw new Error( `no client for ${ who }` );
	}
	return found;
}

test.beforeAll( async () => {
	clients.anonymous = await anonymousClient();
	clients.subscriber = await clientAs( 'subscriber' );
	clients.editor = await clientAs( 'editor' );
} );

test.afterAll( async () => {
	await Promise.all(
		Object.values( clients ).map( ( each ) => each?.dispose() )
	);
} );

type RouteRequest = Pick< RouteCase, 'method' | 'route' | 'body' >;

/**
 * The caller is refused with `status` and `code`, and the stored options stay
 * byte-for-byte what they were.
 * @param caller
 * @param request
 * @param status
 * @param code
 */
async function expectRefused(
	caller: RestClient,
	request: RouteRequest,
	status: number,
	code: string
): Promise< void > {
	const before = storedState();
	const response = await caller.call< ErrorBody >(
		request.method,
		request.route,
		request.body
	);
	expect( response.status, response.text ).toBe( status );
	expect( response.body.code ).toBe( code );
	expect( storedState() ).toBe( before );
}

test.beforeEach( async () => {
	const seeded = await admin().put( '/runtimes/kimaki', {
		fields: PRESET_FIELDS.kimaki,
	} );
	expect( seeded.status, seeded.text ).toBe( 201 );
} );

for ( const route of ROUTES ) {
	test.describe( route.name, () => {
		test( 'anonymous gets 401 rest_forbidden and nothing is stored', async () => {
			await expectRefused(
				client( 'anonymous' ),
				route,
				401,
				'rest_forbidden'
			);
		} );

		for ( const role of [ 'subscriber', 'editor' ] as const ) {
			test( `${ role } (Application Password) gets 403 rest_forbidden and nothing is stored`, async () => {
				await expectRefused(
					client( role ),
					route,
					403,
					'rest_forbidden'
				);
			} );
		}

		test( `admin (Application Password) gets ${ route.adminStatus }`, async () => {
			const before = storedState();
			const response = await admin().call(
				route.method,
				route.route,
				route.body
			);
			expect( response.status, response.text ).toBe( route.adminStatus );
			if (
				route.write &&
				'POST /signatures/repair' !== route.name &&
				'PUT /order' !== route.name
			) {
				expect( storedState() ).not.toBe( before );
			}
		} );

		test( 'OPTIONS describes the schema and the arguments', async () => {
			const response = await admin().call< {
				schema?: { properties?: Record< string, unknown > };
				endpoints?: Array< {
					methods: string[];
					args: Record< string, unknown >;
				} >;
			} >( 'OPTIONS', route.route );
			expect( response.status, response.text ).toBe( 200 );
			expect( response.body.schema?.properties ).toBeInstanceOf( Object );
			expect(
				Object.keys( response.body.schema?.properties ?? {} ).length
			).toBeGreaterThan( 0 );
			const endpoints = response.body.endpoints ?? [];
			const methods = endpoints.flatMap(
				( endpoint ) => endpoint.methods
			);
			expect( methods ).toContain( route.method );
			for ( const endpoint of endpoints ) {
				expect( endpoint.args ).toBeInstanceOf( Object );
			}
			if ( undefined !== route.body && null !== route.body ) {
				const endpoint = endpoints.find( ( each ) =>
					each.methods.includes( route.method )
				);
				for ( const key of Object.keys( route.body as object ) ) {
					expect(
						Object.keys( endpoint?.args ?? {} ),
						`${ route.method } args list "${ key }"`
					).toContain( key );
				}
			}
		} );
	} );
}

test( 'OPTIONS /runtimes/<id> lists fields, enabled and label for PUT and PATCH', async () => {
	const response = await admin().call< {
		schema: { properties: Record< string, unknown > };
		endpoints: Array< {
			methods: string[];
			args: Record< string, unknown >;
		} >;
	} >( 'OPTIONS', '/runtimes/kimaki' );
	expect( response.status ).toBe( 200 );
	expect( Object.keys( response.body.schema.properties ) ).toEqual(
		expect.arrayContaining( [
			'id',
			'label',
			'fields',
			'enabled',
			'registered',
			'preset',
			'source',
			'updated_at',
			'updated_by',
			'collision',
		] )
	);
	for ( const method of [ 'PUT', 'PATCH' ] ) {
		const endpoint = response.body.endpoints.find( ( each ) =>
			each.methods.includes( method )
		);
		expect( Object.keys( endpoint?.args ?? {} ) ).toEqual(
			expect.arrayContaining( [ 'fields', 'enabled', 'label' ] )
		);
	}
} );

test.describe( 'cookie authentication', () => {
	const cookieCheckPut: RouteRequest = {
		method: 'PUT',
		route: '/runtimes/cookie-check',
		body: { fields: { session_id: 'NONCE_CHECK_SESSION_ID' } },
	};

	test( 'a bad X-WP-Nonce is refused with rest_cookie_invalid_nonce and nothing is stored', async () => {
		const { context } = await cookieSession( 'admin' );
		const cookieClient = new RestClient( context, {
			'X-WP-Nonce': 'badnonce00',
		} );
		await expectRefused(
			cookieClient,
			cookieCheckPut,
			403,
			'rest_cookie_invalid_nonce'
		);
		await context.dispose();
	} );

	test( 'cookies without any nonce count as anonymous', async () => {
		const { context } = await cookieSession( 'admin' );
		const cookieClient = new RestClient( context );
		await expectRefused(
			cookieClient,
			cookieCheckPut,
			401,
			'rest_forbidden'
		);
		await context.dispose();
	} );

	test( 'the real nonce writes with source "admin"; Application Passwords write with source "installer"', async () => {
		const { context, nonce } = await cookieSession( 'admin' );
		const cookieClient = new RestClient( context, { 'X-WP-Nonce': nonce } );
		const viaCookie = await cookieClient.put< RuntimeItem >(
			'/runtimes/cookie-check',
			{ fields: { session_id: 'NONCE_CHECK_SESSION_ID' } }
		);
		expect( viaCookie.status, viaCookie.text ).toBe( 201 );
		expect( viaCookie.body.source ).toBe( 'admin' );
		expect( viaCookie.body.updated_by ).toBe( 'admin' );

		const listed = await cookieClient.get< RuntimeItem[] >( '/runtimes' );
		expect( listed.status ).toBe( 200 );
		expect(
			listed.body.find( ( item ) => 'cookie-check' === item.id )?.source
		).toBe( 'admin' );

		const viaAppPassword = await admin().put< RuntimeItem >(
			'/runtimes/installer-check',
			{ fields: { session_id: 'INSTALLER_CHECK_ID' } }
		);
		expect( viaAppPassword.status ).toBe( 201 );
		expect( viaAppPassword.body.source ).toBe( 'installer' );

		// A later admin-screen change to an installer registration takes over the source.
		const toggled = await cookieClient.patch< RuntimeItem >(
			'/runtimes/installer-check',
			{ enabled: false }
		);
		expect( toggled.status, toggled.text ).toBe( 200 );
		expect( toggled.body.source ).toBe( 'admin' );
		await context.dispose();
	} );

	test( 'a subscriber with a valid nonce is still refused with 403', async () => {
		const { context, nonce } = await cookieSession( 'subscriber' );
		const cookieClient = new RestClient( context, { 'X-WP-Nonce': nonce } );
		await expectRefused(
			cookieClient,
			cookieCheckPut,
			403,
			'rest_forbidden'
		);
		const signatures =
			await cookieClient.get< SignaturesBody >( '/signatures' );
		expect( signatures.status ).toBe( 403 );
		await context.dispose();
	} );
} );

test( 'the wpca_required_capability filter changes who may manage runtimes', async () => {
	const file = writeMuPlugin(
		'wpca-test-capability.php',
		`<?php
// Test fixture: let editors manage runtimes.
add_filter(
	'wpca_required_capability',
	function () {
		return 'edit_others_posts';
	}
);
`
	);
	try {
		const editor = await client( 'editor' ).put< RuntimeItem >(
			'/runtimes/by-editor',
			{ fields: { session_id: 'BY_EDITOR_ID' } }
		);
		expect( editor.status, editor.text ).toBe( 201 );
		expect( editor.body.updated_by ).toBe(
			testSite().users.editor.username
		);
		const subscriber =
			await client( 'subscriber' ).get< ErrorBody >( '/runtimes' );
		expect( subscriber.status ).toBe( 403 );
	} finally {
		fs.rmSync( file, { force: true } );
	}
	const editorAgain =
		await client( 'editor' ).get< ErrorBody >( '/runtimes' );
	expect( editorAgain.status ).toBe( 403 );
} );
