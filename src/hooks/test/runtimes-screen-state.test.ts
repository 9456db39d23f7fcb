import type {
	AttributionPreview,
	LastVerification,
	ObservationsResponse,
	Runtime,
	SignaturesResponse,
} from '../../api/types';
import {
	initialScreenState,
	runtimeScope,
	screenReducer,
	type ScreenState,
} from '../runtimes-screen-state';

const kimaki: Runtime = {
	id: 'kimaki',
	label: 'Kimaki',
	fields: { session_id: 'KIMAKI_SESSION_ID' },
	enabled: true,
	registered: true,
	preset: true,
	source: 'admin',
	updated_at: '2026-11-23T21:50:00+00:00',
	updated_by: 'admin',
	collision: false,
	declared: null,
	overridden: [],
	revision: 0,
	etag: 'e0',
};

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
		findings: [],
		lock_budget: lockBudget,
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
	lock_budget: lockBudget,
	inventory: { length: 3, max_length: 191, fits: true },
	recorded: false,
};

const noObservations: ObservationsResponse = {
	observations: [],
	window_days: 14,
	variables: [],
	runtimes: [],
};

function loaded( map: SignaturesResponse[ 'signatures' ] ): ScreenState {
	return screenReducer( initialScreenState, {
		type: 'loaded',
		runtimes: [ kimaki ],
		signatures: signatures( map ),
		lastVerification: null,
		observations: noObservations,
		foreign: [],
	} );
}

describe( 'screenReducer', () => {
	it( 'is ready once loaded, or once loading failed', () => {
		expect( initialScreenState.loaded ).toBe( false );
		expect( loaded( {} ).loaded ).toBe( true );
		const failed = screenReducer( initialScreenState, {
			type: 'failed',
			scope: 'load',
			message: 'Forbidden',
		} );
		expect( failed.loaded ).toBe( true );
		expect( failed.errors.load ).toBe( 'Forbidden' );
	} );

	it( 'tracks busy and errors per row, clearing the old error when the row retries', () => {
		const scope = runtimeScope( 'kimaki' );
		let state = screenReducer( loaded( {} ), { type: 'started', scope } );
		expect( state.busy[ scope ] ).toBe( true );
		expect( state.busy[ runtimeScope( 'opencode' ) ] ).toBeUndefined();

		state = screenReducer( state, {
			type: 'failed',
			scope,
			message: 'fields.session_id is invalid',
		} );
		expect( state.busy[ scope ] ).toBeUndefined();
		expect( state.errors[ scope ] ).toBe( 'fields.session_id is invalid' );

		state = screenReducer( state, { type: 'started', scope } );
		expect( state.errors[ scope ] ).toBeUndefined();
		state = screenReducer( state, { type: 'succeeded', scope } );
		expect( state.busy ).toEqual( {} );
	} );

	it( "keeps one scope's error while another scope works", () => {
		let state = screenReducer( loaded( {} ), {
			type: 'failed',
			scope: 'add',
			message: 'id taken',
		} );
		state = screenReducer( state, { type: 'started', scope: 'order' } );
		state = screenReducer( state, { type: 'succeeded', scope: 'order' } );
		expect( state.errors.add ).toBe( 'id taken' );
		expect(
			screenReducer( state, { type: 'dismissed', scope: 'add' } ).errors
				.add
		).toBeUndefined();
	} );

	it( 'drops a preview when the effective signatures change under it, keeps it otherwise', () => {
		const map = { kimaki: { session_id: 'KIMAKI_SESSION_ID' } };
		let state = screenReducer( loaded( map ), {
			type: 'previewed',
			preview,
		} );
		state = screenReducer( state, {
			type: 'loaded',
			runtimes: [ kimaki ],
			signatures: signatures( { ...map } ),
			lastVerification: null,
			observations: noObservations,
			foreign: [],
		} );
		expect( state.preview ).toBe( preview );
		state = screenReducer( state, {
			type: 'loaded',
			runtimes: [ kimaki ],
			signatures: signatures( {} ),
			lastVerification: null,
			observations: noObservations,
			foreign: [],
		} );
		expect( state.preview ).toBeNull();
	} );

	it( 'shows the last verification of the latest load', () => {
		const report: LastVerification = {
			recorded_at: '2026-11-23T21:50:00+00:00',
			recorded_by: 'admin',
			source: 'installer',
			declared: [ 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID' ],
			found: [ 'KIMAKI_SESSION_ID' ],
			missing: [ 'KIMAKI_THREAD_ID' ],
			host: 'agent-host',
			runtime: 'kimaki',
			hashes: { KIMAKI_SESSION_ID: '0123456789ab' },
			primary_runtime: 'kimaki',
			primary_variable: 'KIMAKI_SESSION_ID',
			primary_hash: '0123456789ab',
		};
		expect( loaded( {} ).lastVerification ).toBeNull();
		const state = screenReducer( loaded( {} ), {
			type: 'loaded',
			runtimes: [ kimaki ],
			signatures: signatures( {} ),
			lastVerification: report,
			observations: noObservations,
			foreign: [],
		} );
		expect( state.lastVerification ).toBe( report );
		expect( state.observations ).toBe( noObservations );
	} );

	it( 'clears a load error once a reload succeeds', () => {
		let state = screenReducer( initialScreenState, {
			type: 'failed',
			scope: 'load',
			message: 'offline',
		} );
		state = screenReducer( state, {
			type: 'loaded',
			runtimes: [],
			signatures: signatures( {} ),
			lastVerification: null,
			observations: noObservations,
			foreign: [],
		} );
		expect( state.errors.load ).toBeUndefined();
	} );
} );
