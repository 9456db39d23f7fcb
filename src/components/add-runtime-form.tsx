import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PutRuntimeBody } from '../api/types';
import { buildPutBody, newRow, type FieldRow } from '../lib/field-rows';
import { labelHint, runtimeIdHint } from '../lib/validation';
import { FieldRowsEditor } from './field-rows-editor';

interface AddRuntimeFormProps {
	existingIds: string[];
	busy: boolean;
	error: string | undefined;
	onDismissError: () => void;
	onAdd: ( id: string, body: PutRuntimeBody ) => Promise< boolean >;
}

// Registers a custom runtime (published at once, appended after the others).
export function AddRuntimeForm( {
	existingIds,
	busy,
	error,
	onDismissError,
	onAdd,
}: AddRuntimeFormProps ) {
	const [ id, setId ] = useState( '' );
	const [ label, setLabel ] = useState( '' );
	const [ rows, setRows ] = useState< FieldRow[] >( () => [ newRow() ] );
	const [ localError, setLocalError ] = useState< string | null >( null );

	const trimmedId = id.trim();
	const taken = existingIds.includes( trimmedId );
	const idHint =
		'' === id
			? undefined
			: ( ( taken
					? __(
							'This id is already in the list: edit it there instead.',
							'wp-coding-agents-runtimes'
						)
					: runtimeIdHint( trimmedId ) ) ?? undefined );

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( taken ) {
			// PUT would silently replace the existing mapping.
			setLocalError(
				__(
					'This id is already in the list: edit it there instead.',
					'wp-coding-agents-runtimes'
				)
			);
			return;
		}
		const built = buildPutBody( rows, label, true );
		if ( ! built.ok ) {
			setLocalError( built.message );
			return;
		}
		setLocalError( null );
		if ( await onAdd( trimmedId, built.body ) ) {
			setId( '' );
			setLabel( '' );
			setRows( [ newRow() ] );
		}
	};

	return (
		<Card
			className="wpca-add"
			role="region"
			aria-labelledby="wpca-add-heading"
		>
			<CardHeader>
				<h2 id="wpca-add-heading">
					{ __(
						'Add a custom runtime',
						'wp-coding-agents-runtimes'
					) }
				</h2>
			</CardHeader>
			<CardBody>
				<form onSubmit={ submit }>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __(
							'Runtime ID',
							'wp-coding-agents-runtimes'
						) }
						value={ id }
						onChange={ setId }
						help={
							idHint ??
							__(
								'For example my-agent. It cannot be changed later.',
								'wp-coding-agents-runtimes'
							)
						}
						disabled={ busy }
						autoComplete="off"
						spellCheck={ false }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Label', 'wp-coding-agents-runtimes' ) }
						value={ label }
						onChange={ setLabel }
						help={ labelHint( label ) ?? undefined }
						disabled={ busy }
					/>
					<FieldRowsEditor
						rows={ rows }
						onChange={ setRows }
						disabled={ busy }
					/>
					{ localError && (
						<Notice status="error" isDismissible={ false }>
							{ localError }
						</Notice>
					) }
					{ error && (
						<Notice status="error" onRemove={ onDismissError }>
							{ error }
						</Notice>
					) }
					<Button
						__next40pxDefaultSize
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={ busy }
					>
						{ __( 'Add runtime', 'wp-coding-agents-runtimes' ) }
					</Button>
				</form>
			</CardBody>
		</Card>
	);
}
