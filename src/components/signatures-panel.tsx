import { Button, Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { SignaturesResponse } from '../api/types';
import { signatureEntries } from '../lib/signatures';
import { FieldsTable } from './fields-table';
import { RegionCard } from './region-card';

interface SignaturesPanelProps {
	signatures: SignaturesResponse;
	repairBusy: boolean;
	repairError: string | undefined;
	onDismissRepairError: () => void;
	onRepair: () => Promise< boolean >;
}

// The filter's value exactly as DMC receives it, in precedence order, with what is wrong with it.
export function SignaturesPanel( {
	signatures,
	repairBusy,
	repairError,
	onDismissRepairError,
	onRepair,
}: SignaturesPanelProps ) {
	const entries = signatureEntries( signatures.signatures );
	return (
		<RegionCard
			className="wpca-signatures"
			headingId="wpca-signatures-heading"
			heading={ __( 'What DMC sees', 'wp-coding-agents-runtimes' ) }
		>
			<p className="wpca-card__meta">
				{ __(
					'The runtime signatures filter as Data Machine Code reads it. The first runtime with a session_id provides the primary id.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			{ 0 === entries.length ? (
				<p>
					{ __(
						'DMC sees no runtime signatures: worktrees get no session attribution.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) : (
				<ol
					className="wpca-signatures__list"
					aria-label={ __(
						'Effective signatures',
						'wp-coding-agents-runtimes'
					) }
				>
					{ entries.map( ( entry ) => (
						<li key={ entry.id }>
							<strong>
								<code>{ entry.id }</code>
							</strong>
							{ entry.ignored && (
								<span className="wpca-badge wpca-badge--ignored">
									{ __(
										'ignored by DMC',
										'wp-coding-agents-runtimes'
									) }
								</span>
							) }
							{ entry.droppedPairs > 0 && (
								<span className="wpca-badge wpca-badge--ignored">
									{ sprintf(
										/* translators: %d: number of pairs. */
										_n(
											'%d pair ignored',
											'%d pairs ignored',
											entry.droppedPairs,
											'wp-coding-agents-runtimes'
										),
										entry.droppedPairs
									) }
								</span>
							) }
							{ entry.pairs.length > 0 && (
								<FieldsTable
									label={ sprintf(
										/* translators: %s: runtime id. */
										__(
											'Signature of %s',
											'wp-coding-agents-runtimes'
										),
										entry.id
									) }
									pairs={ entry.pairs }
								/>
							) }
						</li>
					) ) }
				</ol>
			) }
			{ signatures.collisions.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					<p>
						{ __(
							'Other code puts these ids into the filter, overriding ours:',
							'wp-coding-agents-runtimes'
						) }
					</p>
					<ul>
						{ signatures.collisions.map( ( collision ) => (
							<li key={ collision.id }>
								<code>{ collision.id }</code>
								{ ': ' }
								<code>
									{ JSON.stringify( collision.theirs ) }
								</code>
							</li>
						) ) }
					</ul>
				</Notice>
			) }
			{ signatures.problems.length > 0 && (
				<Notice status="error" isDismissible={ false }>
					<p>
						{ __(
							'Problems in the stored signatures (DMC silently skips these):',
							'wp-coding-agents-runtimes'
						) }
					</p>
					<ul
						aria-label={ __(
							'Problems',
							'wp-coding-agents-runtimes'
						) }
					>
						{ signatures.problems.map( ( problem, index ) => (
							<li
								key={ `${ problem.id }:${ problem.subkey ?? '' }:${ problem.code }:${ index }` }
							>
								{ problem.message }
							</li>
						) ) }
					</ul>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => onRepair() }
						isBusy={ repairBusy }
						disabled={ repairBusy }
					>
						{ __(
							'Repair: keep only valid entries',
							'wp-coding-agents-runtimes'
						) }
					</Button>
				</Notice>
			) }
			{ repairError && (
				<Notice status="error" onRemove={ onDismissRepairError }>
					{ repairError }
				</Notice>
			) }
		</RegionCard>
	);
}
