import { Button, Notice } from '@wordpress/components';
import { createInterpolateElement, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type {
	FilterDeclarer,
	ForeignSignature,
	SignaturesResponse,
} from '../api/types';
import { FieldsTable } from './fields-table';
import { secretFindingsOf } from './filter-findings';
import { RegionCard } from './region-card';

interface ForeignSignaturesPanelProps {
	entries: ForeignSignature[];
	/** The filter's findings: an entry naming a credential is flagged. */
	findings: SignaturesResponse[ 'findings' ];
	isBusy: ( id: string ) => boolean;
	errorFor: ( id: string ) => string | undefined;
	onDismissError: ( id: string ) => void;
	onAdopt: ( id: string ) => Promise< boolean >;
}

function declarerText( declarer: FilterDeclarer ): string {
	const where =
		null === declarer.file
			? __( 'an unknown file', 'wp-coding-agents-runtimes' )
			: `${ declarer.file }${
					null === declarer.line ? '' : `:${ declarer.line }`
				}`;
	return sprintf(
		/* translators: 1: file:line, 2: callback name, 3: hook priority. */
		__( '%1$s (%2$s, priority %3$d)', 'wp-coding-agents-runtimes' ),
		where,
		declarer.callback,
		declarer.priority
	);
}

function Declarers( { entry }: { entry: ForeignSignature } ) {
	return (
		<ul
			className="wpca-foreign__declarers"
			aria-label={ sprintf(
				/* translators: %s: runtime id. */
				__( 'Code declaring %s', 'wp-coding-agents-runtimes' ),
				entry.id
			) }
		>
			{ entry.declared_by.map( ( declarer, index ) => (
				<li key={ index }>
					<code>{ declarerText( declarer ) }</code>
				</li>
			) ) }
		</ul>
	);
}

function StatusNotice( { entry }: { entry: ForeignSignature } ) {
	const files = entry.declared_by
		.map( ( declarer ) => declarer.file )
		.filter( ( file ): file is string => null !== file );
	switch ( entry.status ) {
		case 'stored':
			return (
				<Notice status="success" isDismissible={ false }>
					{ createInterpolateElement(
						sprintf(
							/* translators: 1: runtime id, 2: file path(s). */
							__(
								'Adopted: %1$s is stored in this registry with the same mapping, and stays when the other code goes. <strong>Remove it from %2$s</strong> so this registry is its only source.',
								'wp-coding-agents-runtimes'
							),
							entry.id,
							files.join( ', ' ) ||
								__(
									'the code that declares it',
									'wp-coding-agents-runtimes'
								)
						),
						{ strong: <strong /> }
					) }
				</Notice>
			);
		case 'conflict':
			return (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: runtime id. */
						__(
							'A runtime "%s" is already registered here with another mapping (or disabled), so this entry cannot be adopted. Edit or delete that registration first.',
							'wp-coding-agents-runtimes'
						),
						entry.id
					) }
				</Notice>
			);
		case 'invalid':
			return (
				<Notice status="error" isDismissible={ false }>
					{ entry.problem }
				</Notice>
			);
	}
	return null;
}

interface ForeignEntryProps {
	entry: ForeignSignature;
	findings: SignaturesResponse[ 'findings' ];
	busy: boolean;
	error: string | undefined;
	onDismissError: () => void;
	onAdopt: () => Promise< boolean >;
}

function ForeignEntry( {
	entry,
	findings,
	busy,
	error,
	onDismissError,
	onAdopt,
}: ForeignEntryProps ) {
	const heading = useRef< HTMLHeadingElement >( null );
	return (
		<div className="wpca-foreign__entry">
			<h3 ref={ heading } tabIndex={ -1 }>
				<code>{ entry.id }</code>
			</h3>
			<Declarers entry={ entry } />
			<FieldsTable
				label={ sprintf(
					/* translators: %s: runtime id. */
					__( 'Declared fields of %s', 'wp-coding-agents-runtimes' ),
					entry.id
				) }
				pairs={ Object.entries( entry.fields ) }
			/>
			<StatusNotice entry={ entry } />
			{ secretFindingsOf( findings, entry.id ).map( ( finding ) => (
				<Notice
					key={ finding.subkey }
					status="warning"
					isDismissible={ false }
				>
					{ finding.message }
				</Notice>
			) ) }
			{ error && (
				<Notice status="error" onRemove={ onDismissError }>
					{ error }
				</Notice>
			) }
			{ 'adoptable' === entry.status && (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ async () => {
						// The button goes once the entry is adopted (the entry stays, now
						// "Adopted"): the focus goes to the entry's heading, which the
						// notice saying what to do next follows.
						if ( await onAdopt() ) {
							heading.current?.focus();
						}
					} }
					isBusy={ busy }
					disabled={ busy }
					accessibleWhenDisabled
				>
					{ sprintf(
						/* translators: %s: runtime id. */
						__( 'Adopt %s', 'wp-coding-agents-runtimes' ),
						entry.id
					) }
				</Button>
			) }
		</div>
	);
}

// Entries other code adds to DMC's filter — typically the mu-plugin older installers wrote —
// with the file that declares each, and "Adopt" to store it in this registry.
export function ForeignSignaturesPanel( {
	entries,
	findings,
	isBusy,
	errorFor,
	onDismissError,
	onAdopt,
}: ForeignSignaturesPanelProps ) {
	return (
		<RegionCard
			className="wpca-foreign"
			headingId="wpca-foreign-heading"
			heading={ __(
				'Entries other code adds',
				'wp-coding-agents-runtimes'
			) }
		>
			<p className="wpca-card__meta">
				{ __(
					'These signatures reach DMC from code outside this plugin, such as the mu-plugin older installers wrote. Adopt one to store it here (same id, same mapping); then remove it from the file named.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			{ entries.map( ( entry ) => (
				<ForeignEntry
					key={ entry.id }
					entry={ entry }
					findings={ findings }
					busy={ isBusy( entry.id ) }
					error={ errorFor( entry.id ) }
					onDismissError={ () => onDismissError( entry.id ) }
					onAdopt={ () => onAdopt( entry.id ) }
				/>
			) ) }
		</RegionCard>
	);
}
