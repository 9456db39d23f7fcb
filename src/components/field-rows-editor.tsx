import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { RuntimeDraft } from '../hooks/use-runtime-draft';
import { newRow, type FieldRow } from '../lib/field-rows';
import { isUrlSubkey, MAX_SUBKEYS, type FieldRef } from '../lib/validation';
import { withRuntime } from '../lib/runtime-names';
import { problemProps } from './problem-props';

interface FieldRowsEditorProps {
	draft: RuntimeDraft;
	/** The element id of an input (the error summary links to it). */
	elementId: ( field: FieldRef ) => string;
	addButtonId: string;
	/** While saving: inputs read-only, buttons aria-disabled, so the focus stays where it is. */
	disabled?: boolean;
	/** The runtime's name in the inputs' accessible names (an editor of a card). */
	runtimeName?: string;
}

// The subkey → env var rows of one runtime, in entry order.
export function FieldRowsEditor( {
	draft,
	elementId,
	addButtonId,
	disabled = false,
	runtimeName,
}: FieldRowsEditorProps ) {
	const { rows } = draft;
	const update = ( key: string, change: Partial< FieldRow > ) =>
		draft.setRows(
			rows.map( ( row ) =>
				row.key === key ? { ...row, ...change } : row
			)
		);
	const fieldsProblem = draft.problemOf( 'fields' )?.message;

	const addLabel = __( 'Add field', 'wp-coding-agents-runtimes' );
	return (
		<fieldset className="wpca-field-rows">
			<legend>
				{ __(
					'Fields (subkey → environment variable)',
					'wp-coding-agents-runtimes'
				) }
			</legend>
			{ fieldsProblem && (
				<p className="wpca-field-rows__problem">{ fieldsProblem }</p>
			) }
			{ rows.map( ( row, index ) => {
				const subkeyField = `subkey:${ row.key }` as const;
				const envField = `env:${ row.key }` as const;
				const urlNote = isUrlSubkey( row.subkey.trim() )
					? __(
							'DMC keeps only http(s):// values for URL subkeys.',
							'wp-coding-agents-runtimes'
						)
					: undefined;
				const subkeyLabel = sprintf(
					/* translators: %d: row number. */
					__( 'Subkey %d', 'wp-coding-agents-runtimes' ),
					index + 1
				);
				const envLabel = sprintf(
					/* translators: %d: row number. */
					__(
						'Environment variable %d',
						'wp-coding-agents-runtimes'
					),
					index + 1
				);
				const removeLabel = sprintf(
					/* translators: %d: row number. */
					__( 'Remove row %d', 'wp-coding-agents-runtimes' ),
					index + 1
				);
				return (
					<div className="wpca-field-rows__row" key={ row.key }>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							id={ elementId( subkeyField ) }
							label={ subkeyLabel }
							aria-label={ withRuntime(
								subkeyLabel,
								runtimeName
							) }
							value={ row.subkey }
							onChange={ ( subkey ) =>
								update( row.key, { subkey } )
							}
							{ ...problemProps( draft, subkeyField, urlNote ) }
							readOnly={ disabled }
							autoComplete="off"
							spellCheck={ false }
						/>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							id={ elementId( envField ) }
							label={ envLabel }
							aria-label={ withRuntime( envLabel, runtimeName ) }
							value={ row.env }
							onChange={ ( env ) => update( row.key, { env } ) }
							{ ...problemProps( draft, envField ) }
							readOnly={ disabled }
							autoComplete="off"
							spellCheck={ false }
						/>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							isDestructive
							className="wpca-field-rows__remove"
							label={
								withRuntime( removeLabel, runtimeName ) ??
								removeLabel
							}
							onClick={ () =>
								draft.setRows(
									rows.filter(
										( other ) => other.key !== row.key
									)
								)
							}
							disabled={ disabled }
							accessibleWhenDisabled
						>
							{ __( 'Remove', 'wp-coding-agents-runtimes' ) }
						</Button>
					</div>
				);
			} ) }
			<Button
				__next40pxDefaultSize
				variant="secondary"
				id={ addButtonId }
				label={ withRuntime( addLabel, runtimeName ) }
				onClick={ () => draft.setRows( [ ...rows, newRow() ] ) }
				disabled={ disabled || rows.length >= MAX_SUBKEYS }
				accessibleWhenDisabled
			>
				{ addLabel }
			</Button>
		</fieldset>
	);
}
