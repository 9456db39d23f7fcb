import { __ } from '@wordpress/i18n';
import type { MouseEvent } from 'react';
import type { ViewNavigation } from '../hooks/use-view-location';
import { VIEWS, type ViewId } from '../lib/views';

/**
 * What each view is called: its tab and its heading say the same. The first paint
 * (php/admin/class-screen-first-paint.php) prints the same names.
 * @param view
 */
export function viewTitle( view: ViewId ): string {
	switch ( view ) {
		case 'runtimes':
			return __( 'Runtimes', 'wp-coding-agents-runtimes' );
		case 'catalogue':
			return __( 'Known runtimes', 'wp-coding-agents-runtimes' );
		case 'dmc':
			return __( 'What DMC sees', 'wp-coding-agents-runtimes' );
		case 'processes':
			return __( 'Agent processes', 'wp-coding-agents-runtimes' );
		case 'records':
			return __( 'Recorded by DMC', 'wp-coding-agents-runtimes' );
		case 'preview':
			return __( 'Attribution preview', 'wp-coding-agents-runtimes' );
	}
}

// A plain click stays in the page; a click meant for a new tab or window is the browser's.
export function isPlainClick( event: MouseEvent ): boolean {
	return (
		0 === event.button &&
		! event.metaKey &&
		! event.ctrlKey &&
		! event.shiftKey &&
		! event.altKey
	);
}

/**
 * The views as core's tabbed admin screens show them (`nav-tab-wrapper`): real links to
 * each view's URL, the current one marked `aria-current="page"`; a plain click moves
 * without reloading the page.
 * @param props
 * @param props.navigation Where the admin is, and how to move.
 */
export function ViewTabs( { navigation }: { navigation: ViewNavigation } ) {
	const { location, hrefFor, navigate } = navigation;
	return (
		<nav
			className="nav-tab-wrapper wp-clearfix wpca-views"
			aria-label={ __(
				'Agent Runtimes views',
				'wp-coding-agents-runtimes'
			) }
		>
			{ VIEWS.map( ( view ) => {
				const current = view === location.view;
				const target = { ...location, view };
				return (
					<a
						key={ view }
						href={ hrefFor( target ) }
						className={
							current ? 'nav-tab nav-tab-active' : 'nav-tab'
						}
						aria-current={ current ? 'page' : undefined }
						onClick={ ( event ) => {
							if ( isPlainClick( event ) ) {
								event.preventDefault();
								navigate( target );
							}
						} }
					>
						{ viewTitle( view ) }
					</a>
				);
			} ) }
		</nav>
	);
}
