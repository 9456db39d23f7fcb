import { Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { AttributionPreview } from '../api/types';
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

// "If an agent process had exactly these variables": the admin types values and
// the server answers with what DMC would record, using the effective signatures.
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
							autoComplete="off"
							spellCheck={ false }
						/>
					) ) }
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
