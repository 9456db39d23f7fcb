/**
 * Registry behaviour over real HTTP: presets, idempotent PUT, PATCH, DELETE,
 * precedence order, and what reaches DMC through the filter.
 */
import { test, expect } from '@playwright/test';
import {
	ids,
	listRuntimes,
	publishedOrder,
	publishedSignatures,
	register,
	screenLinks,
	setUpAdminClient,
	sleep,
	storedState,
	withoutLinks,
	PRESET_FIELDS,
	type DeleteBody,
	type ErrorBody,
	type RuntimeItem,
	type SignaturesBody,
} from './helpers';
import { wpPhp } from '../support/site';

const CLAUDE_FIELDS = { session_id: 'CLAUDE_SESSION_ID' };
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)$/;

const admin = setUpAdminClient();

function unregisteredPreset( id: 'kimaki' | 'opencode' ): RuntimeItem {
	return {
		id,
		label: expect.any( String ) as unknown as string,
		fields: PRESET_FIELDS[ id ],
		enabled: false,
		registered: false,
		preset: true,
		source: 'preset',
		updated_at: null,
		updated_by: null,
		collision: false,
		declared: null,
		overridden: [],
		revision: 0,
		etag: expect.stringMatching( /^[0-9a-f]{16}$/ ) as unknown as string,
	};
}

test( 'a clean site lists kimaki then opencode as unregistered presets with their default fields', async () => {
	const items = await listRuntimes( admin() );
	expect( items ).toEqual( [
		unregisteredPreset( 'kimaki' ),
		unregisteredPreset( 'opencode' ),
	] );
	expect( Object.keys( items[ 0 ].fields ) ).toEqual( [
		'session_id',
		'thread_id',
		'thread_url',
	] );
	expect( Object.keys( items[ 1 ].fields ) ).toEqual( [
		'session_id',
		'run_id',
	] );
	const single = await admin().get< RuntimeItem >( '/runtimes/opencode' );
	expect( single.status ).toBe( 200 );
	expect( single.body ).toEqual( unregisteredPreset( 'opencode' ) );
	expect( publishedSignatures() ).toEqual( {} );
} );

test( 'GET /runtimes/<id> of an unknown custom id is 404 wpca_runtime_not_found', async () => {
	const response = await admin().get< ErrorBody >( '/runtimes/nobody-here' );
	expect( response.status ).toBe( 404 );
	expect( response.body.code ).toBe( 'wpca_runtime_not_found' );
} );

test( 'PUT registers with 201, an identical repeat answers 200 and changes nothing, a change bumps updated_at', async () => {
	const created = await admin().put< RuntimeItem >( '/runtimes/claude-code', {
		fields: CLAUDE_FIELDS,
		label: 'Claude Code',
	} );
	expect( created.status, created.text ).toBe( 201 );
	expect( created.body ).toEqual( {
		id: 'claude-code',
		label: 'Claude Code',
		fields: CLAUDE_FIELDS,
		enabled: true,
		registered: true,
		preset: false,
		source: 'installer',
		updated_at: expect.stringMatching( ISO_UTC ),
		updated_by: 'admin',
		collision: false,
		// Written with an Application Password: the installer's declaration.
		declared: {
			fields: CLAUDE_FIELDS,
			enabled: true,
			label: 'Claude Code',
		},
		overridden: [],
		revision: 1,
		etag: expect.stringMatching( /^[0-9a-f]{16}$/ ),
		// A write links to the screen it left (the admin screen embeds it).
		_links: screenLinks(),
	} );
	expect( publishedSignatures() ).toEqual( { 'claude-code': CLAUDE_FIELDS } );
	const stateAfterCreate = storedState();

	// Past a second boundary so an unwanted timestamp bump would be visible.
	await sleep( 1100 );
	const repeated = await admin().put< RuntimeItem >(
		'/runtimes/claude-code',
		{
			fields: CLAUDE_FIELDS,
			label: 'Claude Code',
		}
	);
	expect( repeated.status, repeated.text ).toBe( 200 );
	expect( repeated.body ).toEqual( created.body );
	expect( storedState() ).toBe( stateAfterCreate );
	expect( ids( await listRuntimes( admin() ) ) ).toEqual( [
		'claude-code',
		'kimaki',
		'opencode',
	] );

	const changed = await admin().put< RuntimeItem >( '/runtimes/claude-code', {
		fields: { ...CLAUDE_FIELDS, run_id: 'CLAUDE_RUN_ID' },
		label: 'Claude Code',
	} );
	expect( changed.status, changed.text ).toBe( 200 );
	expect( changed.body.fields ).toEqual( {
		session_id: 'CLAUDE_SESSION_ID',
		run_id: 'CLAUDE_RUN_ID',
	} );
	expect( changed.body.updated_at ).toMatch( ISO_UTC );
	expect( changed.body.updated_at ).not.toBe( created.body.updated_at );
	expect( publishedSignatures() ).toEqual( {
		'claude-code': {
			session_id: 'CLAUDE_SESSION_ID',
			run_id: 'CLAUDE_RUN_ID',
		},
	} );
} );

test( 'PUT keeps the subkey order the caller sent', async () => {
	await register( admin(), 'ordered', {
		zeta: 'Z_VAR',
		alpha: 'A_VAR',
		mid: 'M_VAR',
	} );
	const item = await admin().get< RuntimeItem >( '/runtimes/ordered' );
	expect( Object.keys( item.body.fields ) ).toEqual( [
		'zeta',
		'alpha',
		'mid',
	] );
	expect( Object.keys( publishedSignatures().ordered ) ).toEqual( [
		'zeta',
		'alpha',
		'mid',
	] );
} );

test( 'a PUT without label keeps the current label; an empty label falls back to the default', async () => {
	await register(
		admin(),
		'alpha',
		{ session_id: 'ALPHA_SESSION_ID' },
		{ label: 'Alpha Agent' }
	);
	const kept = await admin().put< RuntimeItem >( '/runtimes/alpha', {
		fields: { session_id: 'ALPHA_SESSION_ID', run_id: 'ALPHA_RUN_ID' },
	} );
	expect( kept.status ).toBe( 200 );
	expect( kept.body.label ).toBe( 'Alpha Agent' );

	const emptied = await admin().put< RuntimeItem >( '/runtimes/alpha', {
		fields: { session_id: 'ALPHA_SESSION_ID' },
		label: '',
	} );
	expect( emptied.status ).toBe( 200 );
	expect( emptied.body.label ).toBe( 'alpha' );

	const presetDefault =
		await admin().get< RuntimeItem >( '/runtimes/kimaki' );
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki, {
		label: 'My Kimaki',
	} );
	const presetEmptied = await admin().patch< RuntimeItem >(
		'/runtimes/kimaki',
		{
			label: '',
		}
	);
	expect( presetEmptied.status ).toBe( 200 );
	expect( presetEmptied.body.label ).toBe( presetDefault.body.label );
	expect( presetEmptied.body.label ).toBe( 'Kimaki' );
} );

test( 'PUT with enabled false stores the runtime without publishing it', async () => {
	const created = await admin().put< RuntimeItem >( '/runtimes/quiet', {
		fields: { session_id: 'QUIET_SESSION_ID' },
		enabled: false,
	} );
	expect( created.status ).toBe( 201 );
	expect( created.body.enabled ).toBe( false );
	expect( created.body.registered ).toBe( true );
	expect( publishedSignatures() ).toEqual( {} );
} );

test( 'PATCH enabled false unpublishes but keeps fields and position; enabled true restores both', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'alpha', { session_id: 'ALPHA_SESSION_ID' } );
	await register( admin(), 'beta', { session_id: 'BETA_SESSION_ID' } );
	const orderBefore = ids( await listRuntimes( admin() ) );
	expect( orderBefore ).toEqual( [ 'kimaki', 'alpha', 'beta', 'opencode' ] );

	const disabled = await admin().patch< RuntimeItem >( '/runtimes/alpha', {
		enabled: false,
	} );
	expect( disabled.status, disabled.text ).toBe( 200 );
	expect( disabled.body ).toMatchObject( {
		id: 'alpha',
		enabled: false,
		registered: true,
		fields: { session_id: 'ALPHA_SESSION_ID' },
	} );
	const signatures = await admin().get< SignaturesBody >( '/signatures' );
	expect( Object.keys( signatures.body.signatures ) ).toEqual( [
		'kimaki',
		'beta',
	] );
	expect( publishedOrder() ).toEqual( [ 'kimaki', 'beta' ] );
	const listed = await listRuntimes( admin() );
	expect( ids( listed ) ).toEqual( orderBefore );
	expect( listed[ 1 ] ).toMatchObject( {
		id: 'alpha',
		enabled: false,
		registered: true,
		fields: { session_id: 'ALPHA_SESSION_ID' },
	} );

	const enabled = await admin().patch< RuntimeItem >( '/runtimes/alpha', {
		enabled: true,
	} );
	expect( enabled.status ).toBe( 200 );
	expect( enabled.body.enabled ).toBe( true );
	expect( ids( await listRuntimes( admin() ) ) ).toEqual( orderBefore );
	expect( publishedOrder() ).toEqual( [ 'kimaki', 'alpha', 'beta' ] );
	expect( publishedSignatures() ).toEqual( {
		kimaki: PRESET_FIELDS.kimaki,
		alpha: { session_id: 'ALPHA_SESSION_ID' },
		beta: { session_id: 'BETA_SESSION_ID' },
	} );
} );

test( 'PATCH of a label or fields changes only that part', async () => {
	await register(
		admin(),
		'alpha',
		{ session_id: 'ALPHA_SESSION_ID' },
		{ label: 'Alpha' }
	);
	const relabelled = await admin().patch< RuntimeItem >( '/runtimes/alpha', {
		label: 'Alpha <b>Agent</b>',
	} );
	expect( relabelled.status ).toBe( 200 );
	expect( relabelled.body.label ).toBe( 'Alpha Agent' );
	expect( relabelled.body.fields ).toEqual( {
		session_id: 'ALPHA_SESSION_ID',
	} );
	expect( relabelled.body.enabled ).toBe( true );

	const refielded = await admin().patch< RuntimeItem >( '/runtimes/alpha', {
		fields: { session_id: 'ALPHA_SID', channel_id: 'ALPHA_CHANNEL_ID' },
	} );
	expect( refielded.status ).toBe( 200 );
	expect( refielded.body.label ).toBe( 'Alpha Agent' );
	expect( publishedSignatures() ).toEqual( {
		alpha: { session_id: 'ALPHA_SID', channel_id: 'ALPHA_CHANNEL_ID' },
	} );
} );

test( 'PATCH of an unknown non-preset id is 404 wpca_runtime_not_found and stores nothing', async () => {
	const before = storedState();
	const response = await admin().patch< ErrorBody >( '/runtimes/ghost', {
		enabled: true,
	} );
	expect( response.status ).toBe( 404 );
	expect( response.body.code ).toBe( 'wpca_runtime_not_found' );
	expect( storedState() ).toBe( before );
} );

test( 'PATCH of an unregistered preset registers it with its defaults plus the change', async () => {
	const response = await admin().patch< RuntimeItem >( '/runtimes/opencode', {
		enabled: true,
	} );
	expect( response.status, response.text ).toBe( 200 );
	expect( response.body ).toMatchObject( {
		id: 'opencode',
		fields: PRESET_FIELDS.opencode,
		enabled: true,
		registered: true,
		preset: true,
		source: 'installer',
		updated_by: 'admin',
	} );
	expect( response.body.updated_at ).toMatch( ISO_UTC );
	expect( publishedSignatures() ).toEqual( {
		opencode: PRESET_FIELDS.opencode,
	} );
	expect( ids( await listRuntimes( admin() ) ) ).toEqual( [
		'opencode',
		'kimaki',
	] );
} );

test( 'DELETE twice: deleted true with the previous item, then deleted false; a custom runtime disappears', async () => {
	const created = await register( admin(), 'claude-code', CLAUDE_FIELDS );
	const first = await admin().delete< DeleteBody >( '/runtimes/claude-code' );
	expect( first.status ).toBe( 200 );
	expect( first.body.deleted ).toBe( true );
	expect( first.body.previous ).toEqual( created );
	const second = await admin().delete< DeleteBody >(
		'/runtimes/claude-code'
	);
	expect( second.status ).toBe( 200 );
	expect( second.body ).toEqual( {
		deleted: false,
		previous: null,
		_links: screenLinks(),
	} );
	expect( ids( await listRuntimes( admin() ) ) ).toEqual( [
		'kimaki',
		'opencode',
	] );
	expect(
		( await admin().get< ErrorBody >( '/runtimes/claude-code' ) ).status
	).toBe( 404 );
	expect( publishedSignatures() ).toEqual( {} );
} );

test( 'DELETE of a preset returns it to its unregistered default', async () => {
	await register(
		admin(),
		'kimaki',
		{ session_id: 'CUSTOM_KIMAKI_ID' },
		{ label: 'Mine' }
	);
	const deleted = await admin().delete< DeleteBody >( '/runtimes/kimaki' );
	expect( deleted.status ).toBe( 200 );
	expect( deleted.body.deleted ).toBe( true );
	expect( deleted.body.previous?.fields ).toEqual( {
		session_id: 'CUSTOM_KIMAKI_ID',
	} );
	const listed = await listRuntimes( admin() );
	expect( listed ).toEqual( [
		unregisteredPreset( 'kimaki' ),
		unregisteredPreset( 'opencode' ),
	] );
	expect( publishedSignatures() ).toEqual( {} );
	const again = await admin().delete< DeleteBody >( '/runtimes/kimaki' );
	expect( withoutLinks( again.body ) ).toEqual( {
		deleted: false,
		previous: null,
	} );
} );

test( 'registering opencode first then kimaki still puts kimaki first; custom runtimes are appended', async () => {
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
	await register( admin(), 'custom-one', { session_id: 'CUSTOM_ONE_ID' } );
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'custom-two', { session_id: 'CUSTOM_TWO_ID' } );
	expect( ids( await listRuntimes( admin() ) ) ).toEqual( [
		'kimaki',
		'opencode',
		'custom-one',
		'custom-two',
	] );
	expect( publishedOrder() ).toEqual( [
		'kimaki',
		'opencode',
		'custom-one',
		'custom-two',
	] );
} );

test( 'PUT /order reorders what DMC sees', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
	await register(
		admin(),
		'custom-a',
		{ session_id: 'CUSTOM_A_ID' },
		{ enabled: false }
	);
	const response = await admin().put< RuntimeItem[] >( '/order', {
		order: [ 'custom-a', 'opencode', 'kimaki' ],
	} );
	expect( response.status, response.text ).toBe( 200 );
	expect( ids( response.body ) ).toEqual( [
		'custom-a',
		'opencode',
		'kimaki',
	] );
	expect( response.body ).toEqual( await listRuntimes( admin() ) );
	expect( publishedOrder() ).toEqual( [ 'opencode', 'kimaki' ] );

	await admin().patch( '/runtimes/custom-a', { enabled: true } );
	expect( publishedOrder() ).toEqual( [ 'custom-a', 'opencode', 'kimaki' ] );
	const signatures = await admin().get< SignaturesBody >( '/signatures' );
	expect( Object.keys( signatures.body.signatures ) ).toEqual( [
		'custom-a',
		'opencode',
		'kimaki',
	] );
} );

test( 'PUT /order with only unregistered presets left over lists them after the registered ones', async () => {
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
	await register( admin(), 'custom-a', { session_id: 'CUSTOM_A_ID' } );
	const response = await admin().put< RuntimeItem[] >( '/order', {
		order: [ 'custom-a', 'opencode' ],
	} );
	expect( response.status ).toBe( 200 );
	expect( ids( response.body ) ).toEqual( [
		'custom-a',
		'opencode',
		'kimaki',
	] );
	expect( response.body[ 2 ].registered ).toBe( false );
} );

const INVALID_ORDERS: Array< [ string, unknown ] > = [
	[ 'a registered id missing', { order: [ 'kimaki', 'opencode' ] } ],
	[
		'an id that is not registered',
		{ order: [ 'kimaki', 'opencode', 'custom-a', 'stranger' ] },
	],
	[
		'an unregistered preset',
		{ order: [ 'custom-a', 'opencode', 'kimaki' ] },
	],
	[
		'a duplicate id',
		{ order: [ 'kimaki', 'opencode', 'custom-a', 'kimaki' ] },
	],
	[ 'an empty list', { order: [] } ],
	[ 'a string', { order: 'kimaki,opencode,custom-a' } ],
	[ 'no order at all', {} ],
];

for ( const [ what, body ] of INVALID_ORDERS ) {
	test( `PUT /order with ${ what } is 400 wpca_invalid_order and changes nothing`, async () => {
		await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
		await register( admin(), 'opencode', PRESET_FIELDS.opencode );
		if ( 'an unregistered preset' === what ) {
			await admin().delete( '/runtimes/kimaki' );
		}
		await register( admin(), 'custom-a', { session_id: 'CUSTOM_A_ID' } );
		const before = storedState();
		const response = await admin().put< ErrorBody >( '/order', body );
		expect( response.status, response.text ).toBe( 400 );
		expect( response.body.code ).toBe( 'wpca_invalid_order' );
		expect( response.body.message ).toContain( 'order' );
		expect( storedState() ).toBe( before );
	} );
}

test( 'GET /signatures equals exactly what the filter publishes, in filter order', async () => {
	await register( admin(), 'opencode', PRESET_FIELDS.opencode );
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	await register( admin(), 'custom-a', {
		session_id: 'CUSTOM_A_ID',
		thread_url: 'CUSTOM_A_URL',
	} );
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status ).toBe( 200 );
	expect( response.body.signatures ).toEqual( publishedSignatures() );
	expect( Object.keys( response.body.signatures ) ).toEqual(
		publishedOrder()
	);
	expect( response.body.signatures ).toEqual( {
		kimaki: PRESET_FIELDS.kimaki,
		opencode: PRESET_FIELDS.opencode,
		'custom-a': { session_id: 'CUSTOM_A_ID', thread_url: 'CUSTOM_A_URL' },
	} );
	expect( response.body.collisions ).toEqual( [] );
	expect( response.body.problems ).toEqual( [] );
} );

test( 'GET /signatures on a clean site is an empty JSON object, not a list', async () => {
	const response = await admin().get< SignaturesBody >( '/signatures' );
	expect( response.status ).toBe( 200 );
	expect( Array.isArray( response.body.signatures ) ).toBe( false );
	expect( response.body.signatures ).toEqual( {} );
	expect( response.body.collisions ).toEqual( [] );
	expect( response.body.problems ).toEqual( [] );
} );

test( 'the published option is stored DMC-shaped and not autoloaded', async () => {
	await register( admin(), 'kimaki', PRESET_FIELDS.kimaki );
	const autoload = wpPhp(
		'global $wpdb; echo $wpdb->get_var( "SELECT autoload FROM {$wpdb->options} WHERE option_name = \'datamachine_code_worktree_runtime_signatures\'" );'
	).trim();
	expect( [ 'no', 'off', 'auto-off' ] ).toContain( autoload );
	const stored = JSON.parse(
		wpPhp(
			"echo wp_json_encode( get_option( 'datamachine_code_worktree_runtime_signatures' ) );"
		)
	);
	expect( stored ).toEqual( { kimaki: PRESET_FIELDS.kimaki } );
} );
