import { Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PutRuntimeBody } from '../api/types';
import { useRuntimeDraft } from '../hooks/use-runtime-draft';
import { newRow } from '../lib/field-rows';
import { runtimeIdHint } from '../lib/validation';
import { RegionCard } from './region-card';
import { RuntimeDraftFields } from './runtime-draft-fields';
import { SubmitButton } from './submit-button';

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
	const draft = useRuntimeDraft( '', () => [ newRow() ] );

	const trimmedId = id.trim();
	const taken = existingIds.includes( trimmedId );
	const takenMessage = __(
		'This id is already in the list: edit it there instead.',
		'wp-coding-agents-runtimes'
	);
	const idHint =
		'' === id
			? undefined
			: ( ( taken ? takenMessage : runtimeIdHint( trimmedId ) ) ??
				undefined );

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		if ( taken ) {
			// PUT would silently replace the existing mapping.
			draft.setLocalError( takenMessage );
			return;
		}
		const body = draft.build( true );
		if ( ! body ) {
			return;
		}
		if ( await onAdd( trimmedId, body ) ) {
			setId( '' );
			draft.reset();
		}
	};

	return (
		<RegionCard
			className="wpca-add"
			headingId="wpca-add-heading"
			heading={ __(
				'Add a custom runtime',
				'wp-coding-agents-runtimes'
			) }
		>
			<form onSubmit={ submit }>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Runtime ID', 'wp-coding-agents-runtimes' ) }
					value={ id }
					onChange={ setId }
					help={
						idHint ??
						__(
							'For example my-agent. It cannot be changed later.',
							'wp-coding-agents-runtimes'
						)
					}
					readOnly={ busy }
					autoComplete="off"
					spellCheck={ false }
				/>
				<RuntimeDraftFields draft={ draft } busy={ busy } />
				{ error && (
					<Notice status="error" onRemove={ onDismissError }>
						{ error }
					</Notice>
				) }
				<SubmitButton busy={ busy }>
					{ __( 'Add runtime', 'wp-coding-agents-runtimes' ) }
				</SubmitButton>
			</form>
		</RegionCard>
	);
}
