/**
 * The label and field rows a runtime form edits, and the one problem the form
 * itself reports before anything is sent.
 */
import { useState } from '@wordpress/element';
import type { PutRuntimeBody } from '../api/types';
import { buildPutBody, type FieldRow } from '../lib/field-rows';

export interface RuntimeDraft {
	label: string;
	setLabel: ( label: string ) => void;
	rows: FieldRow[];
	setRows: ( rows: FieldRow[] ) => void;
	localError: string | null;
	setLocalError: ( message: string | null ) => void;
	/** The PUT body, or null once the reason it cannot be built is shown. */
	build: ( enabled: boolean ) => PutRuntimeBody | null;
	/** Back to the values the form started with. */
	reset: () => void;
}

export function useRuntimeDraft(
	initialLabel: string,
	initialRows: () => FieldRow[]
): RuntimeDraft {
	const [ label, setLabel ] = useState( initialLabel );
	const [ rows, setRows ] = useState< FieldRow[] >( initialRows );
	const [ localError, setLocalError ] = useState< string | null >( null );

	const build = ( enabled: boolean ): PutRuntimeBody | null => {
		const built = buildPutBody( rows, label, enabled );
		if ( ! built.ok ) {
			setLocalError( built.message );
			return null;
		}
		setLocalError( null );
		return built.body;
	};

	const reset = () => {
		setLabel( initialLabel );
		setRows( initialRows() );
	};

	return {
		label,
		setLabel,
		rows,
		setRows,
		localError,
		setLocalError,
		build,
		reset,
	};
}
