import {
	Button,
	Notice,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { AttributionPreview } from '../api/types';
import { looksLikeEnvironment, parseEnvironment } from '../lib/pasted-env';
import { CapturedTables } from './captured-tables';
import { InventoryNote } from './inventory-note';
import { LockBudgetNote } from './lock-budget';
import { ViewCard } from './region-card';
import { SubmitButton } from './submit-button';

interface AttributionPreviewPanelProps {
	/** The env vars DMC reads, in the order it reads them. */
	declared: string[];
	result: AttributionPreview | null;
	busy: boolean;
	error: string | undefined;
	onDismissError: () => void;
	onPreview: ( env: Record< string, string > ) => Promise< boolean >;
}

type Dropped = AttributionPreview[ 'dropped' ][ number ];

// Why DMC does not record a value as given, in the words of the place it is dropped.
function DroppedNotes( {
	dropped,
	consumer,
}: {
	dropped: Dropped[];
	consumer: Dropped[ 'consumer' ];
} ) {
	const here = dropped.filter( ( item ) => item.consumer === consumer );
	if ( 0 === here.length ) {
		return null;
	}
	return (
		<ul className="wpca-preview__dropped">
			{ here.map( ( item ) => (
				<li key={ `${ item.runtime }/${ item.subkey }` }>
					<code>{ item.variable }</code>{ ' ' }
					{ 'not_a_url' === item.reason
						? sprintf(
								/* translators: 1: runtime id, 2: subkey. */
								__(
									'is left out: DMC records %1$s’s %2$s here only when it starts with http:// or https://.',
									'wp-coding-agents-runtimes'
								),
								item.runtime,
								item.subkey
							)
						: sprintf(
								/* translators: %d: number of bytes kept. */
								__(
									'is cut to its first %d bytes: DMC keeps no more of a value here.',
									'wp-coding-agents-runtimes'
								),
								item.kept_bytes
							) }
				</li>
			) ) }
		</ul>
	);
}

// "If an agent process had exactly these variables": the admin types values (or
// pastes an environment) and the server answers with what DMC would record, using
// the effective signatures.
export function AttributionPreviewPanel( {
	declared,
	result,
	busy,
	error,
	onDismissError,
	onPreview,
}: AttributionPreviewPanelProps ) {
	// A Map, because env var names such as "__proto__" are valid and must stay plain data.
	const [ values, setValues ] = useState< Map< string, string > >(
		() => new Map()
	);

	const [ pasted, setPasted ] = useState( '' );
	const [ pasteNote, setPasteNote ] = useState( '' );

	// Fills the declared variables a pasted environment sets; the rest is only counted.
	const fillFrom = ( text: string ) => {
		const { filled, ignored } = parseEnvironment( text, declared );
		setValues( new Map( [ ...values, ...filled ] ) );
		setPasteNote(
			sprintf(
				/* translators: 1: sentence on filled variables, 2: sentence on ignored ones. */
				__( '%1$s %2$s', 'wp-coding-agents-runtimes' ),
				sprintf(
					/* translators: %d: number of declared variables filled in. */
					_n(
						'Filled %d declared variable from the pasted environment.',
						'Filled %d declared variables from the pasted environment.',
						filled.size,
						'wp-coding-agents-runtimes'
					),
					filled.size
				),
				sprintf(
					/* translators: %d: number of other variables. */
					_n(
						'%d other variable was ignored and is not sent.',
						'%d other variables were ignored and are not sent.',
						ignored,
						'wp-coding-agents-runtimes'
					),
					ignored
				)
			)
		);
	};

	const submit = ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		// An empty input means "not set in the environment".
		const env = Object.fromEntries(
			declared
				.map( ( name ) => [ name, values.get( name ) ?? '' ] )
				.filter( ( [ , value ] ) => '' !== value )
		);
		onPreview( env );
	};

	return (
		<ViewCard className="wpca-preview">
			{ 0 === declared.length ? (
				<p>
					{ __(
						'No environment variable is declared: publish a runtime first.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) : (
				<form onSubmit={ submit }>
					<p className="wpca-card__meta">
						{ __(
							'Type the values an agent process would have; leave a variable empty when it is not set.',
							'wp-coding-agents-runtimes'
						) }
					</p>
					{ declared.map( ( name ) => (
						<TextControl
							key={ name }
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ name }
							value={ values.get( name ) ?? '' }
							onChange={ ( value ) =>
								setValues(
									new Map( values ).set( name, value )
								)
							}
							onPaste={ ( event ) => {
								const text =
									event.clipboardData.getData( 'text' );
								if ( looksLikeEnvironment( text, declared ) ) {
									event.preventDefault();
									fillFrom( text );
								}
							} }
							autoComplete="off"
							spellCheck={ false }
						/>
					) ) }
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __(
							'Or paste an environment',
							'wp-coding-agents-runtimes'
						) }
						help={ __(
							'The output of env or printenv, or export NAME=value lines: the declared variables above are filled in; everything else stays in your browser.',
							'wp-coding-agents-runtimes'
						) }
						value={ pasted }
						onChange={ setPasted }
						rows={ 3 }
						spellCheck={ false }
					/>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						disabled={ '' === pasted.trim() }
						accessibleWhenDisabled
						onClick={ () => {
							fillFrom( pasted );
							setPasted( '' );
						} }
					>
						{ __(
							'Fill in the declared variables',
							'wp-coding-agents-runtimes'
						) }
					</Button>
					<p className="wpca-preview__pasted" role="status">
						{ pasteNote }
					</p>
					<SubmitButton busy={ busy }>
						{ __(
							'Preview attribution',
							'wp-coding-agents-runtimes'
						) }
					</SubmitButton>
				</form>
			) }
			{ error && (
				<Notice status="error" onRemove={ onDismissError }>
					{ error }
				</Notice>
			) }
			{ result && (
				<section
					className="wpca-preview__result"
					aria-label={ __(
						'What DMC would record',
						'wp-coding-agents-runtimes'
					) }
				>
					<h3>
						{ __(
							'What DMC would record',
							'wp-coding-agents-runtimes'
						) }
					</h3>
					{ null === result.origin_session ? (
						<p>
							{ __(
								'Nothing: no declared variable has a usable value.',
								'wp-coding-agents-runtimes'
							) }
						</p>
					) : (
						<>
							<p>
								{ __(
									'Primary ID:',
									'wp-coding-agents-runtimes'
								) }{ ' ' }
								{ null === result.origin_session.primary_id ? (
									<em>
										{ __(
											'none',
											'wp-coding-agents-runtimes'
										) }
									</em>
								) : (
									<code className="wpca-preview__primary">
										{ result.origin_session.primary_id }
									</code>
								) }
							</p>
							<h4>
								{ __(
									'Worktree origin session',
									'wp-coding-agents-runtimes'
								) }
							</h4>
							<CapturedTables
								ids={ result.origin_session.ids }
								prefix={ __(
									'Origin session ids of',
									'wp-coding-agents-runtimes'
								) }
							/>
						</>
					) }
					<DroppedNotes
						dropped={ result.dropped }
						consumer="origin_session"
					/>
					{ Object.keys( result.lock_owner.runtime_ids ?? {} )
						.length > 0 && (
						<>
							<h4>
								{ __(
									'Workspace lock owner',
									'wp-coding-agents-runtimes'
								) }
							</h4>
							<CapturedTables
								ids={ result.lock_owner.runtime_ids ?? {} }
								prefix={ __(
									'Lock owner ids of',
									'wp-coding-agents-runtimes'
								) }
							/>
							<DroppedNotes
								dropped={ result.dropped }
								consumer="lock_owner"
							/>
						</>
					) }
					<LockBudgetNote budget={ result.lock_budget } />
					<InventoryNote inventory={ result.inventory } />
					<p>
						{ __(
							'Missing variables:',
							'wp-coding-agents-runtimes'
						) }{ ' ' }
						{ 0 === result.missing.length
							? __( 'none', 'wp-coding-agents-runtimes' )
							: result.missing.map( ( name ) => (
									<code
										key={ name }
										className="wpca-preview__missing"
									>
										{ name }
									</code>
								) ) }
					</p>
				</section>
			) }
		</ViewCard>
	);
}
