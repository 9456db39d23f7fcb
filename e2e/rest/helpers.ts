/**
 * Shared plumbing for the REST specs: authenticated request contexts for each
 * role, direct option inspection through wpPhp, and the preset defaults the
 * contract promises.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext,
} from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import type { LockBudget, Runtime } from '../../src/api/types';
import { ROOT, basicAuth, testSite, wpPhp, type Role } from '../support/site';

export const SIGNATURES_OPTION = 'datamachine_code_worktree_runtime_signatures';
export const META_OPTION = 'wpca_runtime_meta';

export type Fields = Record< string, string >;

export type RuntimeItem = Runtime;

export interface SignaturesBody {
	signatures: Record< string, Fields >;
	collisions: Array< { id: string; ours: unknown; theirs: unknown } >;
	problems: Array< {
		id: string;
		subkey?: string;
		code: string;
		message: string;
	} >;
	/** Other code's failing callbacks and credential-like names (GET /signatures). */
	findings: Array< {
		code: string;
		message: string;
		variable: string | null;
	} >;
	/** DMC's lock metadata budget at 300 bytes a declared value. */
	lock_budget: LockBudget;
}

export interface ErrorBody {
	code: string;
	message: string;
	data: { status: number; params?: Record< string, string > };
}

export interface DeleteBody {
	deleted: boolean;
	previous: RuntimeItem | null;
}

export interface PreviewBody {
	origin_session: {
		primary_id: string | null;
		ids: Record< string, Fields >;
	} | null;
	lock_owner: { runtime_ids?: Record< string, Fields > };
	declared: string[];
	found: string[];
	missing: string[];
	/** Whether the request recorded the result as the last verification. */
	recorded: boolean;
}

export const PRESET_FIELDS: Record< 'kimaki' | 'opencode', Fields > = {
	kimaki: {
		session_id: 'KIMAKI_SESSION_ID',
		thread_id: 'KIMAKI_THREAD_ID',
		thread_url: 'KIMAKI_THREAD_URL',
	},
	opencode: {
		session_id: 'OPENCODE_SESSION_ID',
		run_id: 'OPENCODE_RUN_ID',
	},
};

export interface RestResponse< T > {
	status: number;
	body: T;
	text: string;
}

/**
 * Every status seen by any client in this worker, so a spec can assert that
 * nothing anywhere answered 5xx.
 */
const serverErrors: string[] = [];

export function recordedServerErrors(): string[] {
	return [ ...serverErrors ];
}

/**
 * The error codes docs/rest-api.md lists under "## Error codes", each with the statuses
 * it gives (empty for a code that is no HTTP error). DocsTest (PHPUnit) holds the table to
 * the code; the REST specs hold it to every error the site really answers.
 */
export function documentedErrors(): Map< string, string[] > {
	const reference = fs.readFileSync(
		path.join( ROOT, 'docs', 'rest-api.md' ),
		'utf8'
	);
	const start = reference.indexOf( '\n## Error codes\n' );
	if ( -1 === start ) {
		throw new Error( 'docs/rest-api.md has no "## Error codes" section' );
	}
	const section = reference.slice( start + 1 ).split( /\n## / )[ 0 ];
	const codes = new Map< string, string[] >();
	for ( const [ , code, status ] of section.matchAll(
		/^\| `([a-z][a-z0-9_]*)` \| ([^|]*) \|/gm
	) ) {
		codes.set( code, status.match( /\d{3}/g ) ?? [] );
	}
	return codes;
}

let documented: Map< string, string[] > | null = null;

/**
 * Why an error answer is not what docs/rest-api.md documents, or null when it is.
 * @param status HTTP status.
 * @param body   Decoded body.
 */
export function undocumentedError(
	status: number,
	body: unknown
): string | null {
	documented ??= documentedErrors();
	const code = ( body as { code?: unknown } | null )?.code;
	if ( typeof code !== 'string' ) {
		return `${ status } without an error code`;
	}
	const statuses = documented.get( code );
	if ( ! statuses ) {
		return `${ code } (${ status }) is not in docs/rest-api.md#error-codes`;
	}
	if ( ! statuses.includes( String( status ) ) ) {
		return `${ code } answered ${ status }; docs/rest-api.md#error-codes gives ${
			statuses.join( ', ' ) || 'no status'
		}`;
	}
	return null;
}

/** Every error answer, in this worker, that docs/rest-api.md does not document. */
const undocumentedErrors: string[] = [];

export function recordedUndocumentedErrors(): string[] {
	return [ ...undocumentedErrors ];
}

export function routeUrl( route: string ): string {
	return `${ testSite().restUrl }wp-coding-agents/v1${ route }`;
}

/** A JSON body sent verbatim, for malformed-JSON requests. */
export class RawJson {
	constructor( readonly text: string ) {}
}

export class RestClient {
	constructor(
		readonly context: APIRequestContext,
		private readonly headers: Record< string, string > = {}
	) {}

	async call< T = unknown >(
		method: string,
		route: string,
		body?: unknown
	): Promise< RestResponse< T > > {
		const headers: Record< string, string > = { ...this.headers };
		let data: unknown;
		if ( body instanceof RawJson ) {
			headers[ 'Content-Type' ] = 'application/json';
			// A Buffer: Playwright would JSON-encode an unparsable string sent as JSON.
			data = Buffer.from( body.text );
		} else if ( undefined !== body ) {
			headers[ 'Content-Type' ] = 'application/json';
			data = JSON.stringify( body );
		}
		const response = await this.context.fetch( routeUrl( route ), {
			method,
			headers,
			data,
			maxRedirects: 0,
		} );
		const text = await response.text();
		if ( response.status() >= 500 ) {
			serverErrors.push(
				`${ method } ${ route } -> ${ response.status() }: ${ text }`
			);
		}
		let parsed: unknown = null;
		try {
			parsed = JSON.parse( text );
		} catch {
			parsed = null;
		}
		const undocumented =
			response.status() >= 400
				? undocumentedError( response.status(), parsed )
				: null;
		if ( undocumented ) {
			undocumentedErrors.push(
				`${ method } ${ route }: ${ undocumented }`
			);
		}
		return { status: response.status(), body: parsed as T, text };
	}

	get< T = unknown >( route: string ) {
		return this.call< T >( 'GET', route );
	}

	put< T = unknown >( route: string, body?: unknown ) {
		return this.call< T >( 'PUT', route, body );
	}

	patch< T = unknown >( route: string, body?: unknown ) {
		return this.call< T >( 'PATCH', route, body );
	}

	post< T = unknown >( route: string, body?: unknown ) {
		return this.call< T >( 'POST', route, body );
	}

	delete< T = unknown >( route: string ) {
		return this.call< T >( 'DELETE', route );
	}

	dispose() {
		return this.context.dispose();
	}
}

/**
 * A client authenticated with the role's Application Password (installer path).
 * @param role
 */
export async function clientAs( role: Role ): Promise< RestClient > {
	const context = await playwrightRequest.newContext();
	return new RestClient( context, { Authorization: basicAuth( role ) } );
}

/**
 * Installs the hooks every REST spec shares: one admin client (Application
 * Password) for the whole file, a clean registry before each test, and, once
 * the file is done, a clean site, no 5xx answer anywhere and no error answer
 * docs/rest-api.md does not document. Call it at the
 * top level of a spec; a spec's own beforeEach hooks run after the reset.
 * Returns an accessor because the client only exists once beforeAll has run.
 */
export function setUpAdminClient(): () => RestClient {
	let admin: RestClient | null = null;
	test.beforeAll( async () => {
		admin = await clientAs( 'admin' );
	} );
	test.afterAll( async () => {
		await admin?.dispose();
		admin = null;
		resetRegistry();
		expect( recordedServerErrors() ).toEqual( [] );
		expect(
			recordedUndocumentedErrors(),
			'Error answers docs/rest-api.md does not document'
		).toEqual( [] );
	} );
	test.beforeEach( () => resetRegistry() );
	return () => {
		if ( ! admin ) {
			throw new Error(
				'the admin client exists only inside tests and hooks'
			);
		}
		return admin;
	};
}

export async function anonymousClient(): Promise< RestClient > {
	return new RestClient( await playwrightRequest.newContext() );
}

/**
 * A cookie session as the admin screen has one: @wordpress/e2e-test-utils-playwright's
 * RequestUtils logs in through wp-login.php and reads the `wp_rest` nonce; the returned
 * context keeps the cookies. (Application Password clients, clientAs(), stay ours: the
 * utilities authenticate with cookies and a nonce only.)
 * @param role
 */
export async function cookieSession(
	role: Role
): Promise< { context: APIRequestContext; nonce: string } > {
	const site = testSite();
	const requestUtils = await RequestUtils.setup( {
		baseURL: `${ site.url }/`,
		user: site.users[ role ],
	} );
	await requestUtils.setupRest();
	const state = await requestUtils.request.storageState();
	expect(
		state.cookies.some( ( cookie ) =>
			cookie.name.startsWith( 'wordpress_logged_in_' )
		),
		'logged-in cookie set'
	).toBe( true );
	const nonce = requestUtils.storageState?.nonce ?? '';
	expect( nonce, 'rest-nonce answered' ).toMatch( /^[0-9a-f]{10}$/ );
	return { context: requestUtils.request, nonce };
}

/** Deletes both stored options: the site is back to "nothing registered". */
export function resetRegistry(): void {
	wpPhp(
		`delete_option( '${ SIGNATURES_OPTION }' ); delete_option( '${ META_OPTION }' );`
	);
}

/**
 * wpPhp() without blocking Node: for a spec that reads the site while its own
 * concurrent requests are in flight (a PHP worker of the site runs the code).
 * @param code PHP code; what it prints is returned.
 */
export async function wpPhpAsync( code: string ): Promise< string > {
	const site = testSite();
	const response = await fetch( site.evalUrl as string, {
		method: 'POST',
		headers: {
			'X-WPCA-Eval-Token': site.evalToken as string,
			'Content-Type': 'application/octet-stream',
		},
		body: code,
	} );
	const output = await response.text();
	expect( response.status, output ).toBe( 200 );
	return output;
}

/** The raw stored state, as a string to compare before and after a request. */
export function storedState(): string {
	return wpPhp(
		`echo wp_json_encode( array( 'signatures' => get_option( '${ SIGNATURES_OPTION }', '__absent__' ), 'meta' => get_option( '${ META_OPTION }', '__absent__' ) ) );`
	).trim();
}

/** Exactly what DMC sees: the filter's value. */
export function publishedSignatures(): Record< string, Fields > {
	const json = wpPhp(
		`echo wp_json_encode( (object) apply_filters( '${ SIGNATURES_OPTION }', array() ) );`
	).trim();
	return JSON.parse( json ) as Record< string, Fields >;
}

/** Keys of the published filter value in filter order (PHP order, not JS order). */
export function publishedOrder(): string[] {
	const json = wpPhp(
		`echo wp_json_encode( array_map( 'strval', array_keys( (array) apply_filters( '${ SIGNATURES_OPTION }', array() ) ) ) );`
	).trim();
	return JSON.parse( json ) as string[];
}

export function writeMuPlugin( name: string, code: string ): string {
	const dir = path.join( testSite().wpDir, 'wp-content', 'mu-plugins' );
	fs.mkdirSync( dir, { recursive: true } );
	const file = path.join( dir, name );
	fs.writeFileSync( file, code );
	return file;
}

/**
 * Registers a runtime as admin over Application Passwords and checks it worked.
 * @param admin
 * @param id
 * @param fields
 * @param extra
 * @param extra.enabled
 * @param extra.label
 */
/**
 * The links a write's answer carries: the screen it left, embeddable
 * (`?_embed=wpca:screen`), under the `wpca` CURIE.
 */
export function screenLinks() {
	const namespace = `${ testSite().restUrl }wp-coding-agents/v1`;
	return {
		'wpca:screen': [ { embeddable: true, href: `${ namespace }/screen` } ],
		curies: [
			{ name: 'wpca', href: `${ namespace }/{rel}`, templated: true },
		],
	};
}

/**
 * A write's answer without its links: the item, as a read answers it.
 * @param body
 */
export function withoutLinks< T extends object >( body: T ): T {
	const { _links: links, ...rest } = body as T & { _links?: unknown };
	return rest as T;
}

export async function register(
	admin: RestClient,
	id: string,
	fields: Fields,
	extra: { enabled?: boolean; label?: string } = {}
): Promise< RuntimeItem > {
	const response = await admin.put< RuntimeItem >( `/runtimes/${ id }`, {
		fields,
		...extra,
	} );
	expect(
		[ 200, 201 ],
		`PUT /runtimes/${ id }: ${ response.text }`
	).toContain( response.status );
	return withoutLinks( response.body );
}

export async function listRuntimes(
	admin: RestClient
): Promise< RuntimeItem[] > {
	const response = await admin.get< RuntimeItem[] >( '/runtimes' );
	expect( response.status, response.text ).toBe( 200 );
	return response.body;
}

export function ids( items: RuntimeItem[] ): string[] {
	return items.map( ( item ) => item.id );
}

export function sleep( ms: number ): Promise< void > {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}
