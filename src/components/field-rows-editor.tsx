import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { newRow, type FieldRow } from '../lib/field-rows';
import {
	envVarHint,
	isUrlSubkey,
	MAX_SUBKEYS,
	subkeyHint,
} from '../lib/validation';
import { withRuntime } from '../lib/runtime-names';

interface FieldRowsEditorProps {
	rows: FieldRow[];
	onChange: ( rows: FieldRow[] ) => void;
	/** While saving: inputs read-only, buttons aria-disabled, so the focus stays where it is. */
	disabled?: boolean;
	/** The runtime's name in the inputs' accessible names (an editor of a card). */
	runtimeName?: string;
}

// Hints appear once something was typed, so an empty new row is not shouted at.
function hintFor(
	value: string,
	hint: ( value: string ) => string | null
): string | undefined {
	return '' === value ? undefined : ( hint( value.trim() ) ?? undefined );
}

// The subkey → env var rows of one runtime, in entry order.
export function FieldRowsEditor( {
	rows,
	onChange,
	disabled = false,
	runtimeName,
}: FieldRowsEditorProps ) {
	const update = ( key: string, change: Partial< FieldRow > ) =>
		onChange(
			rows.map( ( row ) =>
				row.key === key ? { ...row, ...change } : row
			)
		);

	const addLabel = __( 'Add field', 'wp-coding-agents-runtimes' );
	return (
		<fieldset className="wpca-field-rows">
			<legend>
				{ __(
					'Fields (subkey → environment variable)',
					'wp-coding-agents-runtimes'
				) }
			</legend>
			{ rows.map( ( row, index ) => {
				const subkeyProblem = hintFor( row.subkey, subkeyHint );
				const urlNote =
					! subkeyProblem && isUrlSubkey( row.subkey.trim() )
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
							label={ subkeyLabel }
							aria-label={ withRuntime(
								subkeyLabel,
								runtimeName
							) }
							value={ row.subkey }
							onChange={ ( subkey ) =>
								update( row.key, { subkey } )
							}
							help={ subkeyProblem ?? urlNote }
							readOnly={ disabled }
							autoComplete="off"
							spellCheck={ false }
						/>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ envLabel }
							aria-label={ withRuntime( envLabel, runtimeName ) }
							value={ row.env }
							onChange={ ( env ) => update( row.key, { env } ) }
							help={ hintFor( row.env, envVarHint ) }
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
								onChange(
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
				label={ withRuntime( addLabel, runtimeName ) }
				onClick={ () => onChange( [ ...rows, newRow() ] ) }
				disabled={ disabled || rows.length >= MAX_SUBKEYS }
				accessibleWhenDisabled
			>
				{ addLabel }
			</Button>
		</fieldset>
	);
}
