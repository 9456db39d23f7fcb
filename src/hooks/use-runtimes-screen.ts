/**
 * Everything the admin screen does with the REST API. The first load is one read
 * (GET /screen, preloaded in the page). A change shows at once (the reducer applies it
 * to what the server last said) and goes into a queue of writes sent one at a time,
 * each with the ETag of what the admin saw; a write's answer embeds the screen as it
 * left it (`?_embed=wpca:screen`), so one request brings everything the change can
 * alter. A reorder, whose answer is a list, and a refusal are followed by one read of
 * the screen. Clicks made while a write is on its way are queued (or merged), never
 * dropped.
 */
import { useDispatch } from '@wordpress/data';
import { useCallback, useEffect, useReducer, useRef } from '@wordpress/element';
import { store as noticesStore } from '@wordpress/notices';
import {
	adoptSignature,
	deleteRuntime,
	getScreen,
	patchRuntime,
	previewAttribution,
	putObservationSettings,
	putOrder,
	putRuntime,
	repairSignatures,
	resetRuntime,
	type Written,
} from '../api/client';
import type {
	AttributionStatus,
	Catalogue,
	ForeignSignature,
	LastVerification,
	ObservationsResponse,
	PutRuntimeBody,
	Runtime,
	ScreenResponse,
	SignaturesResponse,
	DmcStatus,
} from '../api/types';
import { errorMessage, isRestError } from '../lib/errors';
import { moveInOrder, registeredOrder } from '../lib/order';
import { successMessages as said } from '../lib/success-messages';
import {
	initialScreenState,
	isPending,
	nextWrite,
	screenReducer,
	shownRuntimes,
	type Intent,
	type Plan,
	type Scope,
	type ScreenState,
} from './runtimes-screen-state';

/** How a change ended: accepted, or refused with what the request rejected with. */
export type Outcome = { ok: true } | { ok: false; error: unknown };

export interface RuntimesScreen {
	loaded: boolean;
	/** As shown: the server's runtimes with the pending changes applied. */
	runtimes: Runtime[];
	signatures: SignaturesResponse | null;
	/** What an agent process last reported through `bin/runtime-signature verify`. */
	lastVerification: LastVerification | null;
	/** The observation history and what it says per declared variable. */
	observations: ObservationsResponse | null;
	/** Entries other code adds to the filter, to adopt. */
	foreign: ForeignSignature[];
	/** Whether Data Machine Code is there (null until loaded). */
	dmc: DmcStatus | null;
	/** The runtime catalogue (GET /catalogue), null before the first load. */
	catalogue: Catalogue | null;
	/** Is attribution working: one verdict per runtime (GET /attribution/status), null before the first load. */
	attribution: AttributionStatus | null;
	/** Shows a screen a write outside this hook brought back embedded. */
	applyScreen: ( screen: ScreenResponse ) => void;
	isBusy: ( scope: Scope ) => boolean;
	/** Whether an edit of the runtime is being saved. */
	isSaving: ( id: string ) => boolean;
	errorFor: ( scope: Scope ) => string | undefined;
	dismissError: ( scope: Scope ) => void;
	reload: () => Promise< void >;
	/** Resolves once the server answered: the form keeps its draft until then. */
	saveRuntime: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	addRuntime: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	/** `basedOn`: the ETag of the state the admin saw, when not the screen's (the first paint's). */
	setEnabled: ( id: string, enabled: boolean, basedOn?: string ) => void;
	removeRuntime: ( id: string ) => void;
	/** Drops the admin's changes: what the installer declares applies again. */
	resetToDeclared: ( id: string ) => void;
	/** Whether the scope's last change was refused because the runtime changed since it was loaded. */
	isConflict: ( scope: Scope ) => boolean;
	moveRuntime: ( id: string, offset: -1 | 1 ) => void;
	repair: () => Promise< boolean >;
	preview: ( env: Record< string, string > ) => Promise< boolean >;
	saveWindowDays: ( days: number ) => Promise< boolean >;
	adopt: ( id: string ) => Promise< boolean >;
	previewResult: ScreenState[ 'preview' ];
}

/**
 * Sends one planned write; the screen it leaves comes embedded, or (for a reorder) is
 * read after it.
 * @param plan The write.
 */
async function send( plan: Plan ): Promise< ScreenResponse | null > {
	const screenOf = async ( written: Promise< Written< unknown > > ) =>
		( await written ).screen;
	switch ( plan.call ) {
		case 'patch':
			return screenOf(
				patchRuntime( plan.id, { enabled: plan.enabled }, plan.etag )
			);
		case 'put':
			return screenOf( putRuntime( plan.id, plan.body, plan.etag ) );
		case 'delete':
			return screenOf( deleteRuntime( plan.id, plan.etag ) );
		case 'reset':
			return screenOf( resetRuntime( plan.id, plan.etag ) );
		case 'repair':
			return screenOf( repairSignatures() );
		case 'adopt':
			return screenOf( adoptSignature( plan.id ) );
		case 'window':
			return screenOf(
				putObservationSettings( { window_days: plan.days } )
			);
		case 'order':
			await putOrder( plan.order, plan.etag );
			return null;
		case 'none':
			return null;
	}
}

export function useRuntimesScreen(): RuntimesScreen {
	const [ state, dispatch ] = useReducer( screenReducer, initialScreenState );
	const stateRef = useRef( state );
	stateRef.current = state;
	const lastKey = useRef( 0 );
	// Who waits for a write's outcome (the forms), by the write's key.
	const waiting = useRef( new Map< number, ( outcome: Outcome ) => void >() );
	const writing = useRef( false );
	const { createSuccessNotice } = useDispatch( noticesStore );

	const applyScreen = useCallback(
		( screen: ScreenResponse ) => dispatch( { type: 'loaded', screen } ),
		[]
	);

	const reload = useCallback( async () => {
		dispatch( { type: 'started', scope: 'load' } );
		try {
			dispatch( { type: 'loaded', screen: await getScreen() } );
			dispatch( { type: 'succeeded', scope: 'load' } );
		} catch ( error ) {
			dispatch( {
				type: 'failed',
				scope: 'load',
				message: errorMessage( error ),
			} );
		}
	}, [] );

	useEffect( () => {
		reload();
	}, [ reload ] );

	// The queue: whenever nothing is in flight and a write waits, send it.
	useEffect( () => {
		const plan = nextWrite( state );
		if ( ! plan || writing.current ) {
			return;
		}
		writing.current = true;
		// Before the state changes, so the next write goes as soon as it renders.
		const settle = ( outcome: Outcome ) => {
			writing.current = false;
			for ( const key of plan.keys ) {
				waiting.current.get( key )?.( outcome );
				waiting.current.delete( key );
			}
		};
		const successes = state.pending
			.filter( ( write ) => plan.keys.includes( write.key ) )
			.map( ( write ) => write.success )
			.filter( ( text ): text is string => undefined !== text );
		dispatch( { type: 'sent', keys: plan.keys } );
		( async () => {
			try {
				const screen =
					( await send( plan ) ) ??
					( 'none' === plan.call ? null : await getScreen() );
				settle( { ok: true } );
				dispatch( { type: 'written', keys: plan.keys, screen } );
				const success = successes.at( -1 );
				if ( success && 'none' !== plan.call ) {
					createSuccessNotice( success, {
						type: 'snackbar',
						id: `wpca-${ plan.keys[ 0 ] }`,
					} );
				}
			} catch ( error ) {
				// What is stored now, so the screen stops showing what was refused.
				const screen = await getScreen().catch( () => null );
				settle( { ok: false, error } );
				dispatch( {
					type: 'refused',
					keys: plan.keys,
					message: errorMessage( error ),
					conflict:
						isRestError( error ) && 'wpca_conflict' === error.code,
					screen,
				} );
			}
		} )();
	}, [ state, createSuccessNotice ] );

	/**
	 * Queues a change.
	 * @param intent  The change.
	 * @param success What to say once it is stored.
	 * @param basedOn The ETag the admin saw, when not the screen's.
	 * @return The change's key.
	 */
	const request = useCallback(
		( intent: Intent, success?: string, basedOn?: string ) => {
			lastKey.current += 1;
			const key = lastKey.current;
			dispatch( { type: 'requested', key, intent, success, basedOn } );
			return key;
		},
		[]
	);
	/**
	 * Queues a change whose outcome the caller waits for (a form keeps its draft until
	 * the server answered).
	 * @param intent  The change.
	 * @param success What to say once it is stored.
	 */
	const requestAndWait = useCallback(
		( intent: Intent, success?: string ) =>
			new Promise< Outcome >( ( resolve ) =>
				waiting.current.set( request( intent, success ), resolve )
			),
		[ request ]
	);

	const shown = () => shownRuntimes( stateRef.current );
	const setEnabled = useCallback(
		( id: string, enabled: boolean, basedOn?: string ) => {
			request(
				{ kind: 'enable', id, enabled },
				said.published( shown(), id, enabled ),
				basedOn
			);
		},
		[ request ]
	);
	const moveRuntime = useCallback(
		( id: string, offset: -1 | 1 ) => {
			const order = moveInOrder( registeredOrder( shown() ), id, offset );
			if ( null !== order ) {
				request(
					{ kind: 'move', id, offset },
					said.moved( shown(), id, order )
				);
			}
		},
		[ request ]
	);
	const resetToDeclared = useCallback(
		( id: string ) => {
			request( { kind: 'reset', id }, said.saved( shown(), id ) );
		},
		[ request ]
	);
	const removeRuntime = useCallback(
		( id: string ) => {
			request( { kind: 'remove', id }, said.removed( shown(), id ) );
		},
		[ request ]
	);
	const saveRuntime = useCallback(
		( id: string, body: PutRuntimeBody ) =>
			requestAndWait(
				{ kind: 'save', id, body },
				said.saved( shown(), id )
			),
		[ requestAndWait ]
	);
	const addRuntime = useCallback(
		( id: string, body: PutRuntimeBody ) =>
			requestAndWait( { kind: 'add', id, body }, said.added( id ) ),
		[ requestAndWait ]
	);
	const succeeded = ( outcome: Outcome ) => outcome.ok;
	const repair = useCallback(
		() =>
			requestAndWait( { kind: 'repair' }, said.repaired() ).then(
				succeeded
			),
		[ requestAndWait ]
	);
	const saveWindowDays = useCallback(
		( days: number ) =>
			requestAndWait( { kind: 'window', days } ).then( succeeded ),
		[ requestAndWait ]
	);
	const adopt = useCallback(
		( id: string ) =>
			requestAndWait( { kind: 'adopt', id } ).then( succeeded ),
		[ requestAndWait ]
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
		( scope: Scope ) => isPending( state, scope ),
		[ state ]
	);
	const errorFor = useCallback(
		( scope: Scope ) => state.errors[ scope ],
		[ state.errors ]
	);
	const dismissError = useCallback(
		( scope: Scope ) => dispatch( { type: 'dismissed', scope } ),
		[]
	);

	const { server } = state;
	return {
		loaded: state.loaded,
		runtimes: shownRuntimes( state ),
		signatures: server?.signatures ?? null,
		lastVerification: server?.last_verification.verification ?? null,
		observations: server?.observations ?? null,
		foreign: server?.foreign_signatures.entries ?? [],
		dmc: server?.dmc ?? null,
		catalogue: server?.catalogue ?? null,
		attribution: server?.attribution ?? null,
		applyScreen,
		previewResult: state.preview,
		isBusy,
		isSaving: ( id: string ) =>
			state.pending.some(
				( write ) =>
					'save' === write.intent.kind && id === write.intent.id
			),
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
