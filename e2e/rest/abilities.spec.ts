/**
 * The plugin's abilities through core's Abilities API routes (/wp-abilities/v1), as
 * an agent or MCP adapter calls them: anonymous and subscriber are refused and change
 * nothing; an admin lists, registers (idempotently), previews, records a
 * verification and unregisters, with the REST API's own rules and schemas.
 */
import { expect, test } from '@playwright/test';
import { testSite } from '../support/site';
import {
	anonymousClient,
	clientAs,
	publishedSignatures,
	setUpAdminClient,
	storedState,
	type RestClient,
} from './helpers';

const admin = setUpAdminClient();

const ABILITIES = [
	'wp-coding-agents/list-catalogue',
	'wp-coding-agents/list-runtimes',
	'wp-coding-agents/register-runtime',
	'wp-coding-agents/unregister-runtime',
	'wp-coding-agents/preview-attribution',
	'wp-coding-agents/record-verification',
	'wp-coding-agents/attribution-status',
];

/**
 * How core's run route expects each ability: readonly by GET, destructive+idempotent by
 * DELETE, the others by POST (preview-attribution too: its input is an environment, which
 * must not travel in a URL).
 */
const METHOD: Record< string, string > = {
	'wp-coding-agents/list-catalogue': 'GET',
	'wp-coding-agents/list-runtimes': 'GET',
	'wp-coding-agents/unregister-runtime': 'DELETE',
	'wp-coding-agents/attribution-status': 'GET',
};

const VALID_INPUT: Record< string, unknown > = {
	'wp-coding-agents/register-runtime': {
		id: 'my-agent',
		fields: { session_id: 'MY_AGENT_SESSION_ID' },
	},
	'wp-coding-agents/unregister-runtime': { id: 'kimaki' },
	'wp-coding-agents/preview-attribution': {
		env: { KIMAKI_SESSION_ID: 's-1' },
	},
	'wp-coding-agents/record-verification': {
		env: { KIMAKI_SESSION_ID: 's-1' },
	},
};

/**
 * Flattens input into the `input[...]` query parameters core reads for GET and DELETE.
 * @param value
 * @param prefix
 */
function query( value: unknown, prefix = 'input' ): string[] {
	if ( value && 'object' === typeof value ) {
		return Object.entries( value ).flatMap( ( [ key, child ] ) =>
			query( child, `${ prefix }[${ key }]` )
		);
	}
	return [
		`${ encodeURIComponent( prefix ) }=${ encodeURIComponent( String( value ) ) }`,
	];
}

async function run< T = any >(
	client: RestClient,
	ability: string,
	input?: unknown
): Promise< { status: number; body: T } > {
	const method = METHOD[ ability ] ?? 'POST';
	let url = `${ testSite().restUrl }wp-abilities/v1/abilities/${ ability }/run`;
	const options: Parameters< RestClient[ 'context' ][ 'fetch' ] >[ 1 ] = {
		method,
		headers: { ...( client as any ).headers },
		maxRedirects: 0,
	};
	if ( 'POST' === method ) {
		options.headers![ 'Content-Type' ] = 'application/json';
		options.data = JSON.stringify( undefined === input ? {} : { input } );
	} else if ( undefined !== input ) {
		url += `?${ query( input ).join( '&' ) }`;
	}
	const response = await client.context.fetch( url, options );
	const text = await response.text();
	expect( response.status(), text ).toBeLessThan( 500 );
	return { status: response.status(), body: JSON.parse( text ) as T };
}

test( 'the preview ability takes the environment in its JSON body, never in the URL (access logs, proxies)', async () => {
	const url = `${ testSite().restUrl }wp-abilities/v1/abilities/wp-coding-agents/preview-attribution/run?${ query(
		{ env: { KIMAKI_SESSION_ID: 'in-the-url-5d1e' } }
	).join( '&' ) }`;
	const response = await admin().context.fetch( url, {
		headers: { ...( admin() as any ).headers },
		maxRedirects: 0,
	} );
	const text = await response.text();
	expect( response.status(), text ).toBe( 405 );
	expect( JSON.parse( text ).code ).toBe( 'rest_ability_invalid_method' );
	expect( text ).not.toContain( 'in-the-url-5d1e' );

	await run(
		admin(),
		'wp-coding-agents/register-runtime',
		VALID_INPUT[ 'wp-coding-agents/register-runtime' ]
	);
	const posted = await run( admin(), 'wp-coding-agents/preview-attribution', {
		env: { MY_AGENT_SESSION_ID: 'in-the-body-5d1e' },
	} );
	await run( admin(), 'wp-coding-agents/unregister-runtime', {
		id: 'my-agent',
	} );
	expect( posted.status, JSON.stringify( posted.body ) ).toBe( 200 );
	expect( posted.body.origin_session.primary_id ).toBe( 'in-the-body-5d1e' );
} );

test( 'anonymous and subscriber may not run any ability, and nothing changes', async () => {
	const before = storedState();
	const anonymous = await anonymousClient();
	const subscriber = await clientAs( 'subscriber' );
	for ( const ability of ABILITIES ) {
		const input = VALID_INPUT[ ability ];
		expect(
			( await run( anonymous, ability, input ) ).status,
			`anonymous ${ ability }`
		).toBe( 401 );
		expect(
			( await run( subscriber, ability, input ) ).status,
			`subscriber ${ ability }`
		).toBe( 403 );
	}
	expect( storedState() ).toBe( before );
	await anonymous.dispose();
	await subscriber.dispose();
} );

test( 'the abilities are listed in their category with the REST schema as input schema', async () => {
	const list = await admin().context.fetch(
		`${ testSite().restUrl }wp-abilities/v1/abilities?category=coding-agent-runtimes&per_page=100`,
		{ headers: { ...( admin() as any ).headers } }
	);
	expect( list.status(), await list.text() ).toBe( 200 );
	const abilities = ( await list.json() ) as Array< {
		name: string;
		input_schema: any;
	} >;
	expect( abilities.map( ( a ) => a.name ).sort() ).toEqual(
		[ ...ABILITIES ].sort()
	);

	// The same field rules PUT /runtimes/<id> publishes in its args.
	const options = await admin().call< any >( 'OPTIONS', '/runtimes/kimaki' );
	const put = options.body.endpoints.find( ( e: any ) =>
		e.methods.includes( 'PUT' )
	);
	const register = abilities.find(
		( a ) => a.name === 'wp-coding-agents/register-runtime'
	)!;
	for ( const property of [ 'id', 'fields', 'label' ] ) {
		for ( const keyword of [
			'pattern',
			'maxLength',
			'maxProperties',
			'patternProperties',
		] ) {
			expect(
				register.input_schema.properties[ property ][ keyword ],
				`${ property }.${ keyword }`
			).toEqual( put.args[ property ][ keyword ] );
		}
	}
	// `fields`, or `preset` instead: the route answers which one is missing.
	expect( register.input_schema.required ).toEqual( [ 'id' ] );
} );

test( 'an admin lists, registers, previews, records and unregisters through the abilities', async () => {
	const listed = await run( admin(), 'wp-coding-agents/list-runtimes' );
	expect( listed.status ).toBe( 200 );
	expect( listed.body.runtimes.map( ( r: any ) => r.id ) ).toEqual( [
		'kimaki',
		'opencode',
	] );
	expect( listed.body.signatures.signatures ).toEqual( {} );

	const registered = await run(
		admin(),
		'wp-coding-agents/register-runtime',
		VALID_INPUT[ 'wp-coding-agents/register-runtime' ]
	);
	expect( registered.status, JSON.stringify( registered.body ) ).toBe( 200 );
	expect( registered.body ).toMatchObject( {
		id: 'my-agent',
		enabled: true,
		source: 'installer',
	} );
	expect( publishedSignatures() ).toEqual( {
		'my-agent': { session_id: 'MY_AGENT_SESSION_ID' },
	} );

	// Idempotent: the same registration again changes nothing.
	const state = storedState();
	const again = await run(
		admin(),
		'wp-coding-agents/register-runtime',
		VALID_INPUT[ 'wp-coding-agents/register-runtime' ]
	);
	expect( again.body.updated_at ).toBe( registered.body.updated_at );
	expect( storedState() ).toBe( state );

	const preview = await run(
		admin(),
		'wp-coding-agents/preview-attribution',
		{ env: { MY_AGENT_SESSION_ID: 'ses-42' } }
	);
	expect( preview.status, JSON.stringify( preview.body ) ).toBe( 200 );
	expect( preview.body.origin_session ).toEqual( {
		primary_id: 'ses-42',
		ids: { 'my-agent': { session_id: 'ses-42' } },
	} );
	expect( preview.body.recorded ).toBe( false );
	expect( storedState() ).toBe( state );

	const recorded = await run(
		admin(),
		'wp-coding-agents/record-verification',
		{ env: { MY_AGENT_SESSION_ID: 'ses-42' }, host: 'agent-box' }
	);
	expect( recorded.status, JSON.stringify( recorded.body ) ).toBe( 200 );
	expect( recorded.body.recorded ).toBe( true );
	const last = await admin().get< any >( '/attribution/last-verification' );
	expect( last.body.verification ).toMatchObject( {
		found: [ 'MY_AGENT_SESSION_ID' ],
		primary_runtime: 'my-agent',
		host: 'agent-box',
	} );

	// Is attribution working? The same answer as GET /attribution/status: seen in an
	// agent process, and (DMC not being installed on this site) recorded by nothing.
	const status = await run( admin(), 'wp-coding-agents/attribution-status' );
	expect( status.status, JSON.stringify( status.body ) ).toBe( 200 );
	const mine = status.body.runtimes.find(
		( runtime: any ) => 'my-agent' === runtime.id
	);
	expect( mine ).toMatchObject( {
		verdict: 'not_recorded',
		cause: 'dmc_absent',
		action: { kind: 'dmc_plugin' },
	} );
	const route = await admin().get< any >( '/attribution/status' );
	expect(
		route.body.runtimes.map( ( runtime: any ) => [
			runtime.id,
			runtime.verdict,
			runtime.reason,
		] )
	).toEqual(
		status.body.runtimes.map( ( runtime: any ) => [
			runtime.id,
			runtime.verdict,
			runtime.reason,
		] )
	);

	const removed = await run( admin(), 'wp-coding-agents/unregister-runtime', {
		id: 'my-agent',
	} );
	expect( removed.status ).toBe( 200 );
	expect( removed.body.deleted ).toBe( true );
	expect( publishedSignatures() ).toEqual( {} );
	const removedAgain = await run(
		admin(),
		'wp-coding-agents/unregister-runtime',
		{ id: 'my-agent' }
	);
	expect( removedAgain.body.deleted ).toBe( false );
} );

test( 'an agent reads the catalogue and adds Codex from it through the abilities', async () => {
	const listed = await run( admin(), 'wp-coding-agents/list-catalogue' );
	expect( listed.status, JSON.stringify( listed.body ) ).toBe( 200 );
	const codex = listed.body.runtimes.find( ( r: any ) => 'codex' === r.id );
	expect( codex ).toMatchObject( {
		registered: false,
		fields: { session_id: 'CODEX_THREAD_ID' },
	} );

	const added = await run( admin(), 'wp-coding-agents/register-runtime', {
		id: 'codex',
		preset: 'codex',
	} );
	expect( added.status, JSON.stringify( added.body ) ).toBe( 200 );
	expect( added.body ).toMatchObject( { id: 'codex', label: 'Codex' } );
	expect( publishedSignatures() ).toEqual( {
		codex: { session_id: 'CODEX_THREAD_ID' },
	} );
} );

test( 'invalid input is refused with a 400 and stores nothing', async () => {
	const before = storedState();
	for ( const input of [
		{ id: 'My_Agent', fields: { session_id: 'X' } },
		{ id: 'my-agent', fields: { session_id: '1BAD' } },
		{ id: 'my-agent' },
	] ) {
		const response = await run(
			admin(),
			'wp-coding-agents/register-runtime',
			input
		);
		expect( response.status, JSON.stringify( input ) ).toBe( 400 );
	}
	expect( storedState() ).toBe( before );
} );
