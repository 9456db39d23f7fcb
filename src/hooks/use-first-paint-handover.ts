/**
 * The app taking over from the server's first paint: once the screen has its data, in
 * the same frame (a layout effect, before the browser paints or takes another click),
 * the server's markup goes and each toggle clicked in it is applied through the
 * screen's own toggle (If-Match with the ETag the first paint showed, snackbar when
 * stored, the conflict notice when the runtime changed since), so no click made before
 * the app loaded is lost. Focus moves to the app's control of the same name.
 */
import { useLayoutEffect, useRef } from '@wordpress/element';
import { pendingToggles } from '../lib/first-paint';

export function useFirstPaintHandover(
	firstPaint: HTMLElement | null,
	loaded: boolean,
	setEnabled: ( id: string, enabled: boolean, basedOn?: string ) => void
): void {
	const done = useRef( false );
	useLayoutEffect( () => {
		if ( ! loaded || null === firstPaint || done.current ) {
			return;
		}
		done.current = true;
		const pending = pendingToggles( firstPaint );
		const { activeElement } = firstPaint.ownerDocument;
		const focusedName =
			activeElement && firstPaint.contains( activeElement )
				? activeElement.getAttribute( 'aria-label' )
				: null;
		const container = firstPaint.parentElement;
		firstPaint.remove();
		if ( focusedName && container ) {
			Array.from(
				container.querySelectorAll< HTMLElement >( '[aria-label]' )
			)
				.find(
					( element ) =>
						element.getAttribute( 'aria-label' ) === focusedName
				)
				?.focus();
		}
		for ( const { id, enabled, etag } of pending ) {
			setEnabled( id, enabled, etag );
		}
	}, [ firstPaint, loaded, setEnabled ] );
}
