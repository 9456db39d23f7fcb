import {
	createContext,
	useCallback,
	useContext,
	useEffect,
	useRef,
} from '@wordpress/element';
import type { ReactNode } from 'react';
import type { ViewId } from '../lib/views';
import { viewTitle } from './view-tabs';

interface ScreenViewProps {
	view: ViewId;
	/** Whether it is the view the URL names; the others stay mounted, hidden, keeping drafts. */
	shown: boolean;
	/** Changes each time the admin moves between views: the shown view then takes the focus. */
	moved: number;
	/** One sentence: what the view shows and what produces its data. */
	about: ReactNode;
	/** Id of the element the URL points at in this view (a runtime): it takes the focus instead of the heading, also on the first load. */
	focusId?: string | null;
	children: ReactNode;
}

const ViewHeadingFocus = createContext< () => void >( () => {} );

/**
 * Gives the focus to the heading of the view around the caller: for a control that went
 * away with what it did (a repair's button, with the problems) and has no closer neighbour.
 */
export function useFocusViewHeading(): () => void {
	return useContext( ViewHeadingFocus );
}

/**
 * One view of the screen: a region named by its heading, which takes the focus when
 * the admin moves to it (so a screen reader says where they are, and Tab goes on
 * from there), never on the screen's first load. When the URL points at something in
 * the view (a runtime, from a Site Health link), that takes the focus, also on the
 * first load, and is scrolled into view.
 * @param props
 * @param props.view
 * @param props.shown
 * @param props.moved
 * @param props.about
 * @param props.focusId
 * @param props.children
 */
export function ScreenView( {
	view,
	shown,
	moved,
	about,
	focusId,
	children,
}: ScreenViewProps ) {
	const heading = useRef< HTMLHeadingElement >( null );
	useEffect( () => {
		if ( ! shown ) {
			return;
		}
		const target = focusId
			? heading.current?.ownerDocument.getElementById( focusId )
			: null;
		if ( target ) {
			target.scrollIntoView( { block: 'center' } );
			target.focus( { preventScroll: true } );
		} else if ( moved > 0 ) {
			heading.current?.focus();
		}
	}, [ shown, moved, focusId ] );
	const focusHeading = useCallback( () => heading.current?.focus(), [] );
	const headingId = `wpca-view-${ view }-heading`;
	return (
		<section
			className={ `wpca-view wpca-view--${ view }` }
			aria-labelledby={ headingId }
			hidden={ ! shown }
		>
			<h2
				id={ headingId }
				className="wpca-view__heading"
				ref={ heading }
				tabIndex={ -1 }
			>
				{ viewTitle( view ) }
			</h2>
			<p className="wpca-view__about">{ about }</p>
			<ViewHeadingFocus.Provider value={ focusHeading }>
				{ children }
			</ViewHeadingFocus.Provider>
		</section>
	);
}
