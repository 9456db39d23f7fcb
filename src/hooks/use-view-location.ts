/**
 * The view and runtime the URL names (and the records table's query), kept in step with
 * the browser's history: a change pushes a history entry (history.pushState), back and
 * forward come back through `popstate`, a reload reads the URL again. `moved` counts the
 * admin's moves to another view (not the first load, nor a change within a view such as
 * the table's page), so the view can take the focus only when the admin changed view.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import {
	locationSearch,
	parseLocation,
	sameLocation,
	type ViewLocation,
} from '../lib/views';

/** Where a link goes; without `records`, the records table keeps its current query. */
export type ViewTarget = Omit< ViewLocation, 'records' > &
	Partial< Pick< ViewLocation, 'records' > >;

export interface ViewNavigation {
	location: ViewLocation;
	/** Moves to another view made by the admin since the screen loaded (links, back, forward). */
	moved: number;
	/** The URL of a location, for links (so a new tab or a copied link works too). */
	hrefFor: ( location: ViewTarget ) => string;
	navigate: ( location: ViewTarget ) => void;
}

function withRecords( target: ViewTarget ): ViewLocation {
	return target.records
		? ( target as ViewLocation )
		: { ...target, records: currentLocation().records };
}

function currentLocation(): ViewLocation {
	return parseLocation( window.location.search );
}

export function useViewLocation(): ViewNavigation {
	const [ location, setLocation ] = useState( currentLocation );
	const [ moved, setMoved ] = useState( 0 );
	// The view on screen, for `popstate` (which fires after the URL changed).
	const shownView = useRef( location.view );
	shownView.current = location.view;

	useEffect( () => {
		const onPopState = () => {
			const next = currentLocation();
			if ( next.view !== shownView.current ) {
				setMoved( ( count ) => count + 1 );
			}
			setLocation( next );
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
	}, [] );

	const hrefFor = useCallback(
		( next: ViewTarget ) =>
			window.location.pathname +
			locationSearch( window.location.search, withRecords( next ) ),
		[]
	);

	const navigate = useCallback(
		( target: ViewTarget ) => {
			const next = withRecords( target );
			const now = currentLocation();
			if ( ! sameLocation( next, now ) ) {
				window.history.pushState( null, '', hrefFor( next ) );
			}
			setLocation( next );
			// A tab's link to the view shown still takes the focus to its heading.
			if ( next.view !== now.view || sameLocation( next, now ) ) {
				setMoved( ( count ) => count + 1 );
			}
		},
		[ hrefFor ]
	);

	return { location, moved, hrefFor, navigate };
}
