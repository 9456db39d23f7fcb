#!/usr/bin/env node
/**
 * `node scripts/rest-corpus.mjs`: the REST response corpus. Sends a fixed sequence of
 * requests to every route of wp-coding-agents/v1 and to the plugin's abilities — every
 * success and every error each route can return: 401/403 per role and authentication,
 * 400 per field, 404, 409, 412, 428-style If-Match cases, 503 (a held lock), malformed
 * JSON, wrong methods, route case variants, OPTIONS and the namespace index — on a fresh
 * native test site, and writes what came back as normalised JSON: status, headers and
 * body of each response, with what differs from run to run replaced by placeholders
 * (dates of the run `<now>`, ETags `<etag>`, nonces `<nonce>`, salted hashes `<hash>`,
 * the site URL `{site}` and its host `{host}`, the checkout `{root}`, the WordPress folder `{wp}`;
 * `Date` and `Content-Length` headers dropped).
 *
 * It proves a refactoring of the REST layer changes no response: record before, record
 * after, diff (docs/testing.md, "REST response corpus"):
 *
 *   node scripts/rest-corpus.mjs --out /tmp/corpus-before.json
 *   … change the code …
 *   node scripts/rest-corpus.mjs --out /tmp/corpus-after.json
 *   diff /tmp/corpus-before.json /tmp/corpus-after.json
 *
 * `--compare BEFORE AFTER` lists the responses that differ (status, headers, body), with
 * the keywords of JSON schemas compared in any order.
 *
 * Options: --out FILE (default: stdout); --root DIR (record another checkout of the
 * plugin, e.g. a `git worktree` of main: its scripts/test-site.mjs boots the site, so
 * its code answers); --port N (default WPCA_TEST_PORT + 3, or 8892). The site is
 * `.cache/rest-corpus` of that checkout, booted fresh and stopped at the end.
 * Not part of npm test: it takes about a minute (three requests wait out a held lock).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT as OWN_ROOT } from './lib/common.mjs';

const argv = process.argv.slice( 2 );
const option = ( name ) => {
	const index = argv.indexOf( name );
	return index === -1 ? undefined : argv[ index + 1 ];
};
const ROOT = path.resolve( option( '--root' ) || OWN_ROOT );
const PORT = Number(
	option( '--port' ) || Number( process.env.WPCA_TEST_PORT || 8889 ) + 3
);
const OUT = option( '--out' );
const SITE_NAME = 'rest-corpus';
const NS = '/wp-coding-agents/v1';
const ABILITIES = '/wp-abilities/v1/abilities';

let site;
const cookies = new Map();
let nonce = '';
const entries = [];
const began = Date.now();

function testSite( command ) {
	execFileSync(
		'node',
		[
			path.join( ROOT, 'scripts', 'test-site.mjs' ),
			command,
			'--name',
			SITE_NAME,
			'--port',
			String( PORT ),
		],
		{
			cwd: ROOT,
			stdio: [ 'ignore', 'ignore', 'inherit' ],
			env: { ...process.env, WPCA_TEST_PORT: String( PORT ) },
		}
	);
}

/**
 * PHP with the site's WordPress loaded (the test site's eval entry point).
 * @param {string} code PHP code.
 * @return {Promise<string>} What it printed.
 */
async function php( code ) {
	const response = await fetch( site.evalUrl, {
		method: 'POST',
		headers: {
			'X-WPCA-Eval-Token': site.evalToken,
			'Content-Type': 'application/octet-stream',
		},
		body: code,
	} );
	const text = await response.text();
	if ( ! response.ok ) {
		throw new Error( `PHP failed: ${ text }` );
	}
	return text;
}

/**
 * A PHP single-quoted string literal (no interpolation).
 * @param {string} text Text.
 * @return {string} PHP source.
 */
const phpString = ( text ) =>
	`'${ text.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;

function rememberCookies( response ) {
	for ( const line of response.headers.getSetCookie() ) {
		const [ pair ] = line.split( ';' );
		const index = pair.indexOf( '=' );
		cookies.set( pair.slice( 0, index ), pair.slice( index + 1 ) );
	}
}

const cookieHeader = () =>
	[ ...cookies ]
		.map( ( [ name, value ] ) => `${ name }=${ value }` )
		.join( '; ' );

/** Logs the admin in through wp-login.php and fetches a wp_rest nonce, as the screen has. */
async function logIn() {
	cookies.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
	const response = await fetch( `${ site.url }/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Cookie: cookieHeader(),
		},
		body: new URLSearchParams( {
			log: site.users.admin.username,
			pwd: site.users.admin.password,
			testcookie: '1',
		} ),
	} );
	rememberCookies( response );
	const nonceResponse = await fetch(
		`${ site.url }/wp-admin/admin-ajax.php?action=rest-nonce`,
		{ headers: { Cookie: cookieHeader() } }
	);
	nonce = ( await nonceResponse.text() ).trim();
	if ( ! /^[0-9a-f]{10}$/.test( nonce ) ) {
		throw new Error( `No REST nonce: ${ nonce }` );
	}
}

/**
 * Authentication headers of a caller: `admin` (cookie + nonce: the screen), `installer`
 * (the admin's Application Password), `editor` and `subscriber` (theirs), `anonymous`,
 * `cookie-no-nonce`, `cookie-bad-nonce`.
 * @param {string} as Caller.
 * @return {Object} Headers.
 */
function authHeaders( as ) {
	const basic = ( role ) => ( {
		Authorization:
			'Basic ' +
			Buffer.from(
				`${ site.users[ role ].username }:${ site.users[ role ].appPassword }`
			).toString( 'base64' ),
	} );
	switch ( as ) {
		case 'admin':
			return { Cookie: cookieHeader(), 'X-WP-Nonce': nonce };
		case 'cookie-no-nonce':
			return { Cookie: cookieHeader() };
		case 'cookie-bad-nonce':
			return { Cookie: cookieHeader(), 'X-WP-Nonce': '0123456789' };
		case 'installer':
			return basic( 'admin' );
		case 'editor':
		case 'subscriber':
			return basic( as );
		case 'anonymous':
			return {};
	}
	throw new Error( `Unknown caller ${ as }` );
}

/**
 * Sends one request of the corpus and records the normalised response.
 * @param {string} name    What the entry shows.
 * @param {Object} request `{ method, path (below /wp-json), as, body (JSON), raw (string
 *                         body), type (Content-Type), headers, namespace: false }`.
 * @return {Promise<{status: number, headers: Headers, body: any}>} The raw response.
 */
async function send( name, request ) {
	const method = request.method || 'GET';
	const route =
		( request.namespace === false ? '' : NS ) + ( request.path || '' );
	const headers = { ...authHeaders( request.as || 'admin' ) };
	let body;
	if ( request.body !== undefined ) {
		headers[ 'Content-Type' ] = request.type || 'application/json';
		body = JSON.stringify( request.body );
	} else if ( request.raw !== undefined ) {
		if ( request.type !== null ) {
			headers[ 'Content-Type' ] = request.type || 'application/json';
		}
		body = request.raw;
	}
	Object.assign( headers, request.headers || {} );
	const response = await fetch( `${ site.url }/wp-json${ route }`, {
		method,
		headers,
		body,
		redirect: 'manual',
	} );
	const text = await response.text();
	let parsed = text;
	try {
		parsed = text === '' ? '' : JSON.parse( text );
	} catch {
		// Kept as text.
	}
	entries.push( {
		name,
		request: {
			method,
			route,
			as: request.as || 'admin',
			...( request.headers ? { headers: request.headers } : {} ),
			...( body !== undefined ? { body } : {} ),
		},
		status: response.status,
		headers: normaliseHeaders( response.headers ),
		body: parsed,
	} );
	return { status: response.status, headers: response.headers, body: parsed };
}

function normaliseHeaders( headers ) {
	const kept = {};
	for ( const [ name, value ] of headers ) {
		if ( name === 'date' || name === 'content-length' ) {
			continue;
		}
		kept[ name ] = value;
	}
	return Object.fromEntries(
		Object.entries( kept ).sort( ( [ a ], [ b ] ) => a.localeCompare( b ) )
	);
}

const etagOf = ( response ) =>
	( response.headers.get( 'etag' ) || '' ).replace( /"/g, '' );

// ---------------------------------------------------------------------------
// The corpus. Order matters: each step starts from the state the previous left.
// ---------------------------------------------------------------------------

const FOREIGN_PLUGIN = `<?php
// Written by scripts/rest-corpus.mjs: entries other code adds to DMC's filter.
add_filter(
	'datamachine_code_worktree_runtime_signatures',
	function ( $signatures ) {
		$signatures['legacy-tool'] = array( 'session_id' => 'LEGACY_TOOL_SESSION_ID' );
		$signatures['clashing']    = array( 'session_id' => 'CLASHING_SESSION_ID' );
		$signatures['broken']      = array( 'session_id' => 'NOT A NAME' );
		$signatures['Bad_Id']      = array( 'session_id' => 'BAD_ID_SESSION' );
		return $signatures;
	}
);
`;

async function corpus() {
	const runtime = ( id, extra = '' ) => `/runtimes/${ id }${ extra }`;

	// Who may call, per route: anonymous 401, subscriber and editor 403, cookie without
	// a nonce 401 (WordPress treats it as logged out), with a bad nonce 403.
	const everyRoute = [
		[ 'GET', '' ],
		[ 'GET', '/runtimes' ],
		[ 'GET', runtime( 'kimaki' ) ],
		[ 'PUT', runtime( 'kimaki' ) ],
		[ 'PATCH', runtime( 'kimaki' ) ],
		[ 'DELETE', runtime( 'kimaki' ) ],
		[ 'POST', runtime( 'kimaki', '/reset' ) ],
		[ 'PUT', '/order' ],
		[ 'GET', '/signatures' ],
		[ 'POST', '/signatures/repair' ],
		[ 'POST', '/attribution/preview' ],
		[ 'GET', '/attribution/last-verification' ],
		[ 'GET', '/attribution/observations' ],
		[ 'GET', '/attribution/observation-settings' ],
		[ 'PUT', '/attribution/observation-settings' ],
		[ 'GET', '/dmc' ],
		[ 'GET', '/attribution/worktrees' ],
		[ 'GET', '/attribution/summary' ],
		[ 'GET', '/foreign-signatures' ],
		[ 'POST', '/foreign-signatures/legacy-tool/adopt' ],
		[ 'GET', '/catalogue' ],
	];
	for ( const as of [
		'anonymous',
		'subscriber',
		'editor',
		'cookie-no-nonce',
		'cookie-bad-nonce',
	] ) {
		for ( const [ method, route ] of everyRoute ) {
			await send( `${ as } ${ method } ${ route || '/' }`, {
				method,
				path: route,
				as,
			} );
		}
		// Without the capability, bad input is still a 401/403, not a 400.
		await send( `${ as }: invalid id`, {
			method: 'PUT',
			path: runtime( 'Bad_Id' ),
			as,
			body: { fields: 'x' },
		} );
		await send( `${ as }: invalid body`, {
			method: 'PUT',
			path: runtime( 'kimaki' ),
			as,
			body: { fields: 'x', nope: 1 },
		} );
		await send( `${ as }: scalar JSON body`, {
			method: 'PUT',
			path: runtime( 'kimaki' ),
			as,
			raw: '"x"',
		} );
		await send( `${ as }: malformed JSON`, {
			method: 'PUT',
			path: runtime( 'kimaki' ),
			as,
			raw: '{"fields":',
		} );
		await send( `${ as }: bad page`, {
			path: '/attribution/worktrees?page=0',
			as,
		} );
		await send( `${ as }: bad window_days`, {
			method: 'PUT',
			path: '/attribution/observation-settings',
			as,
			body: { window_days: 0 },
		} );
	}

	// The namespace index and OPTIONS describe every route, args and schema.
	await send( 'namespace index', {} );
	for ( const [ , route ] of everyRoute.filter(
		( [ method, r ] ) => method === 'GET' || r.includes( 'preview' )
	) ) {
		await send( `OPTIONS ${ route || '/' }`, {
			method: 'OPTIONS',
			path: route,
		} );
	}
	for ( const route of [
		runtime( 'kimaki', '/reset' ),
		'/order',
		'/signatures/repair',
		'/foreign-signatures/legacy-tool/adopt',
		'/catalogue',
	] ) {
		await send( `OPTIONS ${ route }`, { method: 'OPTIONS', path: route } );
	}
	await send( 'OPTIONS anonymous', {
		method: 'OPTIONS',
		path: '/runtimes',
		as: 'anonymous',
	} );

	// Reads of the fresh site.
	await send( 'GET /runtimes (presets only)', {
		path: '/runtimes',
	} );
	await send( 'HEAD /runtimes', { method: 'HEAD', path: '/runtimes' } );
	await send( 'GET /runtimes/kimaki (unregistered preset)', {
		path: runtime( 'kimaki' ),
	} );
	await send( 'GET unknown runtime', { path: runtime( 'nope' ) } );
	for ( const id of [
		'Bad_Id',
		'123',
		'a_b',
		'-a',
		'a--b',
		'a-',
		'x'.repeat( 65 ),
		'%C3%A9t%C3%A9',
		'a%20b',
	] ) {
		await send( `GET invalid id ${ id.slice( 0, 20 ) }`, {
			path: runtime( id ),
		} );
	}
	await send( 'GET id of 64 characters (valid, not found)', {
		path: runtime( 'x'.repeat( 64 ) ),
	} );
	await send( 'GET /signatures (fresh)', { path: '/signatures' } );
	await send( 'GET /attribution/last-verification (none)', {
		path: '/attribution/last-verification',
	} );
	await send( 'GET /attribution/observations (none)', {
		path: '/attribution/observations',
	} );
	await send( 'GET /dmc (absent)', { path: '/dmc' } );
	await send( 'GET /attribution/worktrees (no option)', {
		path: '/attribution/worktrees',
	} );
	await send( 'GET /attribution/summary (no option)', {
		path: '/attribution/summary',
	} );
	await send( 'GET /foreign-signatures (none)', {
		path: '/foreign-signatures',
	} );

	// PUT /runtimes/<id>: every field rule.
	const put = ( name, id, body, extra = {} ) =>
		send( name, { method: 'PUT', path: runtime( id ), body, ...extra } );
	const created = await put(
		'PUT new runtime (installer): 201',
		'custom',
		{
			fields: {
				session_id: 'CUSTOM_SESSION_ID',
				run_id: 'CUSTOM_RUN_ID',
			},
			label: 'Custom <b>tool</b>',
		},
		{ as: 'installer' }
	);
	await put(
		'PUT same again (installer): 200, unchanged',
		'custom',
		{
			fields: {
				session_id: 'CUSTOM_SESSION_ID',
				run_id: 'CUSTOM_RUN_ID',
			},
			label: 'Custom <b>tool</b>',
		},
		{ as: 'installer' }
	);
	await put(
		'PUT preset (installer): 201',
		'kimaki',
		{
			fields: {
				session_id: 'KIMAKI_SESSION_ID',
				thread_id: 'KIMAKI_THREAD_ID',
				thread_url: 'KIMAKI_THREAD_URL',
			},
		},
		{ as: 'installer' }
	);
	await put( 'PUT preset (admin): 201, disabled', 'opencode', {
		fields: {
			session_id: 'OPENCODE_SESSION_ID',
			run_id: 'OPENCODE_RUN_ID',
		},
		enabled: false,
	} );
	const bodies = {
		'missing fields': {},
		'missing fields, label only': { label: 'x' },
		'fields not an object': { fields: 'KIMAKI' },
		'fields a list': { fields: [ 'A' ] },
		'fields null': { fields: null },
		'fields empty': { fields: {} },
		'fields too many': {
			fields: Object.fromEntries(
				Array.from( { length: 17 }, ( _, i ) => [
					`k${ i }`,
					`V${ i }`,
				] )
			),
		},
		'fields bad subkey': { fields: { 'Session-Id': 'A' } },
		'fields subkey too long': { fields: { [ 's'.repeat( 65 ) ]: 'A' } },
		'fields numeric subkey': { fields: { 5: 'A' } },
		'fields bad env name': { fields: { session_id: 'NOT A NAME' } },
		'fields env name digit first': { fields: { session_id: '1ABC' } },
		'fields env name too long': {
			fields: { session_id: 'A'.repeat( 129 ) },
		},
		'fields env name empty': { fields: { session_id: '' } },
		'fields env name not a string': { fields: { session_id: 5 } },
		'fields env name trailing newline': { fields: { session_id: 'ABC\n' } },
		'enabled a string': { fields: { session_id: 'A' }, enabled: 'true' },
		'enabled a number': { fields: { session_id: 'A' }, enabled: 1 },
		'enabled null': { fields: { session_id: 'A' }, enabled: null },
		'label a number': { fields: { session_id: 'A' }, label: 5 },
		'label null': { fields: { session_id: 'A' }, label: null },
		'label too long': {
			fields: { session_id: 'A' },
			label: 'l'.repeat( 101 ),
		},
		'label markup only': { fields: { session_id: 'A' }, label: '<b></b>' },
		'unknown property': { fields: { session_id: 'A' }, color: 'red' },
		'unknown property, long name': {
			fields: { session_id: 'A' },
			[ 'p'.repeat( 100 ) ]: 1,
		},
		'unknown property and bad fields': { fields: 5, nope: 1 },
		'bad fields and bad enabled': { fields: 5, enabled: 'x' },
		'bad enabled and bad label': {
			fields: { session_id: 'A' },
			enabled: 'x',
			label: 5,
		},
		'a JSON list': [ 1, 2 ],
		'an empty JSON list': [],
	};
	for ( const [ name, body ] of Object.entries( bodies ) ) {
		await put( `PUT ${ name }`, 'other', body );
	}
	await put( 'PUT invalid id and bad body', 'Bad_Id', { nope: 1 } );
	await put( 'PUT label of 100 characters', 'labelled', {
		fields: { session_id: 'LABELLED_ID' },
		label: 'l'.repeat( 100 ),
	} );
	await put( 'PUT empty label (default)', 'labelled', {
		fields: { session_id: 'LABELLED_ID' },
		label: '',
	} );
	await put( 'PUT 16 fields', 'many', {
		fields: Object.fromEntries(
			Array.from( { length: 16 }, ( _, i ) => [ `k${ i }`, `V${ i }` ] )
		),
	} );
	for ( const [ name, raw, type ] of [
		[ 'malformed JSON', '{"fields":', undefined ],
		[ 'scalar JSON string', '"x"', undefined ],
		[ 'scalar JSON number', '5', undefined ],
		[ 'scalar JSON true', 'true', undefined ],
		[ 'JSON null', 'null', undefined ],
		[ 'empty body', '', undefined ],
		[
			'JSON without Content-Type',
			'{"fields":{"session_id":"NOTYPE_ID"}}',
			null,
		],
		[ 'malformed JSON without Content-Type', '{"fields":', null ],
		[
			'JSON as text/plain',
			'{"fields":{"session_id":"PLAIN_ID"}}',
			'text/plain',
		],
	] ) {
		await send( `PUT ${ name }`, {
			method: 'PUT',
			path: runtime( 'raw' ),
			raw,
			type,
		} );
	}
	// Params outside a JSON body, each on a runtime of its own, deleted after (so what they
	// store, if anything, changes no later answer).
	const form = 'application/x-www-form-urlencoded';
	await send( 'PUT form body', {
		method: 'PUT',
		path: runtime( 'form-body' ),
		raw: 'fields%5Bsession_id%5D=FORM_ID',
		type: form,
	} );
	await send( 'PUT form body, enabled=1', {
		method: 'PUT',
		path: runtime( 'form-enabled' ),
		raw: 'fields%5Bsession_id%5D=FORM_ID&enabled=1',
		type: form,
	} );
	await send( 'PUT fields in the query string', {
		method: 'PUT',
		path: runtime( 'query-fields' ) + '?fields[session_id]=QUERY_ID',
	} );
	await send( 'PUT enabled in the query string', {
		method: 'PUT',
		path: runtime( 'query-enabled' ) + '?enabled=maybe',
		body: { fields: { session_id: 'QUERY_ID' } },
	} );
	for ( const id of [
		'form-body',
		'form-enabled',
		'query-fields',
		'query-enabled',
	] ) {
		await send( `DELETE ${ id }`, {
			method: 'DELETE',
			path: runtime( id ),
		} );
	}

	// If-Match and ?force.
	const customEtag = etagOf( created );
	for ( const [ name, header ] of [
		[ 'no quotes', 'abc' ],
		[ 'empty', '' ],
		[ 'a quote inside', '"ab"c"' ],
		[ 'non-ASCII', '"é"' ],
		[ 'one good one bad', `"${ customEtag }", nope` ],
	] ) {
		await put(
			`PUT If-Match ${ name }`,
			'custom',
			{
				fields: { session_id: 'CUSTOM_SESSION_ID' },
			},
			{ headers: { 'If-Match': header } }
		);
	}
	await put(
		'PUT If-Match stale: 412',
		'custom',
		{
			fields: { session_id: 'CUSTOM_SESSION_ID' },
		},
		{ headers: { 'If-Match': '"0000000000000000"' } }
	);
	await put(
		'PUT If-Match * on an absent runtime: 412',
		'absent',
		{
			fields: { session_id: 'ABSENT_ID' },
		},
		{ headers: { 'If-Match': '*' } }
	);
	const current = await send( 'GET custom', { path: runtime( 'custom' ) } );
	await put(
		'PUT If-Match current, weak (admin): 200',
		'custom',
		{
			fields: {
				session_id: 'CUSTOM_SESSION_ID',
				run_id: 'CUSTOM_RUN_ID',
			},
			enabled: false,
		},
		{ headers: { 'If-Match': `W/"${ etagOf( current ) }"` } }
	);
	await put(
		'PUT If-Match *, a list: 200',
		'custom',
		{
			fields: {
				session_id: 'CUSTOM_SESSION_ID',
				run_id: 'CUSTOM_RUN_ID',
			},
			enabled: false,
		},
		{ headers: { 'If-Match': '"aaaa", *' } }
	);
	for ( const force of [ 'maybe', 'TRUE', '', 'yes' ] ) {
		await send( `PUT ?force=${ force }`, {
			method: 'PUT',
			path: runtime( 'custom' ) + `?force=${ force }`,
			as: 'installer',
			body: { fields: { session_id: 'CUSTOM_SESSION_ID' } },
		} );
	}
	await put(
		"PUT by the installer leaves the admin's change",
		'custom',
		{
			fields: {
				session_id: 'CUSTOM_SESSION_ID',
				run_id: 'CUSTOM_RUN_ID',
			},
			enabled: true,
		},
		{ as: 'installer' }
	);
	await send( 'PUT ?force=false by the installer', {
		method: 'PUT',
		path: runtime( 'custom' ) + '?force=false',
		as: 'installer',
		body: { fields: { session_id: 'CUSTOM_SESSION_ID' } },
	} );
	await send( 'PUT ?force=true by the installer', {
		method: 'PUT',
		path: runtime( 'custom' ) + '?force=true',
		as: 'installer',
		body: { fields: { session_id: 'CUSTOM_SESSION_ID' }, enabled: true },
	} );
	await put(
		'PUT If-Match stale and bad body: the body first',
		'custom',
		{
			nope: 1,
		},
		{ headers: { 'If-Match': '"0000000000000000"' } }
	);
	await put(
		'PUT bad If-Match and bad ?force',
		'custom',
		{
			fields: { session_id: 'A' },
		},
		{
			headers: { 'If-Match': 'bad' },
			path: runtime( 'custom' ) + '?force=x',
		}
	);

	// PATCH.
	const patch = ( name, id, body, extra = {} ) =>
		send( name, { method: 'PATCH', path: runtime( id ), body, ...extra } );
	await patch( 'PATCH label (admin)', 'custom', { label: 'Renamed' } );
	await patch( 'PATCH disable', 'kimaki', { enabled: false } );
	await patch( 'PATCH enable', 'kimaki', { enabled: true } );
	await patch( 'PATCH unregistered preset: registers it', 'opencode', {
		label: 'OpenCode',
	} );
	await patch( 'PATCH unknown runtime: 404', 'nope', { enabled: true } );
	await patch( 'PATCH empty body', 'custom', {} );
	await send( 'PATCH no body', {
		method: 'PATCH',
		path: runtime( 'custom' ),
	} );
	await patch( 'PATCH enabled a string', 'custom', { enabled: 'false' } );
	await patch( 'PATCH bad fields', 'custom', { fields: { A: 'b' } } );
	await patch( 'PATCH unknown property', 'custom', { enabled: true, x: 1 } );
	await patch( 'PATCH label markup only', 'custom', { label: '<i></i>' } );
	await patch(
		'PATCH If-Match stale',
		'custom',
		{ enabled: true },
		{
			headers: { 'If-Match': '"0000000000000000"' },
		}
	);
	await patch( 'PATCH invalid id', 'BAD', { enabled: true } );

	// A catalogue runtime by its id (`preset`), and what binds preset and fields.
	await send( 'GET /catalogue', { path: '/catalogue' } );
	for ( const [ name, id, body, method ] of [
		[ 'preset: registers it', 'claude-code', { preset: 'claude-code' } ],
		[ 'preset again', 'claude-code', { preset: 'claude-code' } ],
		[
			'preset with a label',
			'codex',
			{ preset: 'codex', label: 'My Codex' },
		],
		[ 'preset of another id', 'my-codex', { preset: 'codex' } ],
		[
			'preset not in the catalogue',
			'unknown-tool',
			{ preset: 'unknown-tool' },
		],
		[ 'preset invalid', 'x', { preset: 'Bad_Id' } ],
		[ 'preset null', 'x', { preset: null } ],
		[ 'preset a number', 'x', { preset: 5 } ],
		[
			'preset and fields',
			'goose',
			{ preset: 'goose', fields: { a: 'B' } },
		],
		[
			'preset invalid and enabled invalid',
			'x',
			{ preset: 'Bad_Id', enabled: 'x' },
		],
		[ 'preset and a bad label', 'goose', { preset: 'goose', label: 5 } ],
		[ 'enabled invalid, no fields', 'x', { enabled: 'x' } ],
		[ 'PATCH preset', 'codex', { preset: 'codex' }, 'PATCH' ],
		[
			'PATCH preset and fields',
			'codex',
			{ preset: 'codex', fields: { a: 'B' } },
			'PATCH',
		],
		[ 'PATCH preset invalid', 'codex', { preset: 'Codex' }, 'PATCH' ],
	] ) {
		await send( `${ method || 'PUT' } ${ name }`, {
			method: method || 'PUT',
			path: runtime( id ),
			body,
		} );
	}
	for ( const id of [ 'claude-code', 'codex' ] ) {
		await send( `DELETE ${ id }`, {
			method: 'DELETE',
			path: runtime( id ),
		} );
	}

	// Reset (installer vs admin).
	await send( 'reset custom: 200', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
	} );
	await send( 'reset again: 200', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
	} );
	await send( 'reset, nothing declared: 409', {
		method: 'POST',
		path: runtime( 'opencode', '/reset' ),
	} );
	await send( 'reset unknown: 404', {
		method: 'POST',
		path: runtime( 'nope', '/reset' ),
	} );
	await send( 'reset with a body property', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
		body: { force: true },
	} );
	await send( 'reset with {}', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
		body: {},
	} );
	await send( 'reset with a JSON list', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
		body: [ 1 ],
	} );
	await send( 'reset If-Match stale', {
		method: 'POST',
		path: runtime( 'custom', '/reset' ),
		headers: { 'If-Match': '"0000000000000000"' },
	} );
	await send( 'reset invalid id', {
		method: 'POST',
		path: runtime( 'A', '/reset' ),
	} );
	await send( 'reset ?force=x', {
		method: 'POST',
		path: runtime( 'custom', '/reset?force=x' ),
	} );

	// Order.
	const order = await send( 'GET /runtimes (registered)', {
		path: '/runtimes',
	} );
	const ids = order.body.map( ( item ) => item.id );
	const reversed = [ ...ids ].reverse();
	for ( const [ name, body ] of [
		[ 'missing', {} ],
		[ 'not a list', { order: 'kimaki' } ],
		[ 'an object', { order: { a: 'kimaki' } } ],
		[ 'a subset', { order: ids.slice( 1 ) } ],
		[ 'a duplicate', { order: [ ...ids, ids[ 0 ] ] } ],
		[ 'an unknown id', { order: [ ...ids.slice( 1 ), 'nope' ] } ],
		[ 'an invalid id', { order: [ ...ids.slice( 1 ), 'Bad_Id' ] } ],
		[ 'a number', { order: [ ...ids.slice( 1 ), 5 ] } ],
		[
			'too many',
			{ order: Array.from( { length: 65 }, ( _, i ) => `r${ i }` ) },
		],
		[ 'unknown property', { order: ids, x: 1 } ],
		[ 'a JSON list', ids ],
	] ) {
		await send( `PUT /order ${ name }`, {
			method: 'PUT',
			path: '/order',
			body,
		} );
	}
	await send( 'PUT /order If-Match stale: 412', {
		method: 'PUT',
		path: '/order',
		body: { order: reversed },
		headers: { 'If-Match': '"0000000000000000"' },
	} );
	await send( 'PUT /order If-Match bad', {
		method: 'PUT',
		path: '/order',
		body: { order: reversed },
		headers: { 'If-Match': 'x' },
	} );
	await send( 'PUT /order If-Match current: 200', {
		method: 'PUT',
		path: '/order',
		body: { order: reversed },
		headers: { 'If-Match': `"${ etagOf( order ) }"` },
	} );
	await send( 'PUT /order back (installer)', {
		method: 'PUT',
		path: '/order',
		as: 'installer',
		body: { order: ids },
	} );

	// Too many runtimes.
	await php(
		`for ( $i = 0; $i < 60; $i++ ) { WP_Coding_Agents\\Runtimes\\Plugin::store()->put( 'bulk-' . $i, array( 'fields' => array( 'session_id' => 'BULK_' . $i ) ) ); }`
	);
	await put( 'PUT one too many: 400', 'one-too-many', {
		fields: { session_id: 'ONE_TOO_MANY' },
	} );
	await php(
		`for ( $i = 0; $i < 60; $i++ ) { WP_Coding_Agents\\Runtimes\\Plugin::store()->delete( 'bulk-' . $i ); }`
	);

	// DELETE.
	await send( 'DELETE custom: 200', {
		method: 'DELETE',
		path: runtime( 'custom' ),
	} );
	await send( 'DELETE custom again: deleted false', {
		method: 'DELETE',
		path: runtime( 'custom' ),
	} );
	await send( 'DELETE preset', {
		method: 'DELETE',
		path: runtime( 'opencode' ),
	} );
	await send( 'DELETE invalid id', {
		method: 'DELETE',
		path: runtime( 'x_y' ),
	} );
	await send( 'DELETE If-Match stale', {
		method: 'DELETE',
		path: runtime( 'kimaki' ),
		headers: { 'If-Match': '"0000000000000000"' },
	} );
	await send( 'DELETE If-Match * on an absent runtime', {
		method: 'DELETE',
		path: runtime( 'absent' ),
		headers: { 'If-Match': '*' },
	} );
	await send( 'DELETE If-Match bad', {
		method: 'DELETE',
		path: runtime( 'kimaki' ),
		headers: { 'If-Match': 'x' },
	} );
	await send( 'DELETE ?force=x', {
		method: 'DELETE',
		path: runtime( 'kimaki' ) + '?force=x',
	} );
	await send( 'DELETE with a body', {
		method: 'DELETE',
		path: runtime( 'labelled' ),
		body: { x: 1 },
	} );

	// Signatures, problems and repair.
	await php(
		`$o = get_option( 'datamachine_code_worktree_runtime_signatures' ); $o['Bad Id'] = array( 'a' => 'B' ); $o['empty'] = array(); $o['half'] = array( 'session_id' => 'HALF_ID', 'Bad' => 'x y' ); $o['notarray'] = 'x'; update_option( 'datamachine_code_worktree_runtime_signatures', $o );`
	);
	await send( 'GET /signatures with problems', { path: '/signatures' } );
	await send( 'GET /runtimes with problems', { path: '/runtimes' } );
	await send( 'repair with a property', {
		method: 'POST',
		path: '/signatures/repair',
		body: { all: true },
	} );
	await send( 'repair with a JSON list', {
		method: 'POST',
		path: '/signatures/repair',
		body: [ 'x' ],
	} );
	await send( 'repair with malformed JSON', {
		method: 'POST',
		path: '/signatures/repair',
		raw: '{',
	} );
	await send( 'repair: 200', { method: 'POST', path: '/signatures/repair' } );
	await send( 'repair with {}', {
		method: 'POST',
		path: '/signatures/repair',
		body: {},
	} );
	await php(
		`update_option( 'datamachine_code_worktree_runtime_signatures', 'not an array' );`
	);
	await send( 'GET /signatures, option not an array', {
		path: '/signatures',
	} );
	await send( 'repair the option', {
		method: 'POST',
		path: '/signatures/repair',
	} );

	// Attribution preview and observations.
	const preview = ( name, body, extra = {} ) =>
		send( name, {
			method: 'POST',
			path: '/attribution/preview',
			body,
			...extra,
		} );
	await send( 'preview without a body', {
		method: 'POST',
		path: '/attribution/preview',
	} );
	await preview( 'preview empty env', { env: {} } );
	await preview( 'preview kimaki env', {
		env: {
			KIMAKI_SESSION_ID: 'sess-1',
			KIMAKI_THREAD_URL: 'https://discord.com/channels/1/2',
			OTHER: 'x',
		},
	} );
	await preview( 'preview blank values', {
		env: { KIMAKI_SESSION_ID: '  ', OPENCODE_RUN_ID: 'r' },
	} );
	for ( const [ name, body ] of Object.entries( {
		'env a list': { env: [ 'A' ] },
		'env a string': { env: 'A=b' },
		'env bad name': { env: { 'NOT A NAME': 'x' } },
		'env value not a string': { env: { A: 5 } },
		'env value too long': { env: { A: 'v'.repeat( 32769 ) } },
		'env too many': {
			env: Object.fromEntries(
				Array.from( { length: 1001 }, ( _, i ) => [ `V${ i }`, 'x' ] )
			),
		},
		'env null': { env: null },
		'record a string': { env: {}, record: 'true' },
		'record null': { env: {}, record: null },
		'host bad': { env: {}, record: true, host: 'a b' },
		'host too long': { env: {}, record: true, host: 'h'.repeat( 254 ) },
		'host a number': { env: {}, record: true, host: 5 },
		'runtime bad': { env: {}, record: true, runtime: 'Bad_Id' },
		'runtime a number': { env: {}, record: true, runtime: 5 },
		'unknown property': { env: {}, verbose: true },
		'a JSON list': [ 1 ],
		'bad env and bad record': { env: 5, record: 5 },
		'bad host and bad runtime': { env: {}, host: '!', runtime: '!' },
		'bad host without record': { env: {}, host: '!' },
	} ) ) {
		await preview( `preview ${ name }`, body );
	}
	await preview( 'preview env of 1000 variables', {
		env: Object.fromEntries(
			Array.from( { length: 1000 }, ( _, i ) => [ `V${ i }`, 'x' ] )
		),
	} );
	await preview(
		'preview record (installer)',
		{
			env: { KIMAKI_SESSION_ID: 'sess-1', OPENCODE_RUN_ID: 'run-1' },
			record: true,
			host: 'bridge-1',
			runtime: 'kimaki',
		},
		{ as: 'installer' }
	);
	await preview( 'preview record (admin)', {
		env: { OPENCODE_SESSION_ID: 'oc-1' },
		record: true,
	} );
	await preview( 'preview record false with host', {
		env: {},
		record: false,
		host: 'bridge-2',
	} );
	await preview(
		'preview with If-Match (ignored)',
		{ env: {} },
		{
			headers: { 'If-Match': 'no quotes' },
		}
	);
	await send( 'preview with a form body', {
		method: 'POST',
		path: '/attribution/preview',
		raw: 'env%5BKIMAKI_SESSION_ID%5D=form',
		type: 'application/x-www-form-urlencoded',
	} );
	await send( 'GET /attribution/last-verification', {
		path: '/attribution/last-verification',
	} );
	await send( 'GET /attribution/observations', {
		path: '/attribution/observations',
	} );
	await send( 'GET /attribution/observation-settings', {
		path: '/attribution/observation-settings',
	} );
	for ( const [ name, body ] of Object.entries( {
		'window_days 30': { window_days: 30 },
		'window_days 1': { window_days: 1 },
		'window_days 365': { window_days: 365 },
		'window_days 0': { window_days: 0 },
		'window_days 366': { window_days: 366 },
		'window_days a string': { window_days: '14' },
		'window_days a float': { window_days: 14.5 },
		'window_days 14.0 as JSON': null,
		'window_days null': { window_days: null },
		'window_days missing': {},
		'unknown property': { window_days: 14, x: 1 },
		'a JSON list': [ 14 ],
	} ) ) {
		if ( body === null ) {
			await send( `PUT observation-settings ${ name }`, {
				method: 'PUT',
				path: '/attribution/observation-settings',
				raw: '{"window_days":14.0}',
			} );
			continue;
		}
		await send( `PUT observation-settings ${ name }`, {
			method: 'PUT',
			path: '/attribution/observation-settings',
			body,
		} );
	}
	await send( 'PUT observation-settings without a body', {
		method: 'PUT',
		path: '/attribution/observation-settings',
	} );
	await send( 'GET /attribution/observations (window 365)', {
		path: '/attribution/observations',
	} );

	// Data Machine Code.
	const fixture = phpString(
		path.join( ROOT, 'tests', 'php', 'class-dmc-fixture.php' )
	);
	await php(
		`require_once ${ fixture }; \\WP_Coding_Agents\\Runtimes\\Tests\\DMC_Fixture::install( '0.44.0', false );`
	);
	await send( 'GET /dmc (inactive, too old)', { path: '/dmc' } );
	await php(
		`require_once ${ fixture }; \\WP_Coding_Agents\\Runtimes\\Tests\\DMC_Fixture::install( '0.61.4', true );`
	);
	await send( 'GET /dmc (active)', { path: '/dmc' } );
	await php(
		`update_option( 'datamachine_worktree_metadata', 'garbage', false );`
	);
	await send( 'GET /attribution/worktrees (unreadable)', {
		path: '/attribution/worktrees',
	} );
	await send( 'GET /attribution/summary (unreadable)', {
		path: '/attribution/summary',
	} );
	const rows = {
		'wp-coding-agents@fix-login': {
			repo: 'wp-coding-agents',
			branch: 'fix-login',
			created_at: '2026-11-28 14:05:00',
			origin_session: {
				primary_id: '1184502913385',
				ids: {
					kimaki: {
						session_id: '1184502913385',
						thread_url: 'https://discord.com/channels/1/2',
					},
					opencode: { run_id: 'run-9' },
				},
			},
		},
		'data-machine@docs': {
			repo: 'data-machine',
			branch: 'docs',
			created_at: '2026-11-27T09:30:00+00:00',
			origin_session: {
				ids: { opencode: { run_id: 'run-8', session_id: '  ' } },
			},
		},
		'site@legacy-branch': {
			repo: 'site',
			branch: 'legacy-branch',
			created_at: '2026-04-02 08:00:00',
			origin_session: {
				kimaki_session_id: 'legacy-kimaki-7',
				kimaki_thread_url: 'https://discord.com/channels/3/4',
			},
		},
		'undated@x': {
			repo: 'x',
			origin_session: { ids: { custom: { a: 'b' } } },
		},
		0: 'not a row',
	};
	await php(
		`update_option( 'datamachine_worktree_metadata', json_decode( ${ phpString( JSON.stringify( rows ) ) }, true ), false );`
	);
	for ( const query of [
		'',
		'?page=1&per_page=2',
		'?page=2&per_page=2',
		'?page=3&per_page=2',
		'?per_page=100',
		'?page=0',
		'?page=-1',
		'?page=abc',
		'?page=1.5',
		'?page=',
		'?page[]=1',
		'?per_page=0',
		'?per_page=101',
		'?per_page=abc',
		'?page=x&per_page=x',
		'?page=99999999999',
		'?unknown=1',
	] ) {
		await send( `GET /attribution/worktrees${ query }`, {
			path: '/attribution/worktrees' + query,
		} );
	}
	await send( 'GET /attribution/summary', { path: '/attribution/summary' } );

	// Foreign entries and adoption.
	await php(
		`file_put_contents( WPMU_PLUGIN_DIR . '/corpus-foreign.php', ${ phpString( FOREIGN_PLUGIN ) } );`
	);
	await put( 'PUT clashing (admin) with another mapping', 'clashing', {
		fields: { session_id: 'OURS_ID' },
	} );
	await send( 'GET /foreign-signatures', { path: '/foreign-signatures' } );
	await send( 'GET /signatures with collisions', { path: '/signatures' } );
	await send( 'GET /runtimes with a collision', { path: '/runtimes' } );
	const adopt = ( name, id, extra = {} ) =>
		send( name, {
			method: 'POST',
			path: `/foreign-signatures/${ id }/adopt`,
			...extra,
		} );
	await adopt( 'adopt legacy-tool: 201', 'legacy-tool' );
	await adopt( 'adopt legacy-tool again: 200', 'legacy-tool' );
	await adopt( 'adopt clashing: 409', 'clashing' );
	await adopt( 'adopt broken: 400', 'broken' );
	await adopt( 'adopt Bad_Id: 400 invalid id', 'Bad_Id' );
	await adopt( 'adopt unknown: 404', 'nobody-declares' );
	await adopt( 'adopt with a property', 'legacy-tool', { body: { x: 1 } } );
	await adopt( 'adopt with {}', 'legacy-tool', { body: {} } );
	await adopt( 'adopt with a JSON list', 'legacy-tool', { body: [ 1 ] } );
	await adopt( 'adopt with malformed JSON', 'legacy-tool', { raw: '{' } );
	await send( 'GET /foreign-signatures after adopting', {
		path: '/foreign-signatures',
	} );
	await php( `unlink( WPMU_PLUGIN_DIR . '/corpus-foreign.php' );` );
	await adopt( 'adopt after the file is gone: 200', 'legacy-tool' );

	// A held lock: 503 wpca_busy after the wait.
	await php(
		`add_option( 'wpca_runtimes_lock', sprintf( '%.6F|corpus', microtime( true ) + 3600 ), '', false );`
	);
	await put( 'PUT while the registry is locked: 503', 'kimaki', {
		fields: { session_id: 'KIMAKI_SESSION_ID' },
	} );
	await php( `delete_option( 'wpca_runtimes_lock' );` );
	await php(
		`add_option( 'wpca_observations_lock', sprintf( '%.6F|corpus', microtime( true ) + 3600 ), '', false );`
	);
	await preview( 'record while observations are locked: 503', {
		env: {},
		record: true,
	} );
	await php( `delete_option( 'wpca_observations_lock' );` );

	// Wrong methods.
	for ( const [ method, route ] of [
		[ 'POST', '/runtimes' ],
		[ 'DELETE', '/runtimes' ],
		[ 'POST', runtime( 'kimaki' ) ],
		[ 'GET', runtime( 'kimaki', '/reset' ) ],
		[ 'GET', '/order' ],
		[ 'POST', '/order' ],
		[ 'PUT', '/signatures' ],
		[ 'GET', '/signatures/repair' ],
		[ 'GET', '/attribution/preview' ],
		[ 'POST', '/attribution/last-verification' ],
		[ 'DELETE', '/attribution/observations' ],
		[ 'POST', '/attribution/observation-settings' ],
		[ 'POST', '/dmc' ],
		[ 'PUT', '/attribution/worktrees' ],
		[ 'POST', '/attribution/summary' ],
		[ 'POST', '/foreign-signatures' ],
		[ 'POST', '/catalogue' ],
		[ 'GET', '/foreign-signatures/legacy-tool/adopt' ],
		[ 'PATCH', '/order' ],
	] ) {
		await send( `wrong method ${ method } ${ route }`, {
			method,
			path: route,
		} );
		await send( `wrong method ${ method } ${ route } (anonymous)`, {
			method,
			path: route,
			as: 'anonymous',
		} );
	}
	await send( 'method override: POST with X-HTTP-Method-Override DELETE', {
		method: 'POST',
		path: runtime( 'labelled' ),
		headers: { 'X-HTTP-Method-Override': 'DELETE' },
	} );
	await send( 'method override: ?_method=PATCH', {
		method: 'POST',
		path: runtime( 'kimaki' ) + '?_method=PATCH',
		body: { label: 'Kimaki bridge' },
	} );

	// Route case and shape variants (WordPress matches routes case-insensitively).
	for ( const route of [
		'/RUNTIMES',
		'/Runtimes/kimaki',
		'/runtimes/kimaki/RESET',
		'/ORDER',
		'/Signatures',
		'/SIGNATURES/REPAIR',
		'/Attribution/Preview',
		'/attribution/LAST-VERIFICATION',
		'/attribution/Observations',
		'/ATTRIBUTION/observation-settings',
		'/DMC',
		'/Dmc',
		'/attribution/WORKTREES',
		'/Attribution/Summary',
		'/Foreign-Signatures',
		'/CATALOGUE',
		'/FOREIGN-SIGNATURES/legacy-tool/ADOPT',
		'/runtimes/',
		'/runtimes/kimaki/',
		'/dmc/',
		'/runtimes//kimaki',
		'/runtimes/kimaki/extra',
		'/nothing-here',
	] ) {
		const method = /reset|adopt|repair|preview/i.test( route )
			? 'POST'
			: 'GET';
		await send( `case ${ method } ${ route }`, { method, path: route } );
		await send( `case ${ method } ${ route } (anonymous)`, {
			method,
			path: route,
			as: 'anonymous',
		} );
	}
	await send( 'case: namespace in capitals', {
		namespace: false,
		path: '/WP-CODING-AGENTS/V1/runtimes',
	} );
	await send( 'case: namespace in capitals (anonymous)', {
		namespace: false,
		path: '/WP-CODING-AGENTS/V1/runtimes',
		as: 'anonymous',
	} );
	await send( 'case: namespace index with a slash', { path: '/' } );
	await send( '?rest_route= form', {
		namespace: false,
		path: `/?rest_route=${ NS }/runtimes/kimaki`,
	} );
	await send( '_envelope', { path: '/runtimes/kimaki?_envelope' } );
	await send( '_fields', { path: '/runtimes/kimaki?_fields=id,enabled' } );

	// Abilities (WordPress 6.9+): listed, described, run per role.
	await send( 'abilities of the category', {
		namespace: false,
		path: `${ ABILITIES }?category=coding-agent-runtimes`,
	} );
	const names = [
		'list-runtimes',
		'list-catalogue',
		'register-runtime',
		'unregister-runtime',
		'preview-attribution',
		'record-verification',
	];
	for ( const name of names ) {
		await send( `ability ${ name }`, {
			namespace: false,
			path: `${ ABILITIES }/wp-coding-agents/${ name }`,
		} );
	}
	const run = ( name, method, suffix, as, body ) =>
		send( name, {
			namespace: false,
			method,
			path: `${ ABILITIES }/wp-coding-agents/${ suffix }`,
			as,
			...( body !== undefined ? { body } : {} ),
		} );
	for ( const as of [ 'anonymous', 'subscriber', 'installer', 'admin' ] ) {
		await run(
			`run list-catalogue as ${ as }`,
			'GET',
			'list-catalogue/run',
			as
		);
		await run(
			`run list-runtimes as ${ as }`,
			'GET',
			'list-runtimes/run',
			as
		);
		await run(
			`run register-runtime as ${ as }`,
			'POST',
			'register-runtime/run',
			as,
			{
				input: {
					id: 'ability-made',
					fields: { session_id: 'ABILITY_ID' },
				},
			}
		);
		await run(
			`run preview-attribution as ${ as }`,
			'GET',
			'preview-attribution/run?input[env][KIMAKI_SESSION_ID]=x',
			as
		);
		await run(
			`run record-verification as ${ as }`,
			'POST',
			'record-verification/run',
			as,
			{ input: { env: { KIMAKI_SESSION_ID: 'y' }, host: 'h1' } }
		);
		await run(
			`run unregister-runtime as ${ as }`,
			'DELETE',
			'unregister-runtime/run?input[id]=ability-made',
			as
		);
	}
	for ( const [ name, input ] of Object.entries( {
		'no id': { fields: { session_id: 'A' } },
		'bad id': { id: 'Bad_Id', fields: { session_id: 'A' } },
		'bad fields': { id: 'a', fields: { session_id: 'NOT A NAME' } },
		'extra property': { id: 'a', fields: { session_id: 'A' }, x: 1 },
		'enabled a string': {
			id: 'a',
			fields: { session_id: 'A' },
			enabled: 'yes',
		},
		'label too long': {
			id: 'a',
			fields: { session_id: 'A' },
			label: 'l'.repeat( 101 ),
		},
	} ) ) {
		await run(
			`run register-runtime ${ name }`,
			'POST',
			'register-runtime/run',
			'admin',
			{ input }
		);
	}
	await run(
		'run record-verification bad host',
		'POST',
		'record-verification/run',
		'admin',
		{
			input: { env: {}, host: 'a b' },
		}
	);
	await run(
		'run record-verification bad env',
		'POST',
		'record-verification/run',
		'admin',
		{
			input: { env: { 'A B': 'x' } },
		}
	);
	await run(
		'run unregister-runtime bad id',
		'DELETE',
		'unregister-runtime/run?input[id]=A_B',
		'admin'
	);
	await run(
		'run unregister-runtime without input',
		'DELETE',
		'unregister-runtime/run',
		'admin'
	);

	// The state everything left.
	await send( 'GET /runtimes (end)', { path: '/runtimes' } );
	await send( 'GET /signatures (end)', { path: '/signatures' } );
	await send( 'GET /attribution/observations (end)', {
		path: '/attribution/observations',
	} );
}

// ---------------------------------------------------------------------------
// Normalisation.
// ---------------------------------------------------------------------------

const ISO_DATE =
	/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?/g;

function normaliseString( text, ended ) {
	let out = text
		.split( site.url )
		.join( '{site}' )
		.split( encodeURIComponent( site.url ) )
		.join( '{site}' )
		.split( site.wpDir )
		.join( '{wp}' )
		.split( ROOT )
		.join( '{root}' )
		.split( new URL( site.url ).host )
		.join( '{host}' );
	out = out.replace( ISO_DATE, ( date ) => {
		const time = Date.parse( date );
		return time >= began - 120000 && time <= ended + 120000
			? '<now>'
			: date;
	} );
	return out.split( nonce ).join( '<nonce>' );
}

function normalise( value, ended, key = '' ) {
	if ( Array.isArray( value ) ) {
		return value.map( ( item ) => normalise( item, ended ) );
	}
	if ( value && typeof value === 'object' ) {
		const out = {};
		for ( const [ name, item ] of Object.entries( value ) ) {
			if ( name === 'hashes' && item && typeof item === 'object' ) {
				out[ name ] = Object.fromEntries(
					Object.keys( item ).map( ( variable ) => [
						variable,
						'<hash>',
					] )
				);
			} else {
				out[ name ] = normalise( item, ended, name );
			}
		}
		return out;
	}
	if ( typeof value === 'string' ) {
		if ( key.toLowerCase() === 'etag' && value !== '' ) {
			// The ETag header inside an `_envelope` keeps its quotes.
			return value.startsWith( '"' ) ? '"<etag>"' : '<etag>';
		}
		if ( key === 'primary_hash' && value !== '' ) {
			return '<hash>';
		}
		return normaliseString( value, ended );
	}
	return value;
}

function normaliseEntry( entry, ended ) {
	const headers = {};
	for ( const [ name, value ] of Object.entries( entry.headers ) ) {
		if ( name === 'etag' ) {
			headers[ name ] = '"<etag>"';
		} else if ( name === 'x-wp-nonce' ) {
			headers[ name ] = '<nonce>';
		} else {
			headers[ name ] = normaliseString( value, ended );
		}
	}
	const request = { ...entry.request };
	if ( request.headers?.[ 'If-Match' ] ) {
		request.headers = {
			...request.headers,
			'If-Match': request.headers[ 'If-Match' ].replace(
				/"[0-9a-f]{16}"/g,
				'"<etag>"'
			),
		};
	}
	return {
		name: entry.name,
		request,
		status: entry.status,
		headers,
		body: normalise( entry.body, ended ),
	};
}

// ---------------------------------------------------------------------------
// --compare BEFORE AFTER: the entries whose status, headers or body differ.

/**
 * A value with the keywords of every JSON schema in it sorted: their order says nothing
 * (WordPress's rest_get_endpoint_args_for_schema() writes an arg's keywords in its own
 * order), unlike the order of `properties`, of a map's keys or of a list.
 * @param {*}       value    Value.
 * @param {boolean} isSchema Whether it is a schema (or a map of schemas by name).
 * @return {*} Canonical value.
 */
function canonical( value, isSchema = false ) {
	if ( Array.isArray( value ) ) {
		return value.map( ( item ) => canonical( item, isSchema ) );
	}
	if ( ! value || typeof value !== 'object' ) {
		return value;
	}
	const schemaLike =
		isSchema || 'type' in value || 'args' in value || 'schema' in value;
	const keys = Object.keys( value );
	const ordered = schemaLike
		? [ ...keys ].sort( ( a, b ) => a.localeCompare( b ) )
		: keys;
	return Object.fromEntries(
		ordered.map( ( key ) => [
			key,
			canonical(
				value[ key ],
				schemaLike &&
					[ 'properties', 'patternProperties', 'args' ].includes(
						key
					)
			),
		] )
	);
}

function compare( beforeFile, afterFile ) {
	const read = ( file ) => JSON.parse( fs.readFileSync( file, 'utf8' ) );
	const before = read( beforeFile );
	const after = read( afterFile );
	let differences = 0;
	const count = Math.max( before.length, after.length );
	for ( let index = 0; index < count; index++ ) {
		const a = before[ index ];
		const b = after[ index ];
		if ( ! a || ! b || a.name !== b.name ) {
			process.stdout.write(
				`#${ index }: the sequences differ (${ a?.name } / ${ b?.name })\n`
			);
			process.exitCode = 1;
			return;
		}
		for ( const part of [ 'status', 'headers', 'body' ] ) {
			const left = JSON.stringify( canonical( a[ part ] ) );
			const right = JSON.stringify( canonical( b[ part ] ) );
			if ( left !== right ) {
				differences++;
				process.stdout.write(
					`#${ index } ${ a.name } — ${ part }:\n  before ${ left.slice( 0, 600 ) }\n  after  ${ right.slice( 0, 600 ) }\n`
				);
			}
		}
	}
	process.stdout.write(
		`${ count } responses compared, ${ differences } differences (schema keyword order ignored).\n`
	);
	process.exitCode = differences ? 1 : 0;
}

if ( argv[ 0 ] === '--compare' ) {
	compare( argv[ 1 ], argv[ 2 ] );
	process.exit();
}

try {
	testSite( 'start' );
	site = JSON.parse(
		fs.readFileSync(
			path.join( ROOT, '.cache', SITE_NAME, 'site.json' ),
			'utf8'
		)
	);
	await logIn();
	await corpus();
	const ended = Date.now();
	const out = JSON.stringify(
		entries.map( ( entry ) => normaliseEntry( entry, ended ) ),
		null,
		1
	);
	const problems = fs.existsSync( site.debugLog )
		? fs.readFileSync( site.debugLog, 'utf8' ).trim()
		: '';
	if ( OUT ) {
		fs.writeFileSync( OUT, out + '\n' );
		process.stdout.write(
			`${ entries.length } responses in ${ Math.round(
				( ended - began ) / 1000
			) } s written to ${ OUT }\n`
		);
	} else {
		process.stdout.write( out + '\n' );
	}
	if ( problems ) {
		process.stderr.write( `debug.log is not empty:\n${ problems }\n` );
		process.exitCode = 1;
	}
} finally {
	testSite( 'stop' );
}
