/**
 * The name each runtime goes by in accessible names ("Edit Kimaki"): its label,
 * unless that would not tell it apart from another runtime (a shared or missing
 * label), then the label with the id, or the id alone.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { Runtime } from '../api/types';

export function runtimeNames(
	runtimes: Array< Pick< Runtime, 'id' | 'label' > >
): Map< string, string > {
	const counts = new Map< string, number >();
	const count = ( name: string ) =>
		counts.set( name, ( counts.get( name ) ?? 0 ) + 1 );
	for ( const { id, label } of runtimes ) {
		count( id.toLowerCase() );
		if ( '' !== label && label.toLowerCase() !== id.toLowerCase() ) {
			count( label.toLowerCase() );
		}
	}
	return new Map(
		runtimes.map( ( { id, label } ) => {
			if ( '' === label ) {
				return [ id, id ];
			}
			const unique = 1 === counts.get( label.toLowerCase() );
			return [ id, unique ? label : `${ label } (${ id })` ];
		} )
	);
}

/**
 * The accessible name of a control whose visible label ("Subkey 1") repeats in
 * every open editor: that label with the runtime's name ("Subkey 1: Kimaki").
 * Without a runtime (the single add form) the visible label is the name.
 * @param label
 * @param runtimeName
 */
export function withRuntime(
	label: string,
	runtimeName?: string
): string | undefined {
	return undefined === runtimeName
		? undefined
		: sprintf(
				/* translators: 1: a field's visible label, 2: runtime name. */
				__( '%1$s: %2$s', 'wp-coding-agents-runtimes' ),
				label,
				runtimeName
			);
}
