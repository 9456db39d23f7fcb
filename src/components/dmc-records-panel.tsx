import { Button, Notice, Spinner } from '@wordpress/components';
import { createInterpolateElement } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type {
	AttributionSummary,
	DmcStatus,
	RecordedWorktree,
	RecordedWorktreesPage,
	RuntimeAttribution,
} from '../api/types';
import { siteDateTime } from '../lib/dates';
import { CapturedTables } from './captured-tables';
import { dmcMissingReason } from './dmc-notice';
import { ViewCard } from './region-card';

interface DmcRecordsPanelProps {
	status: DmcStatus | null;
	summary: AttributionSummary | null;
	worktrees: RecordedWorktreesPage | null;
	busy: boolean;
	error: string | undefined;
	onShowPage: ( page: number ) => void;
}

function when( iso: string | null ): string {
	return null === iso
		? __( 'unknown date', 'wp-coding-agents-runtimes' )
		: siteDateTime( iso );
}

// What an active DMC reads, by version (the lock owner context reads the filter after 0.47.7).
function dmcReads( status: DmcStatus ): string {
	if ( null === status.version ) {
		return __(
			'Data Machine Code is active; its version is unknown.',
			'wp-coding-agents-runtimes'
		);
	}
	return status.consumes.lock_owner
		? sprintf(
				/* translators: %s: DMC version. */
				__(
					'Data Machine Code %s is active: it records the signatures’ values for new worktrees and workspace locks.',
					'wp-coding-agents-runtimes'
				),
				status.version
			)
		: sprintf(
				/* translators: %s: DMC version. */
				__(
					'Data Machine Code %s is active: it records the signatures’ values for new worktrees; its workspace locks read them only in releases after 0.47.7.',
					'wp-coding-agents-runtimes'
				),
				status.version
			);
}

function RuntimeLine( { runtime }: { runtime: RuntimeAttribution } ) {
	const since =
		null === runtime.published_since
			? __( 'it was published', 'wp-coding-agents-runtimes' )
			: siteDateTime( runtime.published_since );
	return (
		<li className={ runtime.flag ? 'wpca-records__flagged' : undefined }>
			<strong>
				<code>{ runtime.id }</code>
			</strong>{ ' ' }
			{ 0 === runtime.worktrees
				? __(
						'attributed no recorded worktree',
						'wp-coding-agents-runtimes'
					)
				: sprintf(
						/* translators: 1: number of worktrees, 2: how many of them it gave the primary id, 3: date. */
						_n(
							'in %1$d recorded worktree (primary id of %2$d), last %3$s',
							'in %1$d recorded worktrees (primary id of %2$d), last %3$s',
							runtime.worktrees,
							'wp-coding-agents-runtimes'
						),
						runtime.worktrees,
						runtime.primary,
						when( runtime.last_attributed_at )
					) }
			{ 'unattributed' === runtime.flag && (
				<Notice
					status="warning"
					isDismissible={ false }
					className="wpca-records__flag"
					// Evidence to read, not news: re-announcing it after every refresh would
					// talk over the snackbar that confirms the admin's own change.
					spokenMessage={ null }
				>
					{ sprintf(
						/* translators: 1: runtime id, 2: number of worktrees, 3: date. */
						_n(
							'Published, but none of the %2$d worktree DMC recorded since %3$s holds a value of %1$s: DMC found none of its variables in the agent process that created it.',
							'Published, but none of the %2$d worktrees DMC recorded since %3$s holds a value of %1$s: DMC found none of its variables in the agent processes that created them.',
							runtime.worktrees_since ?? 0,
							'wp-coding-agents-runtimes'
						),
						runtime.id,
						runtime.worktrees_since ?? 0,
						since
					) }
				</Notice>
			) }
			{ 'no_worktrees_since' === runtime.flag && (
				<Notice
					status="info"
					isDismissible={ false }
					className="wpca-records__flag"
					// Evidence to read, not news: re-announcing it after every refresh would
					// talk over the snackbar that confirms the admin's own change.
					spokenMessage={ null }
				>
					{ sprintf(
						/* translators: %s: date. */
						__(
							'Published, but DMC has recorded no worktree since %s: no evidence yet that it is attributed.',
							'wp-coding-agents-runtimes'
						),
						since
					) }
				</Notice>
			) }
		</li>
	);
}

// Newer / Older around "Page N of M"; a button past either end stays focusable but disabled.
function Pager( {
	page,
	totalPages,
	busy,
	onShowPage,
}: {
	page: number;
	totalPages: number;
	busy: boolean;
	onShowPage: ( page: number ) => void;
} ) {
	const pageButton = ( label: string, target: number ) => (
		<Button
			variant="secondary"
			size="compact"
			disabled={ busy || target < 1 || target > totalPages }
			accessibleWhenDisabled
			onClick={ () => onShowPage( target ) }
		>
			{ label }
		</Button>
	);
	return (
		<nav
			className="wpca-records__pages"
			aria-label={ __(
				'Recorded worktrees pages',
				'wp-coding-agents-runtimes'
			) }
		>
			{ pageButton(
				__( 'Newer', 'wp-coding-agents-runtimes' ),
				page - 1
			) }
			<span>
				{ sprintf(
					/* translators: 1: page, 2: number of pages. */
					__( 'Page %1$d of %2$d', 'wp-coding-agents-runtimes' ),
					page,
					totalPages
				) }
			</span>
			{ pageButton(
				__( 'Older', 'wp-coding-agents-runtimes' ),
				page + 1
			) }
		</nav>
	);
}

function WorktreeCard( { worktree }: { worktree: RecordedWorktree } ) {
	const where = [ worktree.repo, worktree.branch ]
		.filter( ( part ) => null !== part )
		.join( ' · ' );
	return (
		<li className="wpca-records__worktree">
			<h3 className="wpca-card__title">
				<code>{ worktree.handle }</code>
			</h3>
			<p className="wpca-card__meta">
				{ worktree.legacy && (
					<span className="wpca-badge wpca-badge--external">
						{ __(
							'legacy shape (before DMC 0.45)',
							'wp-coding-agents-runtimes'
						) }
					</span>
				) }
				{ '' !== where && `${ where } — ` }
				{ sprintf(
					/* translators: %s: date and time. */
					__( 'created %s', 'wp-coding-agents-runtimes' ),
					when( worktree.created_at )
				) }
			</p>
			<p>
				{ __( 'Primary ID:', 'wp-coding-agents-runtimes' ) }{ ' ' }
				{ null === worktree.origin_session.primary_id ? (
					<em>
						{ __(
							'none (no session recorded)',
							'wp-coding-agents-runtimes'
						) }
					</em>
				) : (
					<>
						<code className="wpca-records__primary">
							{ worktree.origin_session.primary_id }
						</code>
						{ null !== worktree.primary_runtime && (
							<>
								{ ' ' }
								{ createInterpolateElement(
									/* translators: <runtime /> is the runtime id. */
									__(
										'from <runtime />',
										'wp-coding-agents-runtimes'
									),
									{
										runtime: (
											<code>
												{ worktree.primary_runtime }
											</code>
										),
									}
								) }
							</>
						) }
					</>
				) }
			</p>
			<CapturedTables
				ids={ worktree.origin_session.ids }
				prefix={ sprintf(
					/* translators: %s: worktree handle. */
					__(
						'Recorded ids of %s from',
						'wp-coding-agents-runtimes'
					),
					worktree.handle
				) }
			/>
		</li>
	);
}

// What DMC really recorded in its option datamachine_worktree_metadata, read
// back as DMC reads it: the evidence that attribution happens.
export function DmcRecordsPanel( {
	status,
	summary,
	worktrees,
	busy,
	error,
	onShowPage,
}: DmcRecordsPanelProps ) {
	const missing = status ? dmcMissingReason( status ) : null;
	return (
		<ViewCard className="wpca-records">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ null === summary && busy && <Spinner /> }
			{ status && null === missing && (
				<p className="wpca-records__dmc">{ dmcReads( status ) }</p>
			) }
			{ status?.filter.first_other_caller && (
				<p className="wpca-card__meta">
					{ sprintf(
						/* translators: 1: file, 2: line. */
						__(
							'In this request, other code applied the signatures filter too: %1$s, line %2$d.',
							'wp-coding-agents-runtimes'
						),
						status.filter.first_other_caller.file,
						status.filter.first_other_caller.line
					) }
				</p>
			) }
			{ null !== missing && (
				<p className="wpca-records__absent">
					{ missing }{ ' ' }
					{ __(
						'Nothing records worktree sessions on this site until it is active.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) }
			{ summary && (
				<>
					<p className="wpca-card__meta">
						{ 'unreadable' === summary.option
							? __(
									'DMC’s worktree records (option datamachine_worktree_metadata) cannot be read: the stored value is not a list of worktrees.',
									'wp-coding-agents-runtimes'
								)
							: sprintf(
									/* translators: %d: number of worktrees. */
									_n(
										'%d worktree recorded in datamachine_worktree_metadata, read back as DMC reads it; newest first.',
										'%d worktrees recorded in datamachine_worktree_metadata, read back as DMC reads it; newest first.',
										summary.total,
										'wp-coding-agents-runtimes'
									),
									summary.total
								) }
						{ summary.skipped > 0 &&
							' ' +
								sprintf(
									/* translators: %d: number of entries. */
									_n(
										'%d unreadable entry left out.',
										'%d unreadable entries left out.',
										summary.skipped,
										'wp-coding-agents-runtimes'
									),
									summary.skipped
								) }
					</p>
					{ summary.runtimes.length > 0 && (
						<ul
							className="wpca-records__runtimes"
							aria-label={ __(
								'Attribution per runtime',
								'wp-coding-agents-runtimes'
							) }
						>
							{ summary.runtimes.map( ( runtime ) => (
								<RuntimeLine
									key={ runtime.id }
									runtime={ runtime }
								/>
							) ) }
						</ul>
					) }
				</>
			) }
			{ worktrees && worktrees.rows.length > 0 && (
				<>
					<ul
						className="wpca-records__list"
						aria-label={ __(
							'Recorded worktrees',
							'wp-coding-agents-runtimes'
						) }
					>
						{ worktrees.rows.map( ( worktree ) => (
							<WorktreeCard
								key={ worktree.handle }
								worktree={ worktree }
							/>
						) ) }
					</ul>
					{ worktrees.totalPages > 1 && (
						<Pager
							page={ worktrees.page }
							totalPages={ worktrees.totalPages }
							busy={ busy }
							onShowPage={ onShowPage }
						/>
					) }
				</>
			) }
		</ViewCard>
	);
}
