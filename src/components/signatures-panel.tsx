import { Button, Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { Runtime, SignatureEntry, SignaturesResponse } from '../api/types';
import { FieldsTable } from './fields-table';
import { ViewCard } from './region-card';
import { useFocusViewHeading } from './screen-view';

interface SignaturesPanelProps {
	signatures: SignaturesResponse;
	/** The registry, to tell apart what DMC receives exactly as listed from what differs. */
	runtimes: Runtime[];
	repairBusy: boolean;
	repairError: string | undefined;
	onDismissRepairError: () => void;
	onRepair: () => Promise< boolean >;
}

// Whether DMC receives this entry exactly as one of our published runtimes maps it:
// the server flags every published runtime another callback overrides or drops.
function asRegistered( entry: SignatureEntry, runtimes: Runtime[] ): boolean {
	return runtimes.some(
		( runtime ) =>
			runtime.id === entry.id && runtime.enabled && ! runtime.collision
	);
}

// What the runtime list cannot show: the precedence that decides DMC's primary_id,
// and whatever DMC receives other than as registered (other code's entries,
// overrides, ignored entries and pairs), with what is wrong with it.
export function SignaturesPanel( {
	signatures,
	runtimes,
	repairBusy,
	repairError,
	onDismissRepairError,
	onRepair,
}: SignaturesPanelProps ) {
	const { entries, primary_variables: primaryVariables } = signatures;
	const focusViewHeading = useFocusViewHeading();
	return (
		<ViewCard className="wpca-signatures">
			{ entries.length > 0 && (
				<p className="wpca-signatures__precedence">
					{ 0 === primaryVariables.length
						? __(
								'No runtime declares a session_id: the primary ID DMC records is the first variable that is set, in this order.',
								'wp-coding-agents-runtimes'
							)
						: sprintf(
								/* translators: %s: environment variable names, in order. */
								__(
									'Primary ID: the first of %s that is set; else the first variable set, in this order.',
									'wp-coding-agents-runtimes'
								),
								primaryVariables.join( ' → ' )
							) }
				</p>
			) }
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
							</strong>{ ' ' }
							{ asRegistered( entry, runtimes ) ? (
								<span className="wpca-card__meta">
									{ __(
										'as registered',
										'wp-coding-agents-runtimes'
									) }
								</span>
							) : (
								! runtimes.some(
									( runtime ) => runtime.id === entry.id
								) && (
									<span className="wpca-badge wpca-badge--external">
										{ __(
											'added by other code',
											'wp-coding-agents-runtimes'
										) }
									</span>
								)
							) }
							{ entry.ignored && (
								<span className="wpca-badge wpca-badge--ignored">
									{ __(
										'ignored by DMC',
										'wp-coding-agents-runtimes'
									) }
								</span>
							) }
							{ entry.dropped_pairs > 0 && (
								<span className="wpca-badge wpca-badge--ignored">
									{ sprintf(
										/* translators: %d: number of pairs. */
										_n(
											'%d pair ignored',
											'%d pairs ignored',
											entry.dropped_pairs,
											'wp-coding-agents-runtimes'
										),
										entry.dropped_pairs
									) }
								</span>
							) }
							{ entry.pairs.length > 0 &&
								! asRegistered( entry, runtimes ) && (
									<FieldsTable
										label={ sprintf(
											/* translators: %s: runtime id. */
											__(
												'Signature of %s',
												'wp-coding-agents-runtimes'
											),
											entry.id
										) }
										pairs={ entry.pairs.map(
											( { subkey, variable } ) => [
												subkey,
												variable,
											]
										) }
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
						onClick={ async () => {
							// The button goes with the problems it repaired: the focus goes
							// to the view's heading, from where Tab walks what DMC now sees.
							if ( await onRepair() ) {
								focusViewHeading();
							}
						} }
						isBusy={ repairBusy }
						disabled={ repairBusy }
						accessibleWhenDisabled
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
		</ViewCard>
	);
}
