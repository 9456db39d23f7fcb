import { Button, Flex } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { PutRuntimeBody, Runtime } from '../api/types';
import { useRuntimeDraft } from '../hooks/use-runtime-draft';
import type { Outcome } from '../hooks/use-runtimes-screen';
import { refusedInput } from '../lib/errors';
import { rowsFromFields } from '../lib/field-rows';
import { RuntimeDraftFields } from './runtime-draft-fields';
import { SubmitButton } from './submit-button';

interface RuntimeEditorProps {
	runtime: Runtime;
	/** The runtime's name in the controls' accessible names. */
	name: string;
	busy: boolean;
	onSave: ( body: PutRuntimeBody ) => Promise< Outcome >;
	/** The server refused the save because of a value of the form: the form shows it. */
	onRefusedInput: () => void;
	onClose: () => void;
}

// Edits the label and the fields of a runtime; publishing stays as it was. Nothing is
// sent while a value is invalid. Opened, it gives the focus to its first input; Escape
// closes it as Cancel does.
export function RuntimeEditor( {
	runtime,
	name,
	busy,
	onSave,
	onRefusedInput,
	onClose,
}: RuntimeEditorProps ) {
	const form = useRef< HTMLFormElement >( null );
	useEffect( () => {
		form.current?.querySelector< HTMLInputElement >( 'input' )?.focus();
	}, [] );
	const draft = useRuntimeDraft( {
		initialLabel: runtime.label,
		initialRows: () => rowsFromFields( runtime.fields ),
	} );

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		const body = draft.submit( runtime.enabled );
		if ( ! body ) {
			return;
		}
		const sent = { label: draft.label, rows: draft.rows };
		const outcome = await onSave( body );
		if ( outcome.ok ) {
			onClose();
			return;
		}
		const refused = refusedInput( outcome.error, sent );
		if ( refused ) {
			draft.refuse( refused );
			onRefusedInput();
		}
	};

	return (
		// Escape pressed in any of its inputs or buttons closes it, as Cancel does.
		// eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
		<form
			ref={ form }
			className="wpca-editor"
			onSubmit={ submit }
			onKeyDown={ ( event ) => {
				if ( 'Escape' === event.key && ! busy ) {
					event.preventDefault();
					onClose();
				}
			} }
			noValidate
		>
			<RuntimeDraftFields
				draft={ draft }
				busy={ busy }
				runtimeName={ name }
			/>
			<Flex justify="flex-start">
				<SubmitButton
					busy={ busy }
					label={ sprintf(
						/* translators: %s: runtime name. */
						__( 'Save: %s', 'wp-coding-agents-runtimes' ),
						name
					) }
				>
					{ __( 'Save', 'wp-coding-agents-runtimes' ) }
				</SubmitButton>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onClose }
					disabled={ busy }
					accessibleWhenDisabled
					aria-label={ sprintf(
						/* translators: %s: runtime name. */
						__( 'Cancel: %s', 'wp-coding-agents-runtimes' ),
						name
					) }
				>
					{ __( 'Cancel', 'wp-coding-agents-runtimes' ) }
				</Button>
			</Flex>
		</form>
	);
}
