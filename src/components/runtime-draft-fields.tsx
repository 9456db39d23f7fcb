import { TextControl } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { RuntimeDraft } from '../hooks/use-runtime-draft';
import { labelHint, type FieldRef, type Problem } from '../lib/validation';
import { problemProps } from './problem-props';
import { withRuntime } from '../lib/runtime-names';
import { ErrorSummary } from './error-summary';
import { FieldRowsEditor } from './field-rows-editor';

interface RuntimeDraftFieldsProps {
	draft: RuntimeDraft;
	busy: boolean;
	/** The runtime's name in the inputs' accessible names (an editor of a card). */
	runtimeName?: string;
	/** The add form also asks for the runtime's id. */
	withId?: boolean;
}

// The inputs shared by the add form and the editor (the id only in the add form), with
// the summary of their problems above them.
export function RuntimeDraftFields( {
	draft,
	busy,
	runtimeName,
	withId = false,
}: RuntimeDraftFieldsProps ) {
	// React's ids contain colons: keep them out of the fragment links.
	const base = `wpca-draft-${ useId().replace( /:/g, '' ) }`;
	const elementId = ( field: FieldRef ) =>
		`${ base }-${ field.replace( ':', '-' ) }`;
	const rowNumber = ( field: FieldRef ) =>
		draft.rows.findIndex(
			( row ) => row.key === field.slice( field.indexOf( ':' ) + 1 )
		) + 1;
	const inputOf = ( problem: Problem ) => {
		const { field } = problem;
		if ( 'fields' === field ) {
			// No input of its own: the first row's subkey, where a field is typed.
			const first = draft.rows[ 0 ];
			return {
				name: __( 'Fields', 'wp-coding-agents-runtimes' ),
				elementId: first
					? elementId( `subkey:${ first.key }` )
					: `${ base }-add-field`,
			};
		}
		const names: Record< string, string > = {
			id: __( 'Runtime ID', 'wp-coding-agents-runtimes' ),
			label: __( 'Label', 'wp-coding-agents-runtimes' ),
		};
		const name =
			names[ field ] ??
			( field.startsWith( 'subkey:' )
				? sprintf(
						/* translators: %d: row number. */
						__( 'Subkey %d', 'wp-coding-agents-runtimes' ),
						rowNumber( field )
					)
				: sprintf(
						/* translators: %d: row number. */
						__(
							'Environment variable %d',
							'wp-coding-agents-runtimes'
						),
						rowNumber( field )
					) );
		return { name, elementId: elementId( field ) };
	};
	const label = __( 'Label', 'wp-coding-agents-runtimes' );
	return (
		<>
			<ErrorSummary
				id={ `${ base }-summary` }
				problems={ draft.summary }
				inputOf={ inputOf }
				focusKey={ draft.attempts }
			/>
			{ withId && (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					id={ elementId( 'id' ) }
					label={ __( 'Runtime ID', 'wp-coding-agents-runtimes' ) }
					value={ draft.id }
					onChange={ draft.setId }
					{ ...problemProps(
						draft,
						'id',
						__(
							'For example my-agent. It cannot be changed later.',
							'wp-coding-agents-runtimes'
						)
					) }
					readOnly={ busy }
					autoComplete="off"
					spellCheck={ false }
				/>
			) }
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				id={ elementId( 'label' ) }
				label={ label }
				aria-label={ withRuntime( label, runtimeName ) }
				value={ draft.label }
				onChange={ draft.setLabel }
				{ ...problemProps(
					draft,
					'label',
					labelHint( draft.label ) ?? undefined
				) }
				// Read-only, not disabled, while saving: the focus stays in the field.
				readOnly={ busy }
			/>
			<FieldRowsEditor
				runtimeName={ runtimeName }
				draft={ draft }
				elementId={ elementId }
				addButtonId={ `${ base }-add-field` }
				disabled={ busy }
			/>
		</>
	);
}
