/**
 * The values a runtime form edits (the add form's id, the label, the field rows) and
 * their problems: checked in the browser (lib/validation.ts) before anything is sent,
 * plus what the server refused (lib/errors.ts words it alike). The problem of a value
 * being typed shows next to its input as advice; the input is marked invalid once the
 * person leaves it (only the colour changes then, so nothing moves under a click that
 * blurred it) or submits. A missing value is only pointed out by a submit.
 */
import { useState } from '@wordpress/element';
import type { PutRuntimeBody } from '../api/types';
import { buildPutBody, type FieldRow } from '../lib/field-rows';
import { draftProblems, type FieldRef, type Problem } from '../lib/validation';

export interface RuntimeDraft {
	id: string;
	setId: ( id: string ) => void;
	label: string;
	setLabel: ( label: string ) => void;
	rows: FieldRow[];
	setRows: ( rows: FieldRow[] ) => void;
	/** The message to show next to an input now, and whether it is marked invalid. */
	problemOf: (
		field: FieldRef
	) => { message: string; invalid: boolean } | undefined;
	/** After a submit that found problems: all of them, for the form's error summary. */
	summary: Problem[];
	/** How many submits found problems (the summary takes the focus each time). */
	attempts: number;
	/** Marks an input as left (its problem shows from now on). */
	touch: ( field: FieldRef ) => void;
	/** The PUT body, or null when a problem blocks sending (the summary then lists them). */
	submit: ( enabled: boolean ) => PutRuntimeBody | null;
	/** What the server refused, already in plain words and pointed at an input. */
	refuse: ( problem: Problem ) => void;
	/** Back to the values the form started with. */
	reset: () => void;
}

export function useRuntimeDraft( {
	initialLabel,
	initialRows,
	existingIds,
}: {
	initialLabel: string;
	initialRows: () => FieldRow[];
	/** Given for the add form, which also edits the id; never an id already listed. */
	existingIds?: string[];
} ): RuntimeDraft {
	const [ id, setIdValue ] = useState( '' );
	const [ label, setLabelValue ] = useState( initialLabel );
	const [ rows, setRowsValue ] = useState< FieldRow[] >( initialRows );
	const [ touched, setTouched ] = useState< ReadonlySet< FieldRef > >(
		() => new Set()
	);
	const [ submitted, setSubmitted ] = useState( false );
	const [ refused, setRefused ] = useState< Problem | null >( null );
	const [ attempts, setAttempts ] = useState( 0 );

	const problems = [
		...draftProblems( {
			id: undefined === existingIds ? undefined : id,
			existingIds,
			label,
			rows,
		} ),
		...( refused ? [ refused ] : [] ),
	];
	const typedValue = ( field: FieldRef ): string => {
		if ( 'id' === field || 'label' === field ) {
			return 'id' === field ? id : label;
		}
		const row = rows.find(
			( candidate ) =>
				candidate.key === field.slice( field.indexOf( ':' ) + 1 )
		);
		return ( field.startsWith( 'env:' ) ? row?.env : row?.subkey ) ?? '';
	};
	const problemOf = ( field: FieldRef ) => {
		const problem = problems.find(
			( candidate ) => candidate.field === field
		);
		if ( ! problem ) {
			return undefined;
		}
		const invalid =
			submitted || touched.has( field ) || problem === refused;
		if ( ! invalid && '' === typedValue( field ).trim() ) {
			return undefined;
		}
		return { message: problem.message, invalid };
	};

	// A refusal is about the value sent: it goes once that input changes.
	const forget = ( fields: FieldRef[] ) => {
		if ( refused && fields.includes( refused.field ) ) {
			setRefused( null );
		}
	};
	const setRows = ( next: FieldRow[] ) => {
		const changed = next.flatMap( ( row ) => {
			const before = rows.find( ( other ) => other.key === row.key );
			return [
				...( before?.subkey !== row.subkey
					? [ `subkey:${ row.key }` as const ]
					: [] ),
				...( before?.env !== row.env
					? [ `env:${ row.key }` as const ]
					: [] ),
			];
		} );
		forget( [ ...changed, 'fields' ] );
		setRowsValue( next );
	};

	return {
		id,
		setId: ( next ) => {
			forget( [ 'id' ] );
			setIdValue( next );
		},
		label,
		setLabel: ( next ) => {
			forget( [ 'label' ] );
			setLabelValue( next );
		},
		rows,
		setRows,
		problemOf,
		summary: submitted ? problems : [],
		attempts,
		touch: ( field ) =>
			setTouched( ( before ) => new Set( before ).add( field ) ),
		submit: ( enabled ) => {
			setSubmitted( true );
			if ( problems.length > 0 ) {
				setAttempts( attempts + 1 );
				return null;
			}
			return buildPutBody( rows, label, enabled );
		},
		refuse: ( problem ) => {
			setSubmitted( true );
			setRefused( problem );
			setAttempts( attempts + 1 );
		},
		reset: () => {
			setIdValue( '' );
			setLabelValue( initialLabel );
			setRowsValue( initialRows() );
			setTouched( new Set() );
			setSubmitted( false );
			setRefused( null );
		},
	};
}
