/**
 * What the screen says (in a snackbar, which screen readers also hear) once the
 * server accepted a change. Runtimes are called by the names their controls use.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { Runtime } from '../api/types';
import { runtimeNames } from './runtime-names';

function nameOf( runtimes: Runtime[], id: string ): string {
	return runtimeNames( runtimes ).get( id ) ?? id;
}

export const successMessages = {
	published: ( runtimes: Runtime[], id: string, enabled: boolean ) =>
		enabled
			? sprintf(
					/* translators: %s: runtime name. */
					__(
						'%s is published to DMC.',
						'wp-coding-agents-runtimes'
					),
					nameOf( runtimes, id )
				)
			: sprintf(
					/* translators: %s: runtime name. */
					__(
						'%s is no longer published to DMC.',
						'wp-coding-agents-runtimes'
					),
					nameOf( runtimes, id )
				),
	saved: ( runtimes: Runtime[], id: string ) =>
		sprintf(
			/* translators: %s: runtime name. */
			__( '%s saved.', 'wp-coding-agents-runtimes' ),
			nameOf( runtimes, id )
		),
	added: ( id: string ) =>
		sprintf(
			/* translators: %s: runtime id. */
			__( '%s added and published to DMC.', 'wp-coding-agents-runtimes' ),
			id
		),
	removed: ( runtimes: Runtime[], id: string ) =>
		runtimes.find( ( runtime ) => runtime.id === id )?.preset
			? sprintf(
					/* translators: %s: runtime name. */
					__(
						'%s is back to its preset defaults.',
						'wp-coding-agents-runtimes'
					),
					nameOf( runtimes, id )
				)
			: sprintf(
					/* translators: %s: runtime name. */
					__( '%s deleted.', 'wp-coding-agents-runtimes' ),
					nameOf( runtimes, id )
				),
	moved: ( runtimes: Runtime[], id: string, order: string[] ) =>
		sprintf(
			/* translators: 1: runtime name, 2: its new position (1 is first). */
			__( '%1$s moved to position %2$d.', 'wp-coding-agents-runtimes' ),
			nameOf( runtimes, id ),
			order.indexOf( id ) + 1
		),
	repaired: () =>
		__(
			'Invalid stored entries removed; the valid ones are kept.',
			'wp-coding-agents-runtimes'
		),
};
