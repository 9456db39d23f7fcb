/**
 * The server's first paint (php/admin/class-screen-first-paint.php): a working form the
 * admin may already have used when the app takes over from it.
 */

export const FIRST_PAINT_SELECTOR = '.wpca-first-paint';

export interface PendingToggle {
	id: string;
	enabled: boolean;
	/** ETag of the runtime as the first paint showed it. */
	etag: string;
}

/**
 * The toggles clicked in the server's form: each checkbox whose state differs from
 * the one the server printed. None once the form was submitted (the page is on its way
 * to the server, which applies them).
 * @param firstPaint The first paint's container.
 */
export function pendingToggles( firstPaint: HTMLElement ): PendingToggle[] {
	if ( firstPaint.dataset.wpcaSubmitted ) {
		return [];
	}
	return Array.from(
		firstPaint.querySelectorAll< HTMLInputElement >(
			'input[type="checkbox"][data-wpca-runtime]'
		)
	)
		.filter( ( input ) => input.checked !== input.defaultChecked )
		.map( ( input ) => ( {
			id: input.dataset.wpcaRuntime ?? '',
			enabled: input.checked,
			etag: input.dataset.wpcaEtag ?? '',
		} ) )
		.filter( ( toggle ) => '' !== toggle.id );
}

/**
 * Notes when the server's form is submitted, so the app does not apply its toggles a second time.
 * @param firstPaint The first paint's container.
 */
export function watchSubmit( firstPaint: HTMLElement ): void {
	firstPaint.addEventListener( 'submit', () => {
		firstPaint.dataset.wpcaSubmitted = '1';
	} );
}
