import type {
	AttributionPreview,
	LastVerification,
	Runtime,
	ScreenResponse,
	SignaturesResponse,
} from '../../api/types';
import {
	initialScreenState,
	isPending,
	nextWrite,
	runtimeScope,
	screenReducer,
	shownRuntimes,
	type Intent,
	type ScreenAction,
	type ScreenState,
} from '../runtimes-screen-state';

function runtime( id: string, changes: Partial< Runtime > = {} ): Runtime {
	return {
		id,
		label: id,
		fields: { session_id: `${ id.toUpperCase() }_SESSION_ID` },
		enabled: true,
		registered: true,
		preset: false,
		source: 'admin',
		updated_at: '2026-11-23T21:50:00+00:00',
		updated_by: 'admin',
		collision: false,
		declared: null,
		overridden: [],
		revision: 1,
		etag: `${ id }-1`,
		...changes,
	};
}

const kimaki = runtime( 'kimaki', { preset: true, label: 'Kimaki' } );
const opencode = runtime( 'opencode', { preset: true, label: 'OpenCode' } );
const mine = runtime( 'my-agent' );

const lockBudget = {
	runtime_ids_bytes: 0,
	reserved_bytes: 3203,
	total_bytes: 3203,
	budget: 8192,
	fits: true,
};

function signatures(
	map: SignaturesResponse[ 'signatures' ]
): SignaturesResponse {
	return {
		signatures: map,
		collisions: [],
		problems: [],
		entries: [],
		declared: [],
		primary_variables: [],
		secret_variables: [],
		findings: [],
		lock_budget: lockBudget,
	};
}

function screen(
	runtimes: Runtime[],
	changes: Partial< ScreenResponse > = {}
): ScreenResponse {
	return {
		runtimes,
		order_etag: `order-${ runtimes
			.filter( ( item ) => item.registered )
			.map( ( item ) => item.id )
			.join( ',' ) }`,
		signatures: signatures(
			Object.fromEntries(
				runtimes
					.filter( ( item ) => item.enabled )
					.map( ( item ) => [ item.id, item.fields ] )
			)
		),
		last_verification: { verification: null },
		observations: {
			observations: [],
			window_days: 14,
			variables: [],
			runtimes: [],
		},
		foreign_signatures: { entries: [] },
		dmc: {} as ScreenResponse[ 'dmc' ],
		catalogue: {} as ScreenResponse[ 'catalogue' ],
		attribution: {} as ScreenResponse[ 'attribution' ],
		...changes,
	};
}

const preview: AttributionPreview = {
	origin_session: {
		primary_id: 'abc',
		ids: { kimaki: { session_id: 'abc' } },
	},
	primary_source: {
		runtime: 'kimaki',
		subkey: 'session_id',
		variable: 'KIMAKI_SESSION_ID',
	},
	lock_owner: { runtime_ids: { kimaki: { session_id: 'abc' } } },
	declared: [ 'KIMAKI_SESSION_ID' ],
	found: [ 'KIMAKI_SESSION_ID' ],
	missing: [],
	withheld: [],
	lock_budget: lockBudget,
	recorded: false,
} as unknown as AttributionPreview;

function run( state: ScreenState, ...actions: ScreenAction[] ): ScreenState {
	return actions.reduce( screenReducer, state );
}

function loaded( runtimes: Runtime[] ): ScreenState {
	return run( initialScreenState, {
		type: 'loaded',
		screen: screen( runtimes ),
	} );
}

let key = 0;
function ask( intent: Intent, basedOn?: string ): ScreenAction {
	key += 1;
	return { type: 'requested', key, intent, basedOn };
}

const ids = ( state: ScreenState ) =>
	shownRuntimes( state ).map( ( item ) => item.id );

describe( 'screenReducer: loading', () => {
	it( 'is ready once loaded, or once loading failed', () => {
		expect( initialScreenState.loaded ).toBe( false );
		expect( loaded( [] ).loaded ).toBe( true );
		const failed = run( initialScreenState, {
			type: 'failed',
			scope: 'load',
			message: 'Forbidden',
		} );
		expect( failed.loaded ).toBe( true );
		expect( failed.errors.load ).toBe( 'Forbidden' );
		expect(
			run( failed, { type: 'loaded', screen: screen( [] ) } ).errors.load
		).toBeUndefined();
	} );

	it( 'shows the last verification of the latest load', () => {
		const report = {
			recorded_at: '2026-11-23T21:50:00+00:00',
			runtime: 'kimaki',
		} as LastVerification;
		const state = run( loaded( [ kimaki ] ), {
			type: 'loaded',
			screen: screen( [ kimaki ], {
				last_verification: { verification: report },
			} ),
		} );
		expect( state.server?.last_verification.verification ).toBe( report );
	} );

	it( 'drops a preview when the effective signatures change under it, keeps it otherwise', () => {
		let state = run( loaded( [ kimaki ] ), {
			type: 'previewed',
			preview,
		} );
		state = run( state, {
			type: 'loaded',
			screen: screen( [ { ...kimaki } ] ),
		} );
		expect( state.preview ).toBe( preview );
		state = run( state, {
			type: 'loaded',
			screen: screen( [ { ...kimaki, enabled: false } ] ),
		} );
		expect( state.preview ).toBeNull();
	} );
} );

describe( 'screenReducer: a change shows at once and is written once', () => {
	it( 'shows a toggle before the server answers, and sends one PATCH with the ETag the admin saw', () => {
		let state = run(
			loaded( [ kimaki ] ),
			ask( { kind: 'enable', id: 'kimaki', enabled: false } )
		);
		expect( shownRuntimes( state )[ 0 ].enabled ).toBe( false );
		expect( isPending( state, runtimeScope( 'kimaki' ) ) ).toBe( true );
		const plan = nextWrite( state );
		expect( plan ).toMatchObject( {
			call: 'patch',
			id: 'kimaki',
			enabled: false,
			etag: 'kimaki-1',
		} );
		state = run( state, { type: 'sent', keys: plan!.keys } );
		expect( nextWrite( state ) ).toBeNull(); // One write at a time.

		const stored = { ...kimaki, enabled: false, etag: 'kimaki-2' };
		state = run( state, {
			type: 'written',
			keys: plan!.keys,
			screen: screen( [ stored ] ),
		} );
		expect( shownRuntimes( state ) ).toEqual( [ stored ] );
		expect( isPending( state, runtimeScope( 'kimaki' ) ) ).toBe( false );
		expect( nextWrite( state ) ).toBeNull();
	} );

	it( 'queues a press made while the first is on its way, based on the first one’s answer', () => {
		let state = run(
			loaded( [ kimaki ] ),
			ask( { kind: 'enable', id: 'kimaki', enabled: false } )
		);
		const first = nextWrite( state )!;
		state = run(
			state,
			{ type: 'sent', keys: first.keys },
			ask( { kind: 'enable', id: 'kimaki', enabled: true } )
		);
		// Shown: the second press; nothing is dropped.
		expect( shownRuntimes( state )[ 0 ].enabled ).toBe( true );
		expect( state.pending ).toHaveLength( 2 );
		state = run( state, {
			type: 'written',
			keys: first.keys,
			screen: screen( [ { ...kimaki, enabled: false, etag: 'k2' } ] ),
		} );
		expect( shownRuntimes( state )[ 0 ].enabled ).toBe( true );
		expect( nextWrite( state ) ).toMatchObject( {
			call: 'patch',
			enabled: true,
			etag: 'k2',
		} );
	} );

	it( 'merges presses not sent yet: back where it was, nothing is sent', () => {
		let state = run(
			loaded( [ kimaki, opencode ] ),
			ask( { kind: 'enable', id: 'opencode', enabled: false } )
		);
		const first = nextWrite( state )!;
		state = run(
			state,
			{ type: 'sent', keys: first.keys },
			ask( { kind: 'enable', id: 'kimaki', enabled: false } ),
			ask( { kind: 'enable', id: 'kimaki', enabled: true } )
		);
		expect( state.pending ).toHaveLength( 1 );
		state = run(
			state,
			ask( { kind: 'enable', id: 'kimaki', enabled: false } ),
			ask( { kind: 'enable', id: 'kimaki', enabled: true } ),
			ask( { kind: 'enable', id: 'kimaki', enabled: false } )
		);
		expect( state.pending ).toHaveLength( 2 );
		expect( state.pending[ 1 ].intent ).toEqual( {
			kind: 'enable',
			id: 'kimaki',
			enabled: false,
		} );
	} );

	it( 'keeps the ETag of the first paint a toggle was clicked in', () => {
		const state = run(
			loaded( [ kimaki ] ),
			ask( { kind: 'enable', id: 'kimaki', enabled: false }, 'painted' )
		);
		expect( nextWrite( state ) ).toMatchObject( { etag: 'painted' } );
	} );

	it( 'moves at once, and sends moves queued together as one reorder', () => {
		let state = run(
			loaded( [ kimaki, opencode, mine ] ),
			ask( { kind: 'move', id: 'my-agent', offset: -1 } ),
			ask( { kind: 'move', id: 'my-agent', offset: -1 } )
		);
		expect( ids( state ) ).toEqual( [ 'my-agent', 'kimaki', 'opencode' ] );
		const plan = nextWrite( state )!;
		expect( plan ).toEqual( {
			keys: state.pending.map( ( write ) => write.key ),
			call: 'order',
			order: [ 'my-agent', 'kimaki', 'opencode' ],
			etag: 'order-kimaki,opencode,my-agent',
		} );
		// Down and up again, nothing sent yet: no write at all.
		state = run(
			loaded( [ kimaki, opencode ] ),
			ask( { kind: 'move', id: 'kimaki', offset: 1 } ),
			ask( { kind: 'move', id: 'kimaki', offset: -1 } )
		);
		expect( nextWrite( state ) ).toMatchObject( { call: 'none' } );
	} );

	it( 'deletes at once; a preset goes back to its unregistered defaults, last', () => {
		const state = run(
			loaded( [ kimaki, opencode, mine ] ),
			ask( { kind: 'remove', id: 'my-agent' } ),
			ask( { kind: 'remove', id: 'kimaki' } )
		);
		expect( ids( state ) ).toEqual( [ 'opencode', 'kimaki' ] );
		expect( shownRuntimes( state )[ 1 ] ).toMatchObject( {
			registered: false,
			enabled: false,
			source: 'preset',
		} );
		expect( nextWrite( state ) ).toMatchObject( {
			call: 'delete',
			id: 'my-agent',
			etag: 'my-agent-1',
		} );
	} );

	it( 'resets to what the installer declares at once', () => {
		const declared = {
			label: 'OpenCode',
			fields: { run_id: 'OPENCODE_RUN_ID' },
			enabled: true,
		};
		const changed = {
			...opencode,
			label: 'Mine',
			source: 'installer' as const,
			declared,
			overridden: [ 'label' as const, 'fields' as const ],
		};
		const state = run(
			loaded( [ changed ] ),
			ask( { kind: 'reset', id: 'opencode' } )
		);
		expect( shownRuntimes( state )[ 0 ] ).toMatchObject( {
			...declared,
			overridden: [],
		} );
		expect( nextWrite( state ) ).toMatchObject( { call: 'reset' } );
	} );

	it( 'a form’s save is not shown before the server answers', () => {
		const body = { fields: { a: 'B' }, enabled: true, label: 'X' };
		const state = run(
			loaded( [ mine ] ),
			ask( { kind: 'save', id: 'my-agent', body } )
		);
		expect( shownRuntimes( state )[ 0 ] ).toBe( mine );
		expect( nextWrite( state ) ).toMatchObject( {
			call: 'put',
			body,
			etag: 'my-agent-1',
		} );
	} );
} );

describe( 'screenReducer: a refusal', () => {
	it( 'rolls the change back, says why, and drops what was queued behind it in its scope', () => {
		let state = run(
			loaded( [ kimaki, opencode ] ),
			ask( { kind: 'enable', id: 'kimaki', enabled: false } )
		);
		const plan = nextWrite( state )!;
		state = run(
			state,
			{ type: 'sent', keys: plan.keys },
			ask( { kind: 'remove', id: 'kimaki' } ),
			ask( { kind: 'enable', id: 'opencode', enabled: false } )
		);
		const now = { ...kimaki, label: 'Changed', etag: 'kimaki-9' };
		state = run( state, {
			type: 'refused',
			keys: plan.keys,
			message:
				'Runtime "kimaki" was changed by editor since it was loaded; nothing was saved.',
			conflict: true,
			screen: screen( [ now, opencode ] ),
		} );
		expect( shownRuntimes( state )[ 0 ] ).toEqual( now );
		expect( state.errors[ runtimeScope( 'kimaki' ) ] ).toContain(
			'was changed by editor'
		);
		expect( state.conflicts[ runtimeScope( 'kimaki' ) ] ).toBe( true );
		// Another runtime's change still goes.
		expect( state.pending.map( ( write ) => write.intent ) ).toEqual( [
			{ kind: 'enable', id: 'opencode', enabled: false },
		] );
		// The next change of kimaki clears its error.
		state = run(
			state,
			ask( { kind: 'enable', id: 'kimaki', enabled: true } )
		);
		expect( state.errors[ runtimeScope( 'kimaki' ) ] ).toBeUndefined();
	} );

	it( 'keeps one scope’s error while another scope works, until dismissed', () => {
		let state = run( loaded( [ kimaki ] ), {
			type: 'failed',
			scope: 'preview',
			message: 'bad env',
		} );
		state = run(
			state,
			ask( { kind: 'enable', id: 'kimaki', enabled: false } )
		);
		expect( state.errors.preview ).toBe( 'bad env' );
		expect(
			run( state, { type: 'dismissed', scope: 'preview' } ).errors.preview
		).toBeUndefined();
	} );
} );
