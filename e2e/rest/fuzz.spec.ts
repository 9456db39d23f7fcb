/**
 * Property-based fuzzing of the whole REST API with fast-check: malformed requests
 * on every route and method, as anonymous, subscriber and admin. Every answer is
 * below 500; every 4xx is JSON with a message and a code docs/rest-api.md lists with
 * that status; a rejected request leaves the plugin's stored options byte-identical;
 * the site logs no PHP notice.
 *
 * WPCA_FUZZ_SEED reruns a failing run; WPCA_FUZZ_RUNS changes the count (default 1000).
 */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { basicAuth, phpProblemsInDebugLog, testSite } from '../support/site';
import { resetRegistry, undocumentedError, wpPhpAsync } from './helpers';

const SEED = Number( process.env.WPCA_FUZZ_SEED ?? Date.now() % 2147483647 );
const RUNS = Number( process.env.WPCA_FUZZ_RUNS ?? 1000 );

// Every route of the namespace; `{id}` is replaced by a generated id.
const ROUTES = [
	'/runtimes',
	'/runtimes/{id}',
	'/runtimes/{id}/reset',
	'/order',
	'/signatures',
	'/signatures/repair',
	'/attribution/preview',
	'/attribution/last-verification',
	'/attribution/observations',
	'/attribution/observation-settings',
	'/attribution/worktrees',
	'/attribution/summary',
	'/dmc',
];
const METHODS = [ 'GET', 'POST', 'PUT', 'PATCH', 'DELETE' ];

interface FuzzCase {
	role: 'anonymous' | 'subscriber' | 'admin';
	method: string;
	path: string;
	query: string;
	headers: Record< string, string >;
	body: Buffer | null;
}

const hugeString = fc.constantFrom(
	'x'.repeat( 70000 ),
	'A'.repeat( 129 ),
	'é'.repeat( 5000 )
);
const controlString = fc
	.array( fc.integer( { min: 0, max: 31 } ), { minLength: 1, maxLength: 8 } )
	.map( ( codes ) => String.fromCharCode( ...codes ) );
const weirdString = fc.oneof(
	fc.string(),
	fc.string( { unit: 'grapheme', maxLength: 20 } ),
	controlString,
	hugeString,
	fc.constantFrom( '', ' ', '0', '123', 'null', 'true', '__proto__', 'a_b' )
);
const id = fc.oneof(
	fc.constantFrom( 'kimaki', 'opencode', 'custom', 'a-b', 'x' ),
	fc.constantFrom(
		'123',
		'..',
		'%2e%2e',
		'a%2Fb',
		'%00',
		'%ff%fe',
		'KIMAKI',
		'a_b',
		'-a',
		'a--b',
		'a'.repeat( 65 ),
		'%20kimaki'
	),
	weirdString.map( ( value ) => encodeURIComponent( value ).slice( 0, 3000 ) )
);
const nested = fc
	.integer( { min: 50, max: 600 } )
	.map( ( depth ) => '['.repeat( depth ) + ']'.repeat( depth ) );
const fieldsLike = fc.oneof(
	fc.dictionary( weirdString, fc.oneof( weirdString, fc.jsonValue() ), {
		maxKeys: 20,
	} ),
	fc.array( fc.jsonValue(), { maxLength: 20 } ),
	fc.jsonValue(),
	fc.constant(
		Object.fromEntries(
			Array.from( { length: 40 }, ( _, i ) => [ `k${ i }`, `V${ i }` ] )
		)
	),
	// Names that look like credentials (refused: wpca_secret_env_name).
	fc
		.constantFrom(
			'GITHUB_TOKEN',
			'AWS_SECRET_ACCESS_KEY',
			'WPCA_APP_PASSWORD'
		)
		.map( ( name ) => ( { session_id: name } ) )
);
// JSON numbers beyond PHP's integers, and others a client may send for an integer.
const jsonNumber = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constantFrom( 1e300, -1e300, 2 ** 63, -( 2 ** 63 ), 2 ** 53 + 1, 0, -1 )
);
const bodyObject = fc.record(
	{
		fields: fieldsLike,
		enabled: fc.oneof( fc.boolean(), fc.jsonValue() ),
		label: fc.oneof(
			weirdString,
			fc.jsonValue(),
			fc.constantFrom( 'evil\u202Eikamik', '\u2066\u202E' )
		),
		order: fc.oneof(
			fc.array( fc.oneof( id, fc.jsonValue() ), { maxLength: 80 } ),
			fc.jsonValue()
		),
		env: fc.oneof(
			fc.dictionary(
				weirdString,
				fc.oneof( weirdString, fc.jsonValue() ),
				{
					maxKeys: 30,
				}
			),
			fc.jsonValue()
		),
		record: fc.jsonValue(),
		window_days: fc.oneof( jsonNumber, fc.jsonValue() ),
		page: jsonNumber,
		per_page: jsonNumber,
		extra: fc.jsonValue(),
	},
	{ requiredKeys: [] }
);
const body: fc.Arbitrary< Buffer | null > = fc.oneof(
	fc.constant( null ),
	bodyObject.map( ( value ) => Buffer.from( JSON.stringify( value ) ) ),
	fc.jsonValue().map( ( value ) => Buffer.from( JSON.stringify( value ) ) ),
	nested.map( ( text ) => Buffer.from( text ) ),
	fc
		.constantFrom(
			'{"fields":{"session_id":"A"},"fields":{"x":1}}',
			'{"order":["a"],"order":"b"}',
			'{"fields":',
			'{"label":"\\ud800"}',
			'"just a string"',
			'42',
			'true',
			'null',
			'fields[session_id]=X&enabled=1'
		)
		.map( ( text ) => Buffer.from( text ) ),
	// Invalid UTF-8.
	fc
		.uint8Array( { minLength: 1, maxLength: 64 } )
		.map( ( bytes ) =>
			Buffer.concat( [
				Buffer.from( '{"label":"' ),
				Buffer.from( bytes ),
				Buffer.from( [ 0xff, 0xfe ] ),
				Buffer.from( '"}' ),
			] )
		)
);
const contentType = fc.constantFrom(
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/xml',
	''
);
const ifMatch = fc.oneof(
	fc.constant( undefined ),
	fc.constantFrom(
		'*',
		'"0000000000000000"',
		'no-quotes',
		'W/"x"',
		'"a", "b"',
		// RFC 9110: a quoted "*" is an ordinary tag; a wildcard inside a list is malformed.
		'"*"',
		'"a", *',
		'""'
	),
	// Whatever a client can put in a header: visible ASCII, spaces and tabs.
	weirdString.map( ( value ) =>
		value.replace( /[^\t\x20-\x7e]/g, '' ).slice( 0, 200 )
	)
);
const query = fc.oneof(
	fc.constant( '' ),
	fc.constantFrom(
		'?force=true',
		'?force=yes',
		'?page=0',
		'?page=-1&per_page=1000',
		'?per_page=abc',
		'?_method=DELETE',
		'?rest_route=/wp/v2/users',
		'?force[]=1'
	)
);

const fuzzCase: fc.Arbitrary< FuzzCase > = fc
	.record( {
		role: fc.constantFrom(
			'anonymous' as const,
			'subscriber' as const,
			'admin' as const,
			'admin' as const
		),
		method: fc.constantFrom( ...METHODS ),
		route: fc.constantFrom( ...ROUTES ),
		id,
		query,
		body,
		contentType,
		ifMatch,
		extraHeader: fc.option(
			fc.constantFrom(
				[ 'X-HTTP-Method-Override', 'DELETE' ],
				[ 'X-WP-Nonce', 'deadbeef00' ],
				[ 'Accept', 'text/html' ]
			)
		),
	} )
	.map( ( generated ) => {
		const headers: Record< string, string > = {};
		if ( 'anonymous' !== generated.role ) {
			headers.Authorization = basicAuth( generated.role );
		}
		if ( generated.contentType ) {
			headers[ 'Content-Type' ] = generated.contentType;
		}
		if ( undefined !== generated.ifMatch ) {
			headers[ 'If-Match' ] = generated.ifMatch;
		}
		if ( generated.extraHeader ) {
			headers[ generated.extraHeader[ 0 ] ] = generated.extraHeader[ 1 ];
		}
		return {
			role: generated.role,
			method: generated.method,
			path: generated.route.replace( '{id}', generated.id ),
			query: generated.query,
			headers,
			// fetch() refuses a body on GET.
			body: 'GET' === generated.method ? null : generated.body,
		};
	} );

/** The plugin's stored rows, byte for byte, read by a PHP worker of the site. */
function storedRows(): Promise< string > {
	return wpPhpAsync(
		`global $wpdb; echo wp_json_encode( $wpdb->get_results( "SELECT option_name, option_value, autoload FROM $wpdb->options WHERE option_name LIKE 'wpca\\\\_%' OR option_name = 'datamachine_code_worktree_runtime_signatures' ORDER BY option_name", ARRAY_A ) );`
	);
}

test( 'fuzzing every route: no 5xx, every 4xx explains itself, rejected requests change nothing', async () => {
	test.setTimeout( 15 * 60 * 1000 );
	test.skip( ! testSite().evalUrl, 'needs the test site’s eval entry point' );
	resetRegistry();
	const problemsBefore = phpProblemsInDebugLog().length;
	const base = testSite().restUrl.replace( /\/wp-json\/$/, '' );
	let sent = 0;
	const statuses: Record< string, number > = {};
	process.stdout.write( `fuzz: seed ${ SEED }, ${ RUNS } runs\n` );
	let before = await storedRows();
	try {
		await fc.assert(
			fc.asyncProperty( fuzzCase, async ( request ) => {
				const url = `${ base }/wp-json/wp-coding-agents/v1${ request.path }${ request.query }`;
				const response = await fetch( url, {
					method: request.method,
					headers: request.headers,
					body: request.body
						? new Uint8Array( request.body )
						: undefined,
					redirect: 'manual',
				} );
				sent++;
				const text = await response.text();
				const status = response.status;
				statuses[ `${ Math.floor( status / 100 ) }xx` ] =
					( statuses[ `${ Math.floor( status / 100 ) }xx` ] ?? 0 ) +
					1;
				const where = `${ request.role } ${ request.method } ${ request.path.slice( 0, 200 ) }${ request.query } -> ${ status }: ${ text.slice( 0, 300 ) }`;
				expect( status, where ).toBeLessThan( 500 );
				// PHP's built-in server answers a path that looks like a file name
				// (a dot in a segment) itself (404, or 405 for other methods than GET),
				// without running WordPress.
				const notWordPress =
					( 404 === status || 405 === status ) &&
					text.startsWith( '<!doctype html><html><head><title>' );
				if ( notWordPress ) {
					statuses[ 'php -S 404' ] =
						( statuses[ 'php -S 404' ] ?? 0 ) + 1;
					expect( await storedRows(), where ).toBe( before );
				} else if ( status >= 400 ) {
					let error: { code?: unknown; message?: unknown } = {};
					try {
						error = JSON.parse( text ) as typeof error;
					} catch {
						// Reported below.
					}
					expect( typeof error.code, where ).toBe( 'string' );
					// `?rest_route=` hands the request to another namespace's route.
					if ( ! request.query.includes( 'rest_route=' ) ) {
						expect(
							undocumentedError( status, error ),
							where
						).toBeNull();
					}
					expect( typeof error.message, where ).toBe( 'string' );
					expect(
						( error.message as string ).length,
						where
					).toBeGreaterThan( 0 );
					const after = await storedRows();
					expect(
						after,
						`${ where }\nchanged the stored options`
					).toBe( before );
				} else {
					before = await storedRows();
				}
			} ),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
	} finally {
		process.stdout.write(
			`fuzz: ${ sent } requests sent, seed ${ SEED }, answers ${ JSON.stringify( statuses ) }\n`
		);
	}
	expect( sent ).toBeGreaterThanOrEqual( RUNS );
	expect( phpProblemsInDebugLog().slice( problemsBefore ) ).toEqual( [] );
	resetRegistry();
} );
