/**
 * The view and runtime the URL names, kept in step with the browser's history: a
 * change pushes a history entry (history.pushState), back and forward come back
 * through `popstate`, a reload reads the URL again. `moved` counts the admin's moves
 * (not the first load), so the view can take the focus only when the admin moved.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import {
	locationSearch,
	parseLocation,
	sameLocation,
	type ViewLocation,
} from '../lib/views';

export interface ViewNavigation {
	location: ViewLocation;
	/** Moves made by the admin since the screen loaded (links, back, forward). */
	moved: number;
	/** The URL of a location, for links (so a new tab or a copied link works too). */
	hrefFor: ( location: ViewLocation ) => string;
	navigate: ( location: ViewLocation ) => void;
}

function currentLocation(): ViewLocation {
	return parseLocation( window.location.search );
}

export function useViewLocation(): ViewNavigation {
	const [ location, setLocation ] = useState( currentLocation );
	const [ moved, setMoved ] = useState( 0 );

	useEffect( () => {
		const onPopState = () => {
			setLocation( currentLocation() );
			setMoved( ( count ) => count + 1 );
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
	}, [] );

	const hrefFor = useCallback(
		( next: ViewLocation ) =>
			window.location.pathname +
			locationSearch( window.location.search, next ),
		[]
	);

	const navigate = useCallback(
		( next: ViewLocation ) => {
			if ( ! sameLocation( next, currentLocation() ) ) {
				window.history.pushState( null, '', hrefFor( next ) );
			}
			setLocation( next );
			setMoved( ( count ) => count + 1 );
		},
		[ hrefFor ]
	);

	return { location, moved, hrefFor, navigate };
}
