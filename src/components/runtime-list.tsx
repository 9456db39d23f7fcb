import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { PutRuntimeBody, Runtime } from '../api/types';
import { runtimeNames } from '../lib/runtime-names';
import type { Outcome } from '../hooks/use-runtimes-screen';
import { RuntimeCard } from './runtime-card';

interface RuntimeListProps {
	runtimes: Runtime[];
	isRowBusy: ( id: string ) => boolean;
	isSaving: ( id: string ) => boolean;
	rowError: ( id: string ) => string | undefined;
	rowConflict: ( id: string ) => boolean;
	onDismissError: ( id: string ) => void;
	onToggle: ( id: string, enabled: boolean ) => void;
	onSave: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	onRemove: ( id: string ) => void;
	onReset: ( id: string ) => void;
	onMove: ( id: string, offset: -1 | 1 ) => void;
	/** Each runtime's verdict, shown in its card. */
	verdictFor?: ( id: string ) => ReactNode;
	/** More cards after the runtimes' (other code's entries). */
	children?: ReactNode;
}

/**
 * Runtimes in precedence order as the server lists them: registered ones (which can be
 * reordered) first, then presets that were never registered. A change that leaves the
 * person's control gone gives the focus to a card's heading: a deleted card's neighbour
 * (the next, else the one before), the card itself when it stays (a preset reset to its
 * defaults, a reset to the installer's declaration).
 * @param props
 */
export function RuntimeList( props: RuntimeListProps ) {
	const { runtimes } = props;
	const headings = useRef( new Map< string, HTMLHeadingElement >() );
	const [ focusHeadingOf, setFocusHeadingOf ] = useState< string | null >(
		null
	);
	useEffect( () => {
		if ( null !== focusHeadingOf ) {
			headings.current.get( focusHeadingOf )?.focus();
			setFocusHeadingOf( null );
		}
	}, [ focusHeadingOf, runtimes ] );
	const remove = ( runtime: Runtime ) => {
		const at = runtimes.indexOf( runtime );
		const neighbour = runtime.preset
			? runtime
			: ( runtimes[ at + 1 ] ?? runtimes[ at - 1 ] );
		props.onRemove( runtime.id );
		setFocusHeadingOf( neighbour?.id ?? null );
	};
	const registeredCount = runtimes.filter(
		( runtime ) => runtime.registered
	).length;
	if ( 0 === runtimes.length ) {
		return <p>{ __( 'No runtimes.', 'wp-coding-agents-runtimes' ) }</p>;
	}
	const names = runtimeNames( runtimes );
	let position = 0;
	return (
		<div className="wpca-runtime-list">
			{ runtimes.map( ( runtime ) => {
				const current = runtime.registered ? ++position : null;
				return (
					<RuntimeCard
						key={ runtime.id }
						runtime={ runtime }
						name={ names.get( runtime.id ) ?? runtime.id }
						position={ current }
						canMoveUp={ null !== current && current > 1 }
						canMoveDown={
							null !== current && current < registeredCount
						}
						busy={ props.isRowBusy( runtime.id ) }
						saving={ props.isSaving( runtime.id ) }
						error={ props.rowError( runtime.id ) }
						conflict={ props.rowConflict( runtime.id ) }
						onReset={ () => {
							props.onReset( runtime.id );
							setFocusHeadingOf( runtime.id );
						} }
						onDismissError={ () =>
							props.onDismissError( runtime.id )
						}
						onToggle={ ( enabled ) =>
							props.onToggle( runtime.id, enabled )
						}
						onSave={ ( body ) => props.onSave( runtime.id, body ) }
						onRemove={ () => remove( runtime ) }
						headingRef={ ( heading ) => {
							if ( heading ) {
								headings.current.set( runtime.id, heading );
							} else {
								headings.current.delete( runtime.id );
							}
						} }
						onMove={ ( offset ) =>
							props.onMove( runtime.id, offset )
						}
						verdict={ props.verdictFor?.( runtime.id ) }
					/>
				);
			} ) }
			{ props.children }
		</div>
	);
}
