/**
 * The screen's views and where the URL says the admin is: `view` (the tab) and
 * `runtime` (the runtime selected in it) are query arguments of the screen's own URL
 * (`tools.php?page=wpca-runtimes&view=records&runtime=kimaki`), so reload, back and
 * forward, and links from other screens (Site Health) land where they point.
 * php/admin/class-admin-page.php builds the same URLs and knows the same view ids.
 */

export const VIEWS = [
	'runtimes',
	'catalogue',
	'dmc',
	'processes',
	'records',
	'preview',
] as const;

export type ViewId = ( typeof VIEWS )[ number ];

/** The view shown when the URL names none (or one that does not exist). */
export const DEFAULT_VIEW: ViewId = 'runtimes';

export interface ViewLocation {
	view: ViewId;
	/** The runtime selected in the view, or null. */
	runtime: string | null;
}

function isView( value: string | null ): value is ViewId {
	return ( VIEWS as readonly string[] ).includes( value ?? '' );
}

/**
 * Where a query string says the admin is.
 * @param search `window.location.search`.
 */
export function parseLocation( search: string ): ViewLocation {
	const params = new URLSearchParams( search );
	const view = params.get( 'view' );
	const runtime = params.get( 'runtime' );
	return {
		view: isView( view ) ? view : DEFAULT_VIEW,
		runtime: null === runtime || '' === runtime ? null : runtime,
	};
}

/**
 * The query string of a location, keeping every other argument of `search` (`page`,
 * say); the default view and no runtime leave their arguments out.
 * @param search   The current query string.
 * @param location Where to go.
 */
export function locationSearch(
	search: string,
	location: ViewLocation
): string {
	const params = new URLSearchParams( search );
	if ( DEFAULT_VIEW === location.view ) {
		params.delete( 'view' );
	} else {
		params.set( 'view', location.view );
	}
	if ( null === location.runtime ) {
		params.delete( 'runtime' );
	} else {
		params.set( 'runtime', location.runtime );
	}
	const query = params.toString();
	return '' === query ? '' : `?${ query }`;
}

export function sameLocation( a: ViewLocation, b: ViewLocation ): boolean {
	return a.view === b.view && a.runtime === b.runtime;
}
