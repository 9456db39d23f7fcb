/**
 * The admin screen's state as a reducer, so its transitions can be tested without a
 * browser. It keeps what the server last said (`server`, one GET /screen or the screen a
 * write answered with) and the writes the admin asked for that the server has not
 * confirmed yet (`pending`, oldest first; only the first is ever in flight). What the
 * screen shows is the server's state with the pending toggles, moves, resets and
 * deletions applied (shownRuntimes()), so a control answers at once; a refusal drops
 * the write and what was queued behind it in its scope, and the server's state shows
 * again. nextWrite() says what to send next, merging what can be merged.
 */
import type {
	AttributionPreview,
	PutRuntimeBody,
	Runtime,
	ScreenResponse,
	SignaturesResponse,
} from '../api/types';
import { moveInOrder, registeredOrder } from '../lib/order';

export type Scope =
	| `runtime:${ string }`
	| `adopt:${ string }`
	| 'load'
	| 'add'
	| 'order'
	| 'repair'
	| 'preview'
	| 'window';

export function runtimeScope( id: string ): Scope {
	return `runtime:${ id }`;
}

export function adoptScope( id: string ): Scope {
	return `adopt:${ id }`;
}

/** A change the admin asked for. */
export type Intent =
	| { kind: 'enable'; id: string; enabled: boolean }
	| { kind: 'move'; id: string; offset: -1 | 1 }
	/** Back to what the installer declares. */
	| { kind: 'reset'; id: string }
	/** Delete (a preset: back to its defaults, unregistered). */
	| { kind: 'remove'; id: string }
	| { kind: 'save'; id: string; body: PutRuntimeBody }
	| { kind: 'add'; id: string; body: PutRuntimeBody }
	| { kind: 'repair' }
	| { kind: 'adopt'; id: string }
	| { kind: 'window'; days: number };

export interface PendingWrite {
	key: number;
	intent: Intent;
	/**
	 * If-Match: the ETag of the runtime (of the order, for a move) as the admin saw it;
	 * null when what they saw was the answer of an earlier write of theirs still pending,
	 * whose answer then brings the ETag.
	 */
	basedOn: string | null;
	/** In flight. */
	sent: boolean;
	/** What the screen says once the server confirms it. */
	success?: string;
}

export interface ScreenState {
	/** False until the first load answered, successfully or not. */
	loaded: boolean;
	/** What the server last said. */
	server: ScreenResponse | null;
	pending: PendingWrite[];
	/** Scopes busy outside the queue of writes: the load and the preview. */
	busy: Partial< Record< Scope, true > >;
	errors: Partial< Record< Scope, string > >;
	/** Scopes whose last change was refused because someone changed the runtime since it was loaded (412). */
	conflicts: Partial< Record< Scope, true > >;
	/** The last preview; cleared when the effective signatures change under it. */
	preview: AttributionPreview | null;
}

export type ScreenAction =
	| { type: 'loaded'; screen: ScreenResponse }
	| {
			type: 'requested';
			key: number;
			intent: Intent;
			/** The ETag the admin saw when it is not the screen's (the first paint's). */
			basedOn?: string;
			success?: string;
	  }
	| { type: 'sent'; keys: number[] }
	| { type: 'written'; keys: number[]; screen: ScreenResponse | null }
	| {
			type: 'refused';
			keys: number[];
			message: string;
			conflict: boolean;
			screen: ScreenResponse | null;
	  }
	| { type: 'started'; scope: Scope }
	| { type: 'succeeded'; scope: Scope }
	| { type: 'failed'; scope: Scope; message: string }
	| { type: 'dismissed'; scope: Scope }
	| { type: 'previewed'; preview: AttributionPreview };

export const initialScreenState: ScreenState = {
	loaded: false,
	server: null,
	pending: [],
	busy: {},
	errors: {},
	conflicts: {},
	preview: null,
};

function without< T extends object >( map: T, key: keyof T ): T {
	const copy = { ...map };
	delete copy[ key ];
	return copy;
}

function sameSignatures(
	a: SignaturesResponse | undefined,
	b: SignaturesResponse
): boolean {
	return (
		undefined !== a &&
		JSON.stringify( a.signatures ) === JSON.stringify( b.signatures )
	);
}

/**
 * Where a change shows its busy state and its error.
 * @param intent The change.
 */
export function scopeOf( intent: Intent ): Scope {
	switch ( intent.kind ) {
		case 'move':
			return 'order';
		case 'add':
		case 'repair':
		case 'window':
			return intent.kind;
		case 'adopt':
			return adoptScope( intent.id );
		default:
			return runtimeScope( intent.id );
	}
}

// Registered runtimes first, in precedence order, then the presets never registered.
function withRegisteredFirst( runtimes: Runtime[] ): Runtime[] {
	return [
		...runtimes.filter( ( runtime ) => runtime.registered ),
		...runtimes.filter( ( runtime ) => ! runtime.registered ),
	];
}

function applyIntent( runtimes: Runtime[], intent: Intent ): Runtime[] {
	if ( 'move' === intent.kind ) {
		const order = moveInOrder(
			registeredOrder( runtimes ),
			intent.id,
			intent.offset
		);
		return null === order
			? runtimes
			: [
					...order.map(
						( id ) =>
							runtimes.find(
								( runtime ) => runtime.id === id
							) as Runtime
					),
					...runtimes.filter( ( runtime ) => ! runtime.registered ),
				];
	}
	if ( ! [ 'enable', 'reset', 'remove' ].includes( intent.kind ) ) {
		return runtimes; // Forms and panels wait for the server's answer.
	}
	const id = ( intent as { id: string } ).id;
	const target = runtimes.find( ( runtime ) => runtime.id === id );
	if ( ! target ) {
		return runtimes;
	}
	let changed: Runtime | null = target;
	if ( 'enable' === intent.kind ) {
		// Publishing a preset never registered registers it, after the others.
		changed = {
			...target,
			enabled: intent.enabled,
			...( target.registered
				? {}
				: { registered: true, source: 'admin' as const } ),
		};
	} else if ( 'reset' === intent.kind && target.declared ) {
		changed = {
			...target,
			...target.declared,
			source: 'installer',
			overridden: [],
		};
	} else if ( 'remove' === intent.kind ) {
		// A preset goes back to its defaults, unregistered; anything else goes.
		changed = target.preset
			? {
					...target,
					registered: false,
					enabled: false,
					source: 'preset',
					declared: null,
					overridden: [],
					updated_at: null,
					updated_by: null,
				}
			: null;
	}
	const rest = runtimes.filter( ( runtime ) => runtime.id !== id );
	if ( null === changed ) {
		return rest;
	}
	if ( changed.registered === target.registered ) {
		return runtimes.map( ( runtime ) =>
			runtime.id === id ? ( changed as Runtime ) : runtime
		);
	}
	// Registered now: last of the registered; unregistered now: first of the others.
	return [
		...rest.filter( ( runtime ) => runtime.registered ),
		changed,
		...rest.filter( ( runtime ) => ! runtime.registered ),
	];
}

/**
 * The runtimes as the screen shows them: the server's, with the pending changes applied.
 * @param state   Screen state.
 * @param pending The pending writes to apply (all of them by default).
 */
export function shownRuntimes(
	state: Pick< ScreenState, 'server' | 'pending' >,
	pending: PendingWrite[] = state.pending
): Runtime[] {
	return withRegisteredFirst(
		pending.reduce(
			( runtimes, write ) => applyIntent( runtimes, write.intent ),
			state.server?.runtimes ?? []
		)
	);
}

/**
 * Whether a scope has a change the server has not answered yet, or is loading.
 * @param state Screen state.
 * @param scope Scope.
 */
export function isPending( state: ScreenState, scope: Scope ): boolean {
	return (
		true === state.busy[ scope ] ||
		state.pending.some( ( write ) => scopeOf( write.intent ) === scope )
	);
}

// The runtime a change is about, for If-Match.
function runtimeOf( intent: Intent ): string | null {
	return [ 'enable', 'reset', 'remove', 'save' ].includes( intent.kind )
		? ( intent as { id: string } ).id
		: null;
}

// What If-Match says for a change asked for now: what the admin sees, unless what
// they see is still an answer away.
function basedOnNow( state: ScreenState, intent: Intent ): string | null {
	if ( 'move' === intent.kind ) {
		return state.pending.length > 0
			? null
			: ( state.server?.order_etag ?? null );
	}
	const id = runtimeOf( intent );
	if ( null === id ) {
		return null;
	}
	const earlier = state.pending.some(
		( write ) =>
			write.intent.kind !== 'window' &&
			( runtimeOf( write.intent ) === id ||
				( 'add' === write.intent.kind && write.intent.id === id ) )
	);
	return earlier
		? null
		: ( state.server?.runtimes.find( ( runtime ) => runtime.id === id )
				?.etag ?? null );
}

// A toggle pressed again before its save was sent replaces it; pressed back to where
// the runtime was, it cancels it.
function mergeToggle(
	state: ScreenState,
	write: PendingWrite
): PendingWrite[] | null {
	const { intent } = write;
	if ( 'enable' !== intent.kind ) {
		return null;
	}
	const index = state.pending
		.map( ( other ) => runtimeOf( other.intent ) )
		.lastIndexOf( intent.id );
	const last = state.pending[ index ];
	if ( ! last || last.sent || 'enable' !== last.intent.kind ) {
		return null;
	}
	const before = shownRuntimes( state, state.pending.slice( 0, index ) ).find(
		( runtime ) => runtime.id === intent.id
	);
	const rest = state.pending.filter( ( _, at ) => at !== index );
	if ( before?.enabled === intent.enabled ) {
		return rest;
	}
	return [
		...rest.slice( 0, index ),
		{ ...last, intent, success: write.success ?? last.success },
		...rest.slice( index ),
	];
}

export function screenReducer(
	state: ScreenState,
	action: ScreenAction
): ScreenState {
	switch ( action.type ) {
		case 'loaded':
			return {
				...state,
				loaded: true,
				server: action.screen,
				errors: without( state.errors, 'load' ),
				preview: sameSignatures(
					state.server?.signatures,
					action.screen.signatures
				)
					? state.preview
					: null,
			};
		case 'requested': {
			const scope = scopeOf( action.intent );
			const write: PendingWrite = {
				key: action.key,
				intent: action.intent,
				basedOn: action.basedOn ?? basedOnNow( state, action.intent ),
				sent: false,
				success: action.success,
			};
			return {
				...state,
				pending: mergeToggle( state, write ) ?? [
					...state.pending,
					write,
				],
				errors: without( state.errors, scope ),
				conflicts: without( state.conflicts, scope ),
			};
		}
		case 'sent':
			return {
				...state,
				pending: state.pending.map( ( write ) =>
					action.keys.includes( write.key )
						? { ...write, sent: true }
						: write
				),
			};
		case 'written': {
			const next = {
				...state,
				pending: state.pending.filter(
					( write ) => ! action.keys.includes( write.key )
				),
			};
			return action.screen
				? screenReducer( next, {
						type: 'loaded',
						screen: action.screen,
					} )
				: next;
		}
		case 'refused': {
			const refused = state.pending.filter( ( write ) =>
				action.keys.includes( write.key )
			);
			const scopes = refused.map( ( write ) => scopeOf( write.intent ) );
			// What was queued behind it in its scope built on what was refused.
			const next: ScreenState = {
				...state,
				pending: state.pending.filter(
					( write ) =>
						! action.keys.includes( write.key ) &&
						( write.sent ||
							! scopes.includes( scopeOf( write.intent ) ) )
				),
				errors: Object.fromEntries( [
					...Object.entries( state.errors ),
					...scopes.map( ( scope ) => [ scope, action.message ] ),
				] ),
				conflicts: action.conflict
					? Object.fromEntries( [
							...Object.entries( state.conflicts ),
							...scopes.map( ( scope ) => [ scope, true ] ),
						] )
					: state.conflicts,
			};
			return action.screen
				? screenReducer( next, {
						type: 'loaded',
						screen: action.screen,
					} )
				: next;
		}
		case 'started':
			return {
				...state,
				busy: { ...state.busy, [ action.scope ]: true },
				errors: without( state.errors, action.scope ),
				conflicts: without( state.conflicts, action.scope ),
			};
		case 'succeeded':
			return { ...state, busy: without( state.busy, action.scope ) };
		case 'failed':
			return {
				...state,
				loaded: state.loaded || 'load' === action.scope,
				busy: without( state.busy, action.scope ),
				errors: { ...state.errors, [ action.scope ]: action.message },
			};
		case 'dismissed':
			return {
				...state,
				errors: without( state.errors, action.scope ),
				conflicts: without( state.conflicts, action.scope ),
			};
		case 'previewed':
			return { ...state, preview: action.preview };
	}
	return state;
}

/** The request for the next write, with the pending writes it settles. */
export type Plan = { keys: number[] } & (
	| { call: 'patch'; id: string; enabled: boolean; etag?: string }
	| { call: 'put'; id: string; body: PutRuntimeBody; etag?: string }
	| { call: 'delete'; id: string; etag?: string }
	| { call: 'reset'; id: string; etag?: string }
	| { call: 'order'; order: string[]; etag?: string }
	| { call: 'repair' }
	| { call: 'adopt'; id: string }
	| { call: 'window'; days: number }
	/** Merged into nothing: the moves end where the runtimes already are. */
	| { call: 'none' }
);

/**
 * What to send next, or null while a write is in flight or nothing waits. Moves queued
 * one after another go as one reorder.
 * @param state Screen state.
 */
export function nextWrite( state: ScreenState ): Plan | null {
	const first = state.pending[ 0 ];
	if ( ! first || first.sent || ! state.server ) {
		return null;
	}
	const { intent } = first;
	const etagOf = ( id: string ) =>
		first.basedOn ??
		state.server?.runtimes.find( ( runtime ) => runtime.id === id )?.etag;
	const keys = [ first.key ];
	switch ( intent.kind ) {
		case 'enable':
			return {
				keys,
				call: 'patch',
				id: intent.id,
				enabled: intent.enabled,
				etag: etagOf( intent.id ),
			};
		case 'save':
			return {
				keys,
				call: 'put',
				id: intent.id,
				body: intent.body,
				etag: etagOf( intent.id ),
			};
		case 'add':
			return { keys, call: 'put', id: intent.id, body: intent.body };
		case 'remove':
			return {
				keys,
				call: 'delete',
				id: intent.id,
				etag: etagOf( intent.id ),
			};
		case 'reset':
			return {
				keys,
				call: 'reset',
				id: intent.id,
				etag: etagOf( intent.id ),
			};
		case 'repair':
			return { keys, call: 'repair' };
		case 'adopt':
			return { keys, call: 'adopt', id: intent.id };
		case 'window':
			return { keys, call: 'window', days: intent.days };
		case 'move': {
			let count = 0;
			while ( 'move' === state.pending[ count ]?.intent.kind ) {
				count++;
			}
			const moves = state.pending.slice( 0, count );
			const from = registeredOrder( state.server.runtimes );
			const order = registeredOrder( shownRuntimes( state, moves ) );
			return JSON.stringify( order ) === JSON.stringify( from )
				? { keys: moves.map( ( write ) => write.key ), call: 'none' }
				: {
						keys: moves.map( ( write ) => write.key ),
						call: 'order',
						order,
						etag: first.basedOn ?? state.server.order_etag,
					};
		}
	}
	return null;
}
