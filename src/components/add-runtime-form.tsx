import { Notice } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PutRuntimeBody } from '../api/types';
import { useRuntimeDraft } from '../hooks/use-runtime-draft';
import { refusedInput } from '../lib/errors';
import { newRow } from '../lib/field-rows';
import type { Outcome } from '../hooks/use-runtimes-screen';
import { RegionCard } from './region-card';
import { RuntimeDraftFields } from './runtime-draft-fields';
import { SubmitButton } from './submit-button';

interface AddRuntimeFormProps {
	existingIds: string[];
	busy: boolean;
	error: string | undefined;
	onDismissError: () => void;
	onAdd: ( id: string, body: PutRuntimeBody ) => Promise< Outcome >;
}

// Registers a custom runtime (published at once, appended after the others). Nothing
// is sent while a value is invalid, nor with an id already listed (PUT would silently
// replace that runtime).
export function AddRuntimeForm( {
	existingIds,
	busy,
	error,
	onDismissError,
	onAdd,
}: AddRuntimeFormProps ) {
	const form = useRef< HTMLFormElement >( null );
	const draft = useRuntimeDraft( {
		initialLabel: '',
		initialRows: () => [ newRow() ],
		existingIds,
	} );

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		const body = draft.submit( true );
		if ( ! body ) {
			return;
		}
		const sent = { id: draft.id, label: draft.label, rows: draft.rows };
		const outcome = await onAdd( draft.id.trim(), body );
		if ( outcome.ok ) {
			// The inputs start over (the one with the focus is gone with its row): the
			// focus goes to the first, ready for another runtime.
			draft.reset();
			form.current?.querySelector< HTMLInputElement >( 'input' )?.focus();
			return;
		}
		const refused = refusedInput( outcome.error, sent );
		if ( refused ) {
			draft.refuse( refused );
			onDismissError();
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
			<form ref={ form } onSubmit={ submit } noValidate>
				<RuntimeDraftFields draft={ draft } busy={ busy } withId />
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
