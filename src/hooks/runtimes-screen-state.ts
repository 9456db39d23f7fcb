/**
 * The admin screen's state as a reducer, so its transitions can be tested
 * without a browser. Busy flags and errors are kept per scope: one scope per
 * runtime row (`runtime:<id>`) plus the add form, ordering, repair and preview.
 */
import type {
	AttributionPreview,
	ForeignSignature,
	LastVerification,
	ObservationsResponse,
	Runtime,
	SignaturesResponse,
} from '../api/types';

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

export interface ScreenState {
	/** False until the first load answered, successfully or not. */
	loaded: boolean;
	runtimes: Runtime[];
	signatures: SignaturesResponse | null;
	/** What an agent process last reported through `bin/runtime-signature verify`. */
	lastVerification: LastVerification | null;
	/** The observation history and what it says per declared variable. */
	observations: ObservationsResponse | null;
	/** Entries other code adds to the filter, to adopt. */
	foreign: ForeignSignature[];
	busy: Partial< Record< Scope, true > >;
	errors: Partial< Record< Scope, string > >;
	/** Scopes whose last change was refused because someone changed the runtime since it was loaded (412). */
	conflicts: Partial< Record< Scope, true > >;
	/** The last preview; cleared when the effective signatures change under it. */
	preview: AttributionPreview | null;
}

export type ScreenAction =
	| {
			type: 'loaded';
			runtimes: Runtime[];
			signatures: SignaturesResponse;
			lastVerification: LastVerification | null;
			observations: ObservationsResponse;
			foreign: ForeignSignature[];
	  }
	| { type: 'started'; scope: Scope }
	| { type: 'succeeded'; scope: Scope }
	| { type: 'failed'; scope: Scope; message: string; conflict?: boolean }
	| { type: 'dismissed'; scope: Scope }
	| { type: 'previewed'; preview: AttributionPreview };

export const initialScreenState: ScreenState = {
	loaded: false,
	runtimes: [],
	signatures: null,
	lastVerification: null,
	observations: null,
	foreign: [],
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
	a: SignaturesResponse | null,
	b: SignaturesResponse
): boolean {
	return (
		null !== a &&
		JSON.stringify( a.signatures ) === JSON.stringify( b.signatures )
	);
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
				runtimes: action.runtimes,
				signatures: action.signatures,
				lastVerification: action.lastVerification,
				observations: action.observations,
				foreign: action.foreign,
				errors: without( state.errors, 'load' ),
				preview: sameSignatures( state.signatures, action.signatures )
					? state.preview
					: null,
			};
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
				conflicts: action.conflict
					? { ...state.conflicts, [ action.scope ]: true }
					: without( state.conflicts, action.scope ),
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
