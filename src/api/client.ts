/**
 * The only module that talks to the REST API: one typed function per route of
 * `wp-coding-agents/v1`. api-fetch adds the root URL and the `wp_rest` nonce
 * that WordPress configures on admin pages.
 */
import apiFetch from '@wordpress/api-fetch';
import type { RecordsQuery } from '../lib/views';
import type {
	AdoptionResponse,
	AttributionPreview,
	AttributionSummary,
	RecordedWorktree,
	RecordedWorktreesPage,
	AttributionPreviewBody,
	DeleteResponse,
	ObservationSettings,
	OrderBody,
	PatchRuntimeBody,
	PresetRuntimeBody,
	PutRuntimeBody,
	Runtime,
	ScreenResponse,
	SignaturesResponse,
} from './types';

// With the leading slash, as the paths Admin_Page preloads are keyed.
const NAMESPACE = '/wp-coding-agents/v1';

function runtimePath( id: string ): string {
	return `${ NAMESPACE }/runtimes/${ encodeURIComponent( id ) }`;
}

/**
 * `If-Match` for a write based on what the screen read (nothing when it read nothing).
 * @param etag
 */
function ifMatch( etag: string | null | undefined ): Record< string, string > {
	return etag ? { 'If-Match': `"${ etag }"` } : {};
}

/** Everything the screen shows that a change can alter (`GET /screen`). */
export function getScreen(): Promise< ScreenResponse > {
	return apiFetch< ScreenResponse >( { path: `${ NAMESPACE }/screen` } );
}

/** A write's answer, and the screen as the write left it when the server embedded it. */
export interface Written< T > {
	body: T;
	screen: ScreenResponse | null;
}

/**
 * A write that asks for the screen in its answer (`?_embed=wpca:screen`), so one request
 * brings everything the write can change.
 * @param options         api-fetch options.
 * @param options.path    Route.
 * @param options.method  Method.
 * @param options.data    JSON body.
 * @param options.headers Headers.
 */
async function writeWithScreen< T >( options: {
	path: string;
	method: string;
	data?: unknown;
	headers?: Record< string, string >;
} ): Promise< Written< T > > {
	const body = await apiFetch<
		T & { _embedded?: Record< string, unknown[] > }
	>( {
		...options,
		path: `${ options.path }?_embed=${ encodeURIComponent( 'wpca:screen' ) }`,
	} );
	const embedded = body._embedded?.[ 'wpca:screen' ]?.[ 0 ];
	// An embedded error (the read failed) is not a screen: the caller reads it again.
	const screen =
		embedded &&
		Array.isArray( ( embedded as Partial< ScreenResponse > ).runtimes )
			? ( embedded as ScreenResponse )
			: null;
	return { body, screen };
}

/**
 * `etag`: the runtime as the screen read it; the server answers 412 when it changed since.
 * @param id
 * @param body
 * @param etag
 */
export function putRuntime(
	id: string,
	body: PutRuntimeBody,
	etag?: string
): Promise< Written< Runtime > > {
	return writeWithScreen( {
		path: runtimePath( id ),
		method: 'PUT',
		data: body,
		headers: ifMatch( etag ),
	} );
}

/**
 * Adds a runtime of the catalogue: the server writes the catalogue's fields and name.
 * @param id The catalogue runtime's id (also its runtime id).
 */
export function addFromCatalogue( id: string ): Promise< Written< Runtime > > {
	const data: PresetRuntimeBody = { preset: id };
	return writeWithScreen( {
		path: runtimePath( id ),
		method: 'PUT',
		data,
	} );
}

export function patchRuntime(
	id: string,
	body: PatchRuntimeBody,
	etag?: string
): Promise< Written< Runtime > > {
	return writeWithScreen( {
		path: runtimePath( id ),
		method: 'PATCH',
		data: body,
		headers: ifMatch( etag ),
	} );
}

export function deleteRuntime(
	id: string,
	etag?: string
): Promise< Written< DeleteResponse > > {
	return writeWithScreen( {
		path: runtimePath( id ),
		method: 'DELETE',
		headers: ifMatch( etag ),
	} );
}

/**
 * Hands a runtime back to its installer: the admin's changes go.
 * @param id
 * @param etag
 */
export function resetRuntime(
	id: string,
	etag?: string
): Promise< Written< Runtime > > {
	return writeWithScreen( {
		path: `${ runtimePath( id ) }/reset`,
		method: 'POST',
		headers: ifMatch( etag ),
	} );
}

/**
 * The new precedence order. Its answer is the list (no screen to embed in a list), so
 * the screen is read after it.
 * @param order Every registered id, in the new order.
 * @param etag  The order's ETag as the screen read it.
 */
export function putOrder(
	order: string[],
	etag?: string
): Promise< Runtime[] > {
	const data: OrderBody = { order };
	return apiFetch< Runtime[] >( {
		path: `${ NAMESPACE }/order`,
		method: 'PUT',
		data,
		headers: ifMatch( etag ),
	} );
}

export function repairSignatures(): Promise< Written< SignaturesResponse > > {
	return writeWithScreen( {
		path: `${ NAMESPACE }/signatures/repair`,
		method: 'POST',
	} );
}

export function previewAttribution(
	env: Record< string, string >
): Promise< AttributionPreview > {
	const data: AttributionPreviewBody = { env };
	return apiFetch< AttributionPreview >( {
		path: `${ NAMESPACE }/attribution/preview`,
		method: 'POST',
		data,
	} );
}

export function putObservationSettings(
	settings: ObservationSettings
): Promise< Written< ObservationSettings > > {
	return writeWithScreen( {
		path: `${ NAMESPACE }/attribution/observation-settings`,
		method: 'PUT',
		data: settings,
	} );
}

export function getAttributionSummary(): Promise< AttributionSummary > {
	return apiFetch< AttributionSummary >( {
		path: `${ NAMESPACE }/attribution/summary`,
	} );
}

/** The records table's query: the runtime filter, the rest of src/lib/views.ts's `RecordsQuery`. */
export interface WorktreesRequest extends RecordsQuery {
	runtime: string | null;
	perPage: number;
}

/**
 * The path of one page of `GET /attribution/worktrees`: `page` and `per_page` always, the
 * rest only when they differ from the route's defaults (php/admin/class-admin-page.php
 * preloads the same path for a URL opening the records).
 * @param request The query.
 */
export function worktreesPath( request: WorktreesRequest ): string {
	const params = new URLSearchParams( {
		page: String( request.page ),
		per_page: String( request.perPage ),
	} );
	if ( 'date' !== request.orderby ) {
		params.set( 'orderby', request.orderby );
	}
	if ( 'desc' !== request.order ) {
		params.set( 'order', request.order );
	}
	if ( null !== request.runtime ) {
		params.set( 'runtime', request.runtime );
	}
	if ( null !== request.attributed ) {
		params.set( 'attributed', String( request.attributed ) );
	}
	if ( '' !== request.search ) {
		params.set( 'search', request.search );
	}
	return `${ NAMESPACE }/attribution/worktrees?${ params }`;
}

/**
 * One page of DMC's recorded worktrees, sorted, filtered and searched on the server;
 * totals come from core's X-WP-* headers.
 * @param request The query.
 */
export async function getRecordedWorktrees(
	request: WorktreesRequest
): Promise< RecordedWorktreesPage > {
	let response: Response;
	try {
		response = await apiFetch< RecordedWorktree[], false >( {
			path: worktreesPath( request ),
			parse: false,
		} );
	} catch ( error ) {
		// Unparsed, api-fetch rejects with the raw response: surface the REST error in it.
		throw error instanceof Response ? await error.json() : error;
	}
	const rows = ( await response.json() ) as RecordedWorktree[];
	return {
		rows,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? rows.length ),
		totalPages: Number( response.headers.get( 'X-WP-TotalPages' ) ?? 1 ),
		page: request.page,
	};
}

export function adoptSignature(
	id: string
): Promise< Written< AdoptionResponse > > {
	return writeWithScreen( {
		path: `${ NAMESPACE }/foreign-signatures/${ encodeURIComponent(
			id
		) }/adopt`,
		method: 'POST',
	} );
}
