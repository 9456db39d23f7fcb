import { Notice, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { RuntimeDraft } from '../hooks/use-runtime-draft';
import { labelHint } from '../lib/validation';
import { FieldRowsEditor } from './field-rows-editor';

interface RuntimeDraftFieldsProps {
	draft: RuntimeDraft;
	busy: boolean;
}

// The label and fields inputs shared by the add form and the editor, with the
// form's own problem (e.g. a repeated subkey) below them.
export function RuntimeDraftFields( { draft, busy }: RuntimeDraftFieldsProps ) {
	return (
		<>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Label', 'wp-coding-agents-runtimes' ) }
				value={ draft.label }
				onChange={ draft.setLabel }
				help={ labelHint( draft.label ) ?? undefined }
				disabled={ busy }
			/>
			<FieldRowsEditor
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
