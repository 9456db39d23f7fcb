/**
 * Invalid input, in the style of wordpress-develop's REST controller tests: a
 * table of bad requests, each answered 400 with a `wpca_` code that names the
 * field, and the stored options byte-for-byte unchanged. The most aggressive
 * spec, so it also checks that PHP logged nothing.
 */
import { test, expect } from '@playwright/test';
import {
	register,
	resetRegistry,
	setUpAdminClient,
	storedState,
	RawJson,
	PRESET_FIELDS,
	type ErrorBody,
	type PreviewBody,
	type RuntimeItem,
} from './helpers';
import { phpProblemsInDebugLog } from '../support/site';

const VALID_FIELDS = { session_id: 'VALID_SESSION_ID' };

interface InvalidCase {
	what: string;
	method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';
	route: string;
	body?: unknown;
	/** Acceptable codes; several only where the contract leaves the choice open. */
	codes: string[];
	/** The field the message and `data.params` must name; null for malformed JSON. */
	field: string | null;
}

const subkeys = ( count: number ): Record< string, string > =>
	Object.fromEntries(
		Array.from( { length: count }, ( _, index ) => [
			`key_${ index }`,
			`VAR_${ index }`,
		] )
	);

const putCase = (
	what: string,
	body: unknown,
	codes: string[],
	field: string | null
): InvalidCase => ( {
	what: `PUT ${ what }`,
	method: 'PUT',
	route: '/runtimes/fresh-runtime',
	body,
	codes,
	field,
} );

const FIELDS_ERR = [ 'wpca_invalid_fields' ];

const CASES: InvalidCase[] = [
	// Wrong types.
	putCase(
		'fields as a string',
		{ fields: 'KIMAKI_SESSION_ID' },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'fields as a list',
		{ fields: [ 'KIMAKI_SESSION_ID' ] },
		FIELDS_ERR,
		'fields'
	),
	putCase( 'fields as a number', { fields: 42 }, FIELDS_ERR, 'fields' ),
	putCase(
		'fields as null',
		{ fields: null },
		[ 'wpca_invalid_fields', 'wpca_missing_fields' ],
		'fields'
	),
	putCase( 'fields as true', { fields: true }, FIELDS_ERR, 'fields' ),
	putCase(
		'an env var name as a number',
		{ fields: { session_id: 7 } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an env var name as an object',
		{ fields: { session_id: { a: 'B' } } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'enabled as "yes"',
		{ fields: VALID_FIELDS, enabled: 'yes' },
		[ 'wpca_invalid_enabled' ],
		'enabled'
	),
	putCase(
		'enabled as "true"',
		{ fields: VALID_FIELDS, enabled: 'true' },
		[ 'wpca_invalid_enabled' ],
		'enabled'
	),
	putCase(
		'enabled as 1',
		{ fields: VALID_FIELDS, enabled: 1 },
		[ 'wpca_invalid_enabled' ],
		'enabled'
	),
	putCase(
		'enabled as null',
		{ fields: VALID_FIELDS, enabled: null },
		[ 'wpca_invalid_enabled' ],
		'enabled'
	),
	putCase(
		'label as an object',
		{ fields: VALID_FIELDS, label: { text: 'x' } },
		[ 'wpca_invalid_label' ],
		'label'
	),
	putCase(
		'label as a number',
		{ fields: VALID_FIELDS, label: 5 },
		[ 'wpca_invalid_label' ],
		'label'
	),
	putCase(
		'label of 101 characters',
		{ fields: VALID_FIELDS, label: 'L'.repeat( 101 ) },
		[ 'wpca_invalid_label' ],
		'label'
	),
	putCase(
		'label of markup only',
		{ fields: VALID_FIELDS, label: '<b></b><script>x</script>' },
		[ 'wpca_invalid_label' ],
		'label'
	),
	// Shape.
	putCase(
		'no fields',
		{ label: 'No fields' },
		[ 'wpca_missing_fields' ],
		'fields'
	),
	putCase( 'an empty body', {}, [ 'wpca_missing_fields' ], 'fields' ),
	putCase(
		'an empty fields object',
		{ fields: {} },
		[ 'wpca_invalid_fields', 'wpca_missing_fields' ],
		'fields'
	),
	putCase(
		'an unknown property',
		{ fields: VALID_FIELDS, colour: 'red' },
		[ 'wpca_unknown_property' ],
		'colour'
	),
	putCase(
		'a read-only property',
		{ fields: VALID_FIELDS, registered: true },
		[ 'wpca_unknown_property' ],
		'registered'
	),
	putCase( '17 subkeys', { fields: subkeys( 17 ) }, FIELDS_ERR, 'fields' ),
	// Bad subkeys.
	putCase(
		'an uppercase subkey',
		{ fields: { Session_id: 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'a subkey starting with a digit',
		{ fields: { '1session': 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'a subkey with a hyphen',
		{ fields: { 'session-id': 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'a subkey with a space',
		{ fields: { 'session id': 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an empty subkey',
		{ fields: { '': 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an all-digit subkey',
		{ fields: { 7: 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'a 65-character subkey',
		{ fields: { [ 's'.repeat( 65 ) ]: 'A_VAR' } },
		FIELDS_ERR,
		'fields'
	),
	// Bad env var names.
	putCase(
		'env name 1BAD',
		{ fields: { session_id: '1BAD' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'env name A-B',
		{ fields: { session_id: 'A-B' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an empty env name',
		{ fields: { session_id: '' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an env name with a space',
		{ fields: { session_id: 'A B' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'an env name with $',
		{ fields: { session_id: '$HOME' } },
		FIELDS_ERR,
		'fields'
	),
	putCase(
		'a 129-character env name',
		{ fields: { session_id: 'E'.repeat( 129 ) } },
		FIELDS_ERR,
		'fields'
	),
	// Malformed JSON.
	putCase(
		'malformed JSON',
		new RawJson( '{"fields": {"session_id": "A_VAR"' ),
		[ 'rest_invalid_json' ],
		null
	),
	// PATCH.
	{
		what: 'PATCH with an empty body',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: {},
		codes: [ 'wpca_empty_patch' ],
		field: null,
	},
	{
		what: 'PATCH enabled as "no"',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: { enabled: 'no' },
		codes: [ 'wpca_invalid_enabled' ],
		field: 'enabled',
	},
	{
		what: 'PATCH fields with a bad env name',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: { fields: { session_id: 'A-B' } },
		codes: FIELDS_ERR,
		field: 'fields',
	},
	{
		what: 'PATCH an empty fields object',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: { fields: {} },
		codes: [ 'wpca_invalid_fields', 'wpca_missing_fields' ],
		field: 'fields',
	},
	{
		what: 'PATCH an unknown property',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: { enabled: true, id: 'other' },
		codes: [ 'wpca_unknown_property' ],
		field: 'id',
	},
	{
		what: 'PATCH malformed JSON',
		method: 'PATCH',
		route: '/runtimes/kimaki',
		body: new RawJson( '{enabled: false}' ),
		codes: [ 'rest_invalid_json' ],
		field: null,
	},
	// Attribution preview.
	{
		what: 'preview env as a string',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: 'KIMAKI_SESSION_ID=1' },
		codes: [ 'wpca_invalid_env' ],
		field: 'env',
	},
	{
		what: 'preview env as a list',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: [ 'KIMAKI_SESSION_ID' ] },
		codes: [ 'wpca_invalid_env' ],
		field: 'env',
	},
	{
		what: 'preview env as a number',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: 5 },
		codes: [ 'wpca_invalid_env' ],
		field: 'env',
	},
	{
		what: 'preview record as a string',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: {}, record: 'true' },
		codes: [ 'wpca_invalid_record' ],
		field: 'record',
	},
	{
		what: 'preview record as a number',
		method: 'POST',
		route: '/attribution/preview',
		body: { env: {}, record: 1 },
		codes: [ 'wpca_invalid_record' ],
		field: 'record',
	},
];

const previewEnvCase = ( what: string, env: unknown ): InvalidCase => ( {
	what: `preview env with ${ what }`,
	method: 'POST',
	route: '/attribution/preview',
	body: { env },
	codes: [ 'wpca_invalid_env' ],
	field: 'env',
} );

CASES.push(
	{
		what: 'repair with a property it does not take',
		method: 'POST',
		route: '/signatures/repair',
		body: { force: true },
		codes: [ 'wpca_unknown_property' ],
		field: 'force',
	},
	previewEnvCase( 'a bad variable name', { '1BAD': 'x' } ),
	previewEnvCase( 'a hyphenated variable name', { 'A-B': 'x' } ),
	previewEnvCase( 'a number as value', { KIMAKI_SESSION_ID: 5 } ),
	previewEnvCase( 'null as value', { KIMAKI_SESSION_ID: null } ),
	previewEnvCase( 'a value of 32769 characters', {
		KIMAKI_SESSION_ID: 'v'.repeat( 32769 ),
	} ),
	previewEnvCase(
		'1001 variables',
		Object.fromEntries(
			Array.from( { length: 1001 }, ( _, index ) => [
				`VAR_${ index }`,
				'x',
			] )
		)
	),
	{
		what: 'preview without env',
		method: 'POST',
		route: '/attribution/preview',
		body: { environment: {} },
		codes: [ 'wpca_unknown_property', 'wpca_invalid_env' ],
		field: 'environment',
	}
);

// A body that is JSON but not an object.
for ( const [ method, route ] of [
	[ 'PUT', '/runtimes/fresh-runtime' ],
	[ 'PATCH', '/runtimes/kimaki' ],
	[ 'POST', '/attribution/preview' ],
	[ 'POST', '/signatures/repair' ],
] as const ) {
	for ( const [ what, text ] of [
		[ 'a JSON string', '"fields"' ],
		[ 'a JSON number', '42' ],
		[ 'a JSON list', '[{"fields":{"session_id":"A_VAR"}}]' ],
	] ) {
		CASES.push( {
			what: `${ method } ${ route } with ${ what } as body`,
			method,
			route,
			body: new RawJson( text ),
			codes: [ 'wpca_invalid_body' ],
			field: 'body',
		} );
	}
}
CASES.push( {
	what: 'PUT /order with a JSON list as body',
	method: 'PUT',
	route: '/order',
	body: new RawJson( '["kimaki","custom-a"]' ),
	codes: [ 'wpca_invalid_body', 'wpca_invalid_order' ],
	field: null,
} );

const BAD_IDS: Array< [ string, string ] > = [
	[ 'all digits', '123' ],
	[ 'an underscore', 'a_b' ],
	[ 'a leading hyphen', '-a' ],
	[ 'a double hyphen', 'a--b' ],
	[ 'a trailing hyphen', 'a-' ],
	[ 'uppercase', 'UPPER' ],
	[ 'a leading digit', '1abc' ],
	[ '65 characters', 'a'.repeat( 65 ) ],
];

for ( const [ what, id ] of BAD_IDS ) {
	for ( const method of [ 'GET', 'PUT', 'PATCH', 'DELETE' ] as const ) {
		CASES.push( {
			what: `${ method } an id with ${ what } (${ id.slice( 0, 12 ) })`,
			method,
			route: `/runtimes/${ id }`,
			body:
				'PUT' === method || 'PATCH' === method
					? { fields: VALID_FIELDS }
					: undefined,
			codes: [ 'wpca_invalid_id' ],
			field: 'id',
		} );
	}
}

const admin = setUpAdminClient();

test.afterAll( () => {
	expect( phpProblemsInDebugLog() ).toEqual( [] );
} );

test.beforeEach( async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register(
		admin(),
		'custom-a',
		{ session_id: 'CUSTOM_A_ID' },
		{ enabled: false }
	);
} );

for ( const each of CASES ) {
	test( `${ each.what } → 400 ${ each.codes.join( '|' ) }`, async () => {
		const before = storedState();
		const response = await admin().call< ErrorBody >(
			each.method,
			each.route,
			each.body
		);
		expect( response.status, response.text ).toBe( 400 );
		expect( each.codes ).toContain( response.body?.code );
		expect( response.body.data.status ).toBe( 400 );
		if ( null !== each.field ) {
			expect( response.body.message ).toContain( each.field );
			expect(
				Object.keys( response.body.data.params ?? {} ),
				'data.params names the field'
			).toContain( each.field );
		}
		expect( storedState() ).toBe( before );
	} );
}

test( 'the boundaries themselves are accepted: 64-char id, 16 subkeys, 64-char subkey, 128-char env name, 100-char label', async () => {
	const id = `a${ '-b'.repeat( 31 ) }1`;
	expect( id ).toHaveLength( 64 );
	const fields = {
		...subkeys( 15 ),
		[ 's'.repeat( 64 ) ]: `_${ 'E'.repeat( 127 ) }`,
	};
	const response = await admin().put< RuntimeItem >( `/runtimes/${ id }`, {
		fields,
		label: 'L'.repeat( 100 ),
	} );
	expect( response.status, response.text ).toBe( 201 );
	expect( response.body.fields ).toEqual( fields );
	expect( response.body.label ).toHaveLength( 100 );
	const lower = await admin().put< RuntimeItem >( '/runtimes/x9', {
		fields: { a: 'lower_case_ok', b_2: '_' },
	} );
	expect( lower.status, lower.text ).toBe( 201 );
} );

test( 'a preview accepts a 32768-character value and 1000 variables', async () => {
	const env: Record< string, string > = Object.fromEntries(
		Array.from( { length: 999 }, ( _, index ) => [ `VAR_${ index }`, 'x' ] )
	);
	env.KIMAKI_SESSION_ID = 'v'.repeat( 32768 );
	const response = await admin().post< PreviewBody >(
		'/attribution/preview',
		{
			env,
		}
	);
	expect( response.status, response.text.slice( 0, 500 ) ).toBe( 200 );
	expect( response.body.origin_session?.primary_id ).toHaveLength( 32768 );
} );

test( 'the label is stored as plain text with tags stripped', async () => {
	const response = await admin().put< RuntimeItem >( '/runtimes/tagged', {
		fields: VALID_FIELDS,
		label: '<script>alert(1)</script>Tagged <em>agent</em>',
	} );
	expect( response.status, response.text ).toBe( 201 );
	expect( response.body.label ).not.toContain( '<' );
	expect( response.body.label ).toContain( 'Tagged agent' );
} );

test( 'a 65th runtime is refused with wpca_too_many_runtimes; updating one of the 64 still works', async () => {
	resetRegistry();
	for ( let index = 1; index <= 64; index++ ) {
		const response = await admin().put( `/runtimes/cap-${ index }`, {
			fields: { session_id: `CAP_${ index }_SESSION_ID` },
		} );
		expect( response.status, response.text ).toBe( 201 );
	}
	const before = storedState();
	const refused = await admin().put< ErrorBody >( '/runtimes/cap-65', {
		fields: { session_id: 'CAP_65_SESSION_ID' },
	} );
	expect( refused.status, refused.text ).toBe( 400 );
	expect( refused.body.code ).toBe( 'wpca_too_many_runtimes' );
	expect( storedState() ).toBe( before );

	// Registering a preset through PATCH would also make a 65th.
	const presetRefused = await admin().patch< ErrorBody >(
		'/runtimes/kimaki',
		{
			enabled: true,
		}
	);
	expect( presetRefused.status, presetRefused.text ).toBe( 400 );
	expect( presetRefused.body.code ).toBe( 'wpca_too_many_runtimes' );
	expect( storedState() ).toBe( before );

	const update = await admin().put( '/runtimes/cap-64', {
		fields: { session_id: 'CAP_64_NEW_ID' },
	} );
	expect( update.status, update.text ).toBe( 200 );
	const disabled = await admin().patch( '/runtimes/cap-1', {
		enabled: false,
	} );
	expect( disabled.status, disabled.text ).toBe( 200 );
	// A disabled runtime still counts: it is registered.
	const stillRefused = await admin().put< ErrorBody >( '/runtimes/cap-65', {
		fields: { session_id: 'CAP_65_SESSION_ID' },
	} );
	expect( stillRefused.status ).toBe( 400 );
	expect( stillRefused.body.code ).toBe( 'wpca_too_many_runtimes' );
} );

test( 'requests to unknown routes under the namespace are 404, not 500', async () => {
	const response = await admin().get< ErrorBody >( '/nothing-here' );
	expect( response.status ).toBe( 404 );
	expect( response.body.code ).toBe( 'rest_no_route' );
} );
