import { __ } from '@wordpress/i18n';
import type { PutRuntimeBody, Runtime } from '../api/types';
import { runtimeNames } from '../lib/runtime-names';
import type { Outcome } from '../hooks/use-runtimes-screen';
import { RuntimeCard } from './runtime-card';

interface RuntimeListProps {
	runtimes: Runtime[];
	isRowBusy: ( id: string ) => boolean;
	rowError: ( id: string ) => string | undefined;
	rowConflict: ( id: string ) => boolean;
	orderBusy: boolean;
	onDismissError: ( id: string ) => void;
	onToggle: ( id: string, enabled: boolean ) => Promise< boolean >;
	onSave: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
	onRemove: ( id: string ) => Promise< boolean >;
	onReset: ( id: string ) => Promise< boolean >;
	onMove: ( id: string, offset: -1 | 1 ) => Promise< boolean >;
}

// Runtimes in precedence order as the server lists them: registered ones
// (which can be reordered) first, then presets that were never registered.
export function RuntimeList( props: RuntimeListProps ) {
	const { runtimes } = props;
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
						orderBusy={ props.orderBusy }
						error={ props.rowError( runtime.id ) }
						conflict={ props.rowConflict( runtime.id ) }
						onReset={ () => props.onReset( runtime.id ) }
						onDismissError={ () =>
							props.onDismissError( runtime.id )
						}
						onToggle={ ( enabled ) =>
							props.onToggle( runtime.id, enabled )
						}
						onSave={ ( body ) => props.onSave( runtime.id, body ) }
						onRemove={ () => props.onRemove( runtime.id ) }
						onMove={ ( offset ) =>
							props.onMove( runtime.id, offset )
						}
					/>
				);
			} ) }
		</div>
	);
}
