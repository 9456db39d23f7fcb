/**
 * Everything the admin screen does with the REST API: the initial load, each
 * change, and a reload of the runtimes and of the effective signatures after
 * every change (the server decides positions and what DMC finally sees).
 */
import { useDispatch } from '@wordpress/data';
import { useCallback, useEffect, useReducer, useRef } from '@wordpress/element';
import { store as noticesStore } from '@wordpress/notices';
import {
	adoptSignature,
	deleteRuntime,
	getForeignSignatures,
	getLastVerification,
	getObservations,
	getSignatures,
	listRuntimes,
	patchRuntime,
	previewAttribution,
	putObservationSettings,
	putOrder,
	putRuntime,
	repairSignatures,
	resetRuntime,
} from '../api/client';
import type { PutRuntimeBody } from '../api/types';
import { errorMessage, isRestError } from '../lib/errors';
import { moveInOrder, registeredOrder } from '../lib/order';
import { successMessages as said } from '../lib/success-messages';
import {
	adoptScope,
	initialScreenState,
	runtimeScope,
	screenReducer,
	type Scope,
	type ScreenState,
} from './runtimes-screen-state';

/** How a change ended: accepted, or refused with what the request rejected with. */
export type Outcome = { ok: true } | { ok: false; error: unknown };

export interface RuntimesScreen extends Omit< ScreenState, 'preview' > {
	isBusy: ( scope: Scope ) => boolean;
	errorFor: ( scope: Scope ) => string | undefined;
	dismissError: ( scope: Scope ) => void;
	reload: () => Promise< void >;
	/** Each change resolves to true when the server accepted it. */
	saveRuntime: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	addRuntime: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	/** `basedOn`: the ETag of the state the admin saw, when not the screen's (the first paint's). */
	setEnabled: (
		id: string,
		enabled: boolean,
		basedOn?: string
	) => Promise< boolean >;
	removeRuntime: ( id: string ) => Promise< boolean >;
	/** Drops the admin's changes: what the installer declares applies again. */
	resetToDeclared: ( id: string ) => Promise< boolean >;
	/** Whether the scope's last change was refused because the runtime changed since it was loaded. */
	isConflict: ( scope: Scope ) => boolean;
	moveRuntime: ( id: string, offset: -1 | 1 ) => Promise< boolean >;
	repair: () => Promise< boolean >;
	preview: ( env: Record< string, string > ) => Promise< boolean >;
	saveWindowDays: ( days: number ) => Promise< boolean >;
	adopt: ( id: string ) => Promise< boolean >;
	previewResult: ScreenState[ 'preview' ];
}

export function useRuntimesScreen(): RuntimesScreen {
	const [ state, dispatch ] = useReducer( screenReducer, initialScreenState );
	// Only the latest reload may write the lists: an older answer could be stale.
	const latestReload = useRef( 0 );
	const runtimesRef = useRef( state.runtimes );
	runtimesRef.current = state.runtimes;

	const fetchAll = useCallback( async () => {
		latestReload.current += 1;
		const ticket = latestReload.current;
		const [
			runtimes,
			signatures,
			lastVerification,
			observations,
			foreign,
		] = await Promise.all( [
			listRuntimes(),
			getSignatures(),
			getLastVerification(),
			getObservations(),
			getForeignSignatures(),
		] );
		if ( ticket === latestReload.current ) {
			dispatch( {
				type: 'loaded',
				runtimes,
				signatures,
				lastVerification,
				observations,
				foreign,
			} );
		}
	}, [] );

	const reload = useCallback( async () => {
		dispatch( { type: 'started', scope: 'load' } );
		try {
			await fetchAll();
			dispatch( { type: 'succeeded', scope: 'load' } );
		} catch ( error ) {
			dispatch( {
				type: 'failed',
				scope: 'load',
				message: errorMessage( error ),
			} );
		}
	}, [ fetchAll ] );

	const { createSuccessNotice } = useDispatch( noticesStore );

	/**
	 * Runs one change, then reloads whether or not it was accepted, so the screen shows
	 * what is stored; confirms success in a snackbar (errors stay next to their fields).
	 */
	const change = useCallback(
		async (
			scope: Scope,
			request: () => Promise< unknown >,
			success?: string
		): Promise< Outcome > => {
			dispatch( { type: 'started', scope } );
			let failure: string | null = null;
			let refusal: unknown = null;
			let conflict = false;
			try {
				await request();
			} catch ( error ) {
				refusal = error;
				failure = errorMessage( error );
				conflict =
					isRestError( error ) && 'wpca_conflict' === error.code;
			}
			try {
				await fetchAll();
			} catch ( error ) {
				refusal = refusal ?? error;
				failure = failure ?? errorMessage( error );
			}
			if ( null === failure ) {
				dispatch( { type: 'succeeded', scope } );
				if ( success ) {
					createSuccessNotice( success, {
						type: 'snackbar',
						id: `wpca-${ scope }`,
					} );
				}
				return { ok: true };
			}
			dispatch( { type: 'failed', scope, message: failure, conflict } );
			return { ok: false, error: refusal };
		},
		[ fetchAll, createSuccessNotice ]
	);

	useEffect( () => {
		reload();
	}, [ reload ] );

	const succeeded = ( outcome: Outcome ) => outcome.ok;

	// Every change of a listed runtime says which version it is based on (If-Match).
	const etagOf = ( id: string ) =>
		runtimesRef.current.find( ( runtime ) => runtime.id === id )?.etag;
	const saveRuntime = useCallback(
		( id: string, body: PutRuntimeBody ) =>
			change(
				runtimeScope( id ),
				() => putRuntime( id, body, etagOf( id ) ),
				said.saved( runtimesRef.current, id )
			),
		[ change ]
	);
	const resetToDeclared = useCallback(
		( id: string ) =>
			change(
				runtimeScope( id ),
				() => resetRuntime( id, etagOf( id ) ),
				said.saved( runtimesRef.current, id )
			).then( succeeded ),
		[ change ]
	);
	const addRuntime = useCallback(
		( id: string, body: PutRuntimeBody ) =>
			change( 'add', () => putRuntime( id, body ), said.added( id ) ),
		[ change ]
	);
	const setEnabled = useCallback(
		( id: string, enabled: boolean, basedOn?: string ) =>
			change(
				runtimeScope( id ),
				() => patchRuntime( id, { enabled }, basedOn ?? etagOf( id ) ),
				said.published( runtimesRef.current, id, enabled )
			).then( succeeded ),
		[ change ]
	);
	const removeRuntime = useCallback(
		( id: string ) =>
			change(
				runtimeScope( id ),
				() => deleteRuntime( id, etagOf( id ) ),
				said.removed( runtimesRef.current, id )
			).then( succeeded ),
		[ change ]
	);
	const moveRuntime = useCallback(
		( id: string, offset: -1 | 1 ) => {
			const order = moveInOrder(
				registeredOrder( runtimesRef.current ),
				id,
				offset
			);
			if ( null === order ) {
				return Promise.resolve( false );
			}
			return change(
				'order',
				() => putOrder( order ),
				said.moved( runtimesRef.current, id, order )
			).then( succeeded );
		},
		[ change ]
	);
	const repair = useCallback(
		() =>
			change( 'repair', repairSignatures, said.repaired() ).then(
				succeeded
			),
		[ change ]
	);
	const saveWindowDays = useCallback(
		( days: number ) =>
			change( 'window', () =>
				putObservationSettings( { window_days: days } )
			).then( succeeded ),
		[ change ]
	);
	const adopt = useCallback(
		( id: string ) =>
			change( adoptScope( id ), () => adoptSignature( id ) ).then(
				succeeded
			),
		[ change ]
	);

	const preview = useCallback( async ( env: Record< string, string > ) => {
		dispatch( { type: 'started', scope: 'preview' } );
		try {
			const result = await previewAttribution( env );
			dispatch( { type: 'previewed', preview: result } );
			dispatch( { type: 'succeeded', scope: 'preview' } );
			return true;
		} catch ( error ) {
			dispatch( {
				type: 'failed',
				scope: 'preview',
				message: errorMessage( error ),
			} );
			return false;
		}
	}, [] );

	const isBusy = useCallback(
		( scope: Scope ) => true === state.busy[ scope ],
		[ state.busy ]
	);
	const errorFor = useCallback(
		( scope: Scope ) => state.errors[ scope ],
		[ state.errors ]
	);
	const dismissError = useCallback(
		( scope: Scope ) => dispatch( { type: 'dismissed', scope } ),
		[]
	);

	return {
		...state,
		previewResult: state.preview,
		isBusy,
		errorFor,
		dismissError,
		reload,
		saveRuntime,
		addRuntime,
		setEnabled,
		removeRuntime,
		resetToDeclared,
		isConflict: ( scope: Scope ) => true === state.conflicts[ scope ],
		moveRuntime,
		repair,
		preview,
		saveWindowDays,
		adopt,
	};
}
