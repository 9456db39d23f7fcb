/**
 * The only module that talks to the REST API: one typed function per route of
 * `wp-coding-agents/v1`. api-fetch adds the root URL and the `wp_rest` nonce
 * that WordPress configures on admin pages.
 */
import apiFetch from '@wordpress/api-fetch';
import type {
	AdoptionResponse,
	AttributionPreview,
	AttributionSummary,
	Catalogue,
	DmcStatus,
	RecordedWorktree,
	RecordedWorktreesPage,
	AttributionPreviewBody,
	DeleteResponse,
	ForeignSignaturesResponse,
	LastVerification,
	LastVerificationResponse,
	ObservationSettings,
	ObservationsResponse,
	OrderBody,
	PatchRuntimeBody,
	PresetRuntimeBody,
	PutRuntimeBody,
	Runtime,
	SignaturesResponse,
} from './types';

// With the leading slash, as the paths Admin_Page preloads are keyed.
const NAMESPACE = '/wp-coding-agents/v1';

function runtimePath( id: string ): string {
	return `${ NAMESPACE }/runtimes/${ encodeURIComponent( id ) }`;
}

/** The order's ETag from the last list or reorder: PUT /order sends it as If-Match. */
let orderEtag: string | null = null;

/**
 * `If-Match` for a write based on what the screen read (nothing when it read nothing).
 * @param etag
 */
function ifMatch( etag: string | null | undefined ): Record< string, string > {
	return etag ? { 'If-Match': `"${ etag }"` } : {};
}

async function runtimesAndOrderEtag( options: {
	path: string;
	method?: string;
	data?: unknown;
	headers?: Record< string, string >;
} ): Promise< Runtime[] > {
	const response = await apiFetch< Response, false >( {
		...options,
		parse: false,
	} );
	orderEtag = response.headers.get( 'ETag' )?.replace( /"/g, '' ) ?? null;
	return ( await response.json() ) as Runtime[];
}

export function listRuntimes(): Promise< Runtime[] > {
	return runtimesAndOrderEtag( { path: `${ NAMESPACE }/runtimes` } );
}

export function getRuntime( id: string ): Promise< Runtime > {
	return apiFetch< Runtime >( { path: runtimePath( id ) } );
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
): Promise< Runtime > {
	return apiFetch< Runtime >( {
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
export function addFromCatalogue( id: string ): Promise< Runtime > {
	const data: PresetRuntimeBody = { preset: id };
	return apiFetch< Runtime >( {
		path: runtimePath( id ),
		method: 'PUT',
		data,
	} );
}

export function getCatalogue(): Promise< Catalogue > {
	return apiFetch< Catalogue >( { path: `${ NAMESPACE }/catalogue` } );
}

export function patchRuntime(
	id: string,
	body: PatchRuntimeBody,
	etag?: string
): Promise< Runtime > {
	return apiFetch< Runtime >( {
		path: runtimePath( id ),
		method: 'PATCH',
		data: body,
		headers: ifMatch( etag ),
	} );
}

export function deleteRuntime(
	id: string,
	etag?: string
): Promise< DeleteResponse > {
	return apiFetch< DeleteResponse >( {
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
export function resetRuntime( id: string, etag?: string ): Promise< Runtime > {
	return apiFetch< Runtime >( {
		path: `${ runtimePath( id ) }/reset`,
		method: 'POST',
		headers: ifMatch( etag ),
	} );
}

export function putOrder( order: string[] ): Promise< Runtime[] > {
	const data: OrderBody = { order };
	return runtimesAndOrderEtag( {
		path: `${ NAMESPACE }/order`,
		method: 'PUT',
		data,
		headers: ifMatch( orderEtag ),
	} );
}

export function getSignatures(): Promise< SignaturesResponse > {
	return apiFetch< SignaturesResponse >( {
		path: `${ NAMESPACE }/signatures`,
	} );
}

export function repairSignatures(): Promise< SignaturesResponse > {
	return apiFetch< SignaturesResponse >( {
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

/** The report `bin/runtime-signature verify` last recorded, or null when none was. */
export async function getLastVerification(): Promise< LastVerification | null > {
	const response = await apiFetch< LastVerificationResponse >( {
		path: `${ NAMESPACE }/attribution/last-verification`,
	} );
	return response.verification;
}

/** The observation history with the per-variable summary. */
export function getObservations(): Promise< ObservationsResponse > {
	return apiFetch< ObservationsResponse >( {
		path: `${ NAMESPACE }/attribution/observations`,
	} );
}

export function putObservationSettings(
	settings: ObservationSettings
): Promise< ObservationSettings > {
	return apiFetch< ObservationSettings >( {
		path: `${ NAMESPACE }/attribution/observation-settings`,
		method: 'PUT',
		data: settings,
	} );
}

export function getDmcStatus(): Promise< DmcStatus > {
	return apiFetch< DmcStatus >( { path: `${ NAMESPACE }/dmc` } );
}

export function getAttributionSummary(): Promise< AttributionSummary > {
	return apiFetch< AttributionSummary >( {
		path: `${ NAMESPACE }/attribution/summary`,
	} );
}

/**
 * One page of DMC's recorded worktrees, newest first; totals come from core's X-WP-* headers.
 * @param page    Page, from 1.
 * @param perPage Rows per page.
 */
export async function getRecordedWorktrees(
	page: number,
	perPage: number
): Promise< RecordedWorktreesPage > {
	let response: Response;
	try {
		response = await apiFetch< RecordedWorktree[], false >( {
			path: `${ NAMESPACE }/attribution/worktrees?page=${ page }&per_page=${ perPage }`,
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
		page,
	};
}

/** Entries other code (a legacy mu-plugin, say) adds to the filter, and who declares them. */
export async function getForeignSignatures(): Promise<
	ForeignSignaturesResponse[ 'entries' ]
> {
	const response = await apiFetch< ForeignSignaturesResponse >( {
		path: `${ NAMESPACE }/foreign-signatures`,
	} );
	return response.entries;
}

export function adoptSignature( id: string ): Promise< AdoptionResponse > {
	return apiFetch< AdoptionResponse >( {
		path: `${ NAMESPACE }/foreign-signatures/${ encodeURIComponent(
			id
		) }/adopt`,
		method: 'POST',
	} );
}
