import { Notice, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { RuntimeDraft } from '../hooks/use-runtime-draft';
import { labelHint } from '../lib/validation';
import { withRuntime } from '../lib/runtime-names';
import { FieldRowsEditor } from './field-rows-editor';

interface RuntimeDraftFieldsProps {
	draft: RuntimeDraft;
	busy: boolean;
	/** The runtime's name in the inputs' accessible names (an editor of a card). */
	runtimeName?: string;
}

// The label and fields inputs shared by the add form and the editor, with the
// form's own problem (e.g. a repeated subkey) below them.
export function RuntimeDraftFields( {
	draft,
	busy,
	runtimeName,
}: RuntimeDraftFieldsProps ) {
	const label = __( 'Label', 'wp-coding-agents-runtimes' );
	return (
		<>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ label }
				aria-label={ withRuntime( label, runtimeName ) }
				value={ draft.label }
				onChange={ draft.setLabel }
				help={ labelHint( draft.label ) ?? undefined }
				// Read-only, not disabled, while saving: the focus stays in the field.
				readOnly={ busy }
			/>
			<FieldRowsEditor
				runtimeName={ runtimeName }
				rows={ draft.rows }
				onChange={ draft.setRows }
				disabled={ busy }
			/>
			{ draft.localError && (
				<Notice status="error" isDismissible={ false }>
					{ draft.localError }
				</Notice>
			) }
		</>
	);
}
