import { Button, Flex, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PutRuntimeBody, Runtime } from '../api/types';
import { buildPutBody, rowsFromFields, type FieldRow } from '../lib/field-rows';
import { labelHint } from '../lib/validation';
import { FieldRowsEditor } from './field-rows-editor';

interface RuntimeEditorProps {
	runtime: Runtime;
	busy: boolean;
	onSave: ( body: PutRuntimeBody ) => Promise< boolean >;
	onClose: () => void;
}

// Edits the label and the fields of a runtime; publishing stays as it was.
export function RuntimeEditor( {
	runtime,
	busy,
	onSave,
	onClose,
}: RuntimeEditorProps ) {
	const [ label, setLabel ] = useState( runtime.label );
	const [ rows, setRows ] = useState< FieldRow[] >( () =>
		rowsFromFields( runtime.fields )
	);
	const [ localError, setLocalError ] = useState< string | null >( null );

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const built = buildPutBody( rows, label, runtime.enabled );
		if ( ! built.ok ) {
			setLocalError( built.message );
			return;
		}
		setLocalError( null );
		if ( await onSave( built.body ) ) {
			onClose();
		}
	};

	return (
		<form className="wpca-editor" onSubmit={ submit }>
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
			<Flex justify="flex-start">
				<Button
					__next40pxDefaultSize
					variant="primary"
					type="submit"
					isBusy={ busy }
					disabled={ busy }
				>
					{ __( 'Save', 'wp-coding-agents-runtimes' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onClose }
					disabled={ busy }
				>
					{ __( 'Cancel', 'wp-coding-agents-runtimes' ) }
				</Button>
			</Flex>
		</form>
	);
}
