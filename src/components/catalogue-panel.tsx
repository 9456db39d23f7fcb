import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import type { ViewNavigation } from '../hooks/use-view-location';
import { __, sprintf } from '@wordpress/i18n';
import type {
	CatalogueRejection,
	CatalogueRuntime,
	CatalogueVariable,
} from '../api/types';
import type { CatalogueScreen } from '../hooks/use-catalogue';
import { claimText, identifiesText } from '../lib/catalogue-text';
import { RegionCard, ViewCard } from './region-card';
import { isPlainClick } from './view-tabs';
import './catalogue-panel.scss';

// Where a catalogue runtime stands on this site.
function statusText( runtime: CatalogueRuntime ): string {
	if ( ! runtime.attributable ) {
		return __(
			'No session variable: nothing to add',
			'wp-coding-agents-runtimes'
		);
	}
	if ( runtime.registered ) {
		if ( ! runtime.enabled ) {
			return __( 'Added, not published', 'wp-coding-agents-runtimes' );
		}
		return runtime.fields_match
			? __( 'Published', 'wp-coding-agents-runtimes' )
			: __(
					'Published, with fields edited here',
					'wp-coding-agents-runtimes'
				);
	}
	return runtime.default
		? __(
				'Default: listed under Runtimes, not published',
				'wp-coding-agents-runtimes'
			)
		: __( 'Not added', 'wp-coding-agents-runtimes' );
}

/**
 * One variable: what it identifies, then what this site observed of it ahead of what
 * upstream claims, so an observation that contradicts the claim is what is read first.
 * @param props
 * @param props.variable
 * @param props.runtime
 */
export function CatalogueVariableItem( {
	variable,
	runtime,
}: {
	variable: CatalogueVariable;
	runtime: CatalogueRuntime;
} ) {
	const observed = variable.evidence.summary;
	const contradicted = 'contradicted' === variable.evidence.confidence;
	return (
		<li
			className={
				contradicted
					? 'wpca-catalogue__variable is-contradicted'
					: 'wpca-catalogue__variable'
			}
		>
			<p className="wpca-catalogue__name">
				<code>
					{ null === variable.value
						? variable.name
						: `${ variable.name }=${ variable.value }` }
				</code>{ ' ' }
				{ null === variable.subkey
					? sprintf(
							/* translators: %s: what the variable identifies, e.g. "a session". */
							__(
								'identifies %s; not published',
								'wp-coding-agents-runtimes'
							),
							identifiesText( variable.identifies )
						)
					: sprintf(
							/* translators: 1: subkey, 2: what the variable identifies, e.g. "a session". */
							__(
								'published as %1$s; identifies %2$s',
								'wp-coding-agents-runtimes'
							),
							variable.subkey,
							identifiesText( variable.identifies )
						) }
				{ variable.generic &&
					' ' +
						__(
							'(a generic name other tools may set too)',
							'wp-coding-agents-runtimes'
						) }
			</p>
			{ null !== observed && (
				<p className="wpca-catalogue__observed">
					<strong>
						{ contradicted
							? __(
									'Observed here, against upstream:',
									'wp-coding-agents-runtimes'
								)
							: __(
									'Observed here:',
									'wp-coding-agents-runtimes'
								) }
					</strong>{ ' ' }
					{ observed }
				</p>
			) }
			<p className="wpca-catalogue__claim">
				{ claimText( variable, runtime ) }
				{ null === observed &&
					null !== variable.subkey &&
					' ' +
						( runtime.enabled
							? __(
									'Not observed here yet.',
									'wp-coding-agents-runtimes'
								)
							: __(
									'Not checked here: verify reads published variables only.',
									'wp-coding-agents-runtimes'
								) ) }
			</p>
		</li>
	);
}

interface EntryProps {
	runtime: CatalogueRuntime;
	adding: boolean;
	error: string | undefined;
	onAdd: () => Promise< boolean >;
	onDismissError: () => void;
}

function CatalogueEntry( {
	runtime,
	adding,
	error,
	onAdd,
	onDismissError,
}: EntryProps ) {
	const headingId = `wpca-catalogue-${ runtime.id }`;
	const statusRef = useRef< HTMLParagraphElement >( null );
	const added = useRef( false );
	const canAdd =
		runtime.attributable && ! runtime.registered && ! runtime.default;
	// The Add button goes once the runtime is added: the focus moves to what replaced it.
	useEffect( () => {
		if ( added.current && runtime.registered ) {
			added.current = false;
			statusRef.current?.focus();
		}
	}, [ runtime.registered ] );
	return (
		<li className="wpca-catalogue__runtime" aria-labelledby={ headingId }>
			<div className="wpca-catalogue__head">
				<h3 id={ headingId } className="wpca-catalogue__title">
					{ runtime.label } <code>{ runtime.id }</code>
				</h3>
				<p
					className="wpca-catalogue__status"
					ref={ statusRef }
					tabIndex={ -1 }
				>
					{ statusText( runtime ) }
				</p>
				{ canAdd && (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isBusy={ adding }
						aria-disabled={ adding }
						aria-label={ sprintf(
							/* translators: %s: runtime name. */
							__(
								'Add %s and publish it to DMC',
								'wp-coding-agents-runtimes'
							),
							runtime.label
						) }
						onClick={ async () => {
							if ( adding ) {
								return;
							}
							added.current = await onAdd();
						} }
					>
						{ __( 'Add', 'wp-coding-agents-runtimes' ) }
					</Button>
				) }
			</div>
			{ error && (
				<Notice status="error" onRemove={ onDismissError }>
					{ error }
				</Notice>
			) }
			{ runtime.description && (
				<p className="wpca-catalogue__description">
					{ runtime.description }
					{ 'filter' === runtime.origin &&
						runtime.added_by &&
						' ' +
							sprintf(
								/* translators: %s: file that added the entry. */
								__(
									'(Added by %s.)',
									'wp-coding-agents-runtimes'
								),
								runtime.added_by.file ??
									runtime.added_by.callback
							) }
				</p>
			) }
			{ runtime.notes.length > 0 && (
				<ul className="wpca-catalogue__notes">
					{ runtime.notes.map( ( note ) => (
						<li key={ note }>{ note }</li>
					) ) }
				</ul>
			) }
			<ul
				className="wpca-catalogue__variables"
				aria-label={ sprintf(
					/* translators: %s: runtime name. */
					__( 'Variables of %s', 'wp-coding-agents-runtimes' ),
					runtime.label
				) }
			>
				{ runtime.variables.map( ( variable ) => (
					<CatalogueVariableItem
						key={ variable.name }
						variable={ variable }
						runtime={ runtime }
					/>
				) ) }
			</ul>
		</li>
	);
}

function RejectedEntries( { rejected }: { rejected: CatalogueRejection[] } ) {
	return (
		<div className="wpca-catalogue__rejected">
			<h3>
				{ __(
					'Entries other code tried to add',
					'wp-coding-agents-runtimes'
				) }
			</h3>
			<ul>
				{ rejected.map( ( entry, index ) => (
					<li key={ index }>
						{ null !== entry.id && (
							<>
								<code>{ entry.id }</code>{ ' ' }
							</>
						) }
						{ entry.message }
						{ entry.added_by &&
							' ' +
								sprintf(
									/* translators: 1: file, 2: line. */
									__(
										'(%1$s, line %2$s)',
										'wp-coding-agents-runtimes'
									),
									entry.added_by.file ??
										entry.added_by.callback,
									String( entry.added_by.line ?? '?' )
								) }
					</li>
				) ) }
			</ul>
		</div>
	);
}

/**
 * The Known runtimes view: every runtime of the server's catalogue, what its processes
 * really export (the observation ahead of the claim), and one click to add one.
 * @param props
 * @param props.screen The catalogue's state and actions (useCatalogue).
 */
export function CataloguePanel( { screen }: { screen: CatalogueScreen } ) {
	const { catalogue } = screen;
	return (
		<ViewCard className="wpca-catalogue">
			{ null === catalogue && <Spinner /> }
			{ null !== catalogue && (
				<ul className="wpca-catalogue__list">
					{ catalogue.runtimes.map( ( runtime ) => (
						<CatalogueEntry
							key={ runtime.id }
							runtime={ runtime }
							adding={ screen.isAdding( runtime.id ) }
							error={ screen.addError( runtime.id ) }
							onAdd={ () => screen.add( runtime ) }
							onDismissError={ () =>
								screen.dismissAddError( runtime.id )
							}
						/>
					) ) }
				</ul>
			) }
			{ null !== catalogue && catalogue.rejected.length > 0 && (
				<RejectedEntries rejected={ catalogue.rejected } />
			) }
		</ViewCard>
	);
}

/**
 * On the Runtimes view, under the list: the known runtimes not on this site yet, each
 * one click from being published, and the way to what each really exports.
 * @param props
 * @param props.screen     The catalogue's state and actions (useCatalogue).
 * @param props.navigation Where the admin is, and how to move (to the Known runtimes view).
 */
export function CatalogueQuickAdd( {
	screen,
	navigation,
}: {
	screen: CatalogueScreen;
	navigation: ViewNavigation;
} ) {
	const heading = useRef< HTMLHeadingElement >( null );
	const addable = ( screen.catalogue?.runtimes ?? [] ).filter(
		( runtime ) =>
			runtime.attributable && ! runtime.registered && ! runtime.default
	);
	const target = { view: 'catalogue' as const, runtime: null };
	return (
		<RegionCard
			className="wpca-quick-add"
			headingId="wpca-quick-add-heading"
			heading={ __( 'Add a known runtime', 'wp-coding-agents-runtimes' ) }
			headingRef={ heading }
		>
			<p>
				{ 0 === addable.length
					? __(
							'Every runtime this plugin knows is on this site.',
							'wp-coding-agents-runtimes'
						)
					: __(
							'Published at once with the variables below, last in the order.',
							'wp-coding-agents-runtimes'
						) }{ ' ' }
				<a
					href={ navigation.hrefFor( target ) }
					onClick={ ( event ) => {
						if ( isPlainClick( event ) ) {
							event.preventDefault();
							navigation.navigate( target );
						}
					} }
				>
					{ __(
						'What each runtime really exports',
						'wp-coding-agents-runtimes'
					) }
				</a>
			</p>
			{ addable.length > 0 && (
				<ul className="wpca-quick-add__list">
					{ addable.map( ( runtime ) => (
						<li key={ runtime.id }>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								isBusy={ screen.isAdding( runtime.id ) }
								aria-disabled={ screen.isAdding( runtime.id ) }
								onClick={ async () => {
									if ( screen.isAdding( runtime.id ) ) {
										return;
									}
									if ( await screen.add( runtime ) ) {
										// The button is gone: the focus goes to the card's heading.
										heading.current?.focus();
									}
								} }
							>
								{ sprintf(
									/* translators: %s: runtime name. */
									__( 'Add %s', 'wp-coding-agents-runtimes' ),
									runtime.label
								) }
							</Button>{ ' ' }
							{ Object.entries( runtime.fields ).map(
								( [ subkey, variable ] ) => (
									<code key={ subkey }>
										{ `${ subkey } → ${ variable }` }
									</code>
								)
							) }
							{ screen.addError( runtime.id ) && (
								<Notice
									status="error"
									onRemove={ () =>
										screen.dismissAddError( runtime.id )
									}
								>
									{ screen.addError( runtime.id ) }
								</Notice>
							) }
						</li>
					) ) }
				</ul>
			) }
		</RegionCard>
	);
}
