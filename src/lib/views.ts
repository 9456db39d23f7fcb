/**
 * The screen's views and where the URL says the admin is: `view` (the tab) and
 * `runtime` (the runtime selected in it) are query arguments of the screen's own URL
 * (`tools.php?page=wpca-runtimes&view=records&runtime=kimaki`), so reload, back and
 * forward, and links from other screens (Site Health) land where they point. The
 * records table keeps its own in core's list-table names (`attributed`, `s`,
 * `orderby`, `order`, `paged`). php/admin/class-admin-page.php builds the same URLs,
 * knows the same view ids and reads the same arguments.
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

/** What the records table shows: the runtime filter is the location's `runtime`. */
export interface RecordsQuery {
	/** true: attributed (to the runtime, when one is selected); false: not; null: both. */
	attributed: boolean | null;
	/** Searched in handle and branch; '' for none. */
	search: string;
	orderby: 'date' | 'handle';
	order: 'asc' | 'desc';
	/** From 1. */
	page: number;
}

export const DEFAULT_RECORDS_QUERY: RecordsQuery = {
	attributed: null,
	search: '',
	orderby: 'date',
	order: 'desc',
	page: 1,
};

export interface ViewLocation {
	view: ViewId;
	/** The runtime selected in the view, or null. */
	runtime: string | null;
	/** The records table's sort, filters, search and page (kept when other views show). */
	records: RecordsQuery;
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
	const attributed = params.get( 'attributed' );
	const page = Number( params.get( 'paged' ) );
	return {
		view: isView( view ) ? view : DEFAULT_VIEW,
		runtime: null === runtime || '' === runtime ? null : runtime,
		records: {
			attributed:
				'true' === attributed || 'false' === attributed
					? 'true' === attributed
					: null,
			search: params.get( 's' ) ?? '',
			orderby: 'handle' === params.get( 'orderby' ) ? 'handle' : 'date',
			order: 'asc' === params.get( 'order' ) ? 'asc' : 'desc',
			page: Number.isInteger( page ) && page > 1 ? page : 1,
		},
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
	const { records } = location;
	const set = ( name: string, value: string, fallback: string ) => {
		if ( value === fallback ) {
			params.delete( name );
		} else {
			params.set( name, value );
		}
	};
	set( 'attributed', String( records.attributed ), 'null' );
	set( 's', records.search, '' );
	set( 'orderby', records.orderby, DEFAULT_RECORDS_QUERY.orderby );
	set( 'order', records.order, DEFAULT_RECORDS_QUERY.order );
	set( 'paged', String( records.page ), '1' );
	const query = params.toString();
	return '' === query ? '' : `?${ query }`;
}

export function sameLocation( a: ViewLocation, b: ViewLocation ): boolean {
	return (
		a.view === b.view &&
		a.runtime === b.runtime &&
		JSON.stringify( a.records ) === JSON.stringify( b.records )
	);
}
