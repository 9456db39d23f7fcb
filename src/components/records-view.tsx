import { Notice, Spinner } from '@wordpress/components';
import { createInterpolateElement, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { MouseEvent, ReactNode } from 'react';
import type { DmcStatus, RecordedWorktree } from '../api/types';
import type { RecordedWorktrees } from '../hooks/use-recorded-worktrees';
import type { ViewNavigation } from '../hooks/use-view-location';
import { siteDateTime } from '../lib/dates';
import type { RecordsQuery, ViewLocation } from '../lib/views';
import { CapturedTables } from './captured-tables';
import { ViewCard } from './region-card';

interface RecordsViewProps {
	dmc: DmcStatus | null;
	data: RecordedWorktrees;
	navigation: ViewNavigation;
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

function when( iso: string | null ): string {
	return null === iso
		? __( 'unknown date', 'wp-coding-agents-runtimes' )
		: siteDateTime( iso );
}

// A link to another state of the table: a real URL, followed in place on a plain click.
function TableLink( {
	navigation,
	to,
	className,
	children,
	...rest
}: {
	navigation: ViewNavigation;
	to: ViewLocation;
	className?: string;
	children: ReactNode;
	'aria-current'?: 'page';
} ) {
	return (
		<a
			{ ...rest }
			className={ className }
			href={ navigation.hrefFor( to ) }
			onClick={ ( event: MouseEvent ) => {
				if (
					0 === event.button &&
					! event.metaKey &&
					! event.ctrlKey &&
					! event.shiftKey
				) {
					event.preventDefault();
					navigation.navigate( to );
				}
			} }
		>
			{ children }
		</a>
	);
}

// Core's list-table views: All (n) | kimaki (n) | …, the runtime filter with its counts.
function RuntimeFilter( {
	navigation,
	counts,
	total,
}: {
	navigation: ViewNavigation;
	counts: Array< [ string, number ] >;
	total: number;
} ) {
	const { location } = navigation;
	const to = ( runtime: string | null ): ViewLocation => ( {
		...location,
		runtime,
		records: { ...location.records, page: 1 },
	} );
	const items: Array< [ string | null, string, number | null ] > = [
		[ null, __( 'All runtimes', 'wp-coding-agents-runtimes' ), total ],
		...counts.map( ( [ id, count ] ): [ string, string, number ] => [
			id,
			id,
			count,
		] ),
	];
	if (
		null !== location.runtime &&
		! counts.some( ( [ id ] ) => id === location.runtime )
	) {
		items.push( [ location.runtime, location.runtime, null ] );
	}
	return (
		<ul
			className="subsubsub wpca-records__runtimes"
			aria-label={ __(
				'Filter by runtime',
				'wp-coding-agents-runtimes'
			) }
		>
			{ items.map( ( [ id, label, count ], index ) => (
				<li key={ id ?? '' }>
					<TableLink
						navigation={ navigation }
						to={ to( id ) }
						className={
							id === location.runtime ? 'current' : undefined
						}
						aria-current={
							id === location.runtime ? 'page' : undefined
						}
					>
						{ label }
						{ null !== count && (
							<span className="count"> ({ count })</span>
						) }
					</TableLink>
					{ index < items.length - 1 && ' | ' }
				</li>
			) ) }
		</ul>
	);
}

// The attribution filter and the search, as core's list tables have them above the table.
function TableFilters( { navigation }: { navigation: ViewNavigation } ) {
	const { location } = navigation;
	const [ search, setSearch ] = useState( location.records.search );
	const [ attributed, setAttributed ] = useState(
		String( location.records.attributed )
	);
	const apply = ( records: Partial< RecordsQuery > ) =>
		navigation.navigate( {
			...location,
			records: { ...location.records, ...records, page: 1 },
		} );
	return (
		<div className="wpca-records__filters">
			<form
				className="wpca-records__attributed"
				onSubmit={ ( event ) => {
					event.preventDefault();
					apply( {
						attributed:
							'null' === attributed
								? null
								: 'true' === attributed,
					} );
				} }
			>
				<label htmlFor="wpca-records-attributed">
					{ __( 'Attribution', 'wp-coding-agents-runtimes' ) }
				</label>
				<select
					id="wpca-records-attributed"
					value={ attributed }
					onChange={ ( event ) =>
						setAttributed( event.target.value )
					}
				>
					<option value="null">
						{ __(
							'Attributed or not',
							'wp-coding-agents-runtimes'
						) }
					</option>
					<option value="true">
						{ __( 'Attributed', 'wp-coding-agents-runtimes' ) }
					</option>
					<option value="false">
						{ __( 'Not attributed', 'wp-coding-agents-runtimes' ) }
					</option>
				</select>
				<input
					type="submit"
					className="button"
					value={ __( 'Filter', 'wp-coding-agents-runtimes' ) }
				/>
			</form>
			<form
				className="search-box wpca-records__search"
				role="search"
				onSubmit={ ( event ) => {
					event.preventDefault();
					apply( { search: search.trim() } );
				} }
			>
				<label htmlFor="wpca-records-search">
					{ __(
						'Search handle or branch',
						'wp-coding-agents-runtimes'
					) }
				</label>
				<input
					type="search"
					id="wpca-records-search"
					value={ search }
					maxLength={ 100 }
					onChange={ ( event ) => setSearch( event.target.value ) }
				/>
				<input
					type="submit"
					className="button"
					value={ __(
						'Search worktrees',
						'wp-coding-agents-runtimes'
					) }
				/>
			</form>
		</div>
	);
}

// Core's pagination: n items « ‹ Page x of y › »; ends that lead nowhere are not links.
function Pagination( {
	navigation,
	page,
	totalPages,
	total,
}: {
	navigation: ViewNavigation;
	page: number;
	totalPages: number;
	total: number;
} ) {
	const { location } = navigation;
	const link = ( target: number, symbol: string, label: string ) =>
		target < 1 || target > totalPages || target === page ? (
			<span
				className="tablenav-pages-navspan button disabled"
				aria-hidden="true"
			>
				{ symbol }
			</span>
		) : (
			<TableLink
				navigation={ navigation }
				to={ {
					...location,
					records: { ...location.records, page: target },
				} }
				className="button"
			>
				<span className="screen-reader-text">{ label }</span>
				<span aria-hidden="true">{ symbol }</span>
			</TableLink>
		);
	return (
		<nav
			className="tablenav-pages"
			aria-label={ __(
				'Recorded worktrees pages',
				'wp-coding-agents-runtimes'
			) }
		>
			<span className="displaying-num">
				{ sprintf(
					/* translators: %s: number of worktrees. */
					_n(
						'%s worktree',
						'%s worktrees',
						total,
						'wp-coding-agents-runtimes'
					),
					total.toLocaleString()
				) }
			</span>
			{ totalPages > 1 && (
				<span className="pagination-links">
					{ link(
						1,
						'«',
						__( 'First page', 'wp-coding-agents-runtimes' )
					) }{ ' ' }
					{ link(
						page - 1,
						'‹',
						__( 'Previous page', 'wp-coding-agents-runtimes' )
					) }{ ' ' }
					<span className="paging-input">
						{ sprintf(
							/* translators: 1: page, 2: number of pages. */
							__(
								'Page %1$d of %2$d',
								'wp-coding-agents-runtimes'
							),
							page,
							totalPages
						) }
					</span>{ ' ' }
					{ link(
						page + 1,
						'›',
						__( 'Next page', 'wp-coding-agents-runtimes' )
					) }{ ' ' }
					{ link(
						totalPages,
						'»',
						__( 'Last page', 'wp-coding-agents-runtimes' )
					) }
				</span>
			) }
		</nav>
	);
}

// A sortable column heading, as core marks it (sorted/sortable, aria-sort, the arrows).
function SortableHeading( {
	navigation,
	orderby,
	label,
	className,
}: {
	navigation: ViewNavigation;
	orderby: RecordsQuery[ 'orderby' ];
	label: string;
	className?: string;
} ) {
	const { location } = navigation;
	const sorted = location.records.orderby === orderby;
	const order = location.records.order;
	// A click sorts the other way round; an unsorted column starts as it reads best.
	let next: RecordsQuery[ 'order' ] = 'date' === orderby ? 'desc' : 'asc';
	if ( sorted ) {
		next = 'asc' === order ? 'desc' : 'asc';
	}
	return (
		<th
			scope="col"
			className={ `manage-column ${ className ?? '' } ${
				sorted ? `sorted ${ order }` : `sortable ${ next }`
			}` }
			aria-sort={
				sorted
					? ( { asc: 'ascending', desc: 'descending' } as const )[
							order
						]
					: undefined
			}
		>
			<TableLink
				navigation={ navigation }
				to={ {
					...location,
					records: {
						...location.records,
						orderby,
						order: next,
						page: 1,
					},
				} }
			>
				<span>{ label }</span>
				<span className="sorting-indicators">
					<span
						className="sorting-indicator asc"
						aria-hidden="true"
					></span>
					<span
						className="sorting-indicator desc"
						aria-hidden="true"
					></span>
				</span>
				<span className="screen-reader-text">
					{ 'asc' === next
						? __( 'Sort ascending.', 'wp-coding-agents-runtimes' )
						: __(
								'Sort descending.',
								'wp-coding-agents-runtimes'
							) }
				</span>
			</TableLink>
		</th>
	);
}

function WorktreeRow( { worktree }: { worktree: RecordedWorktree } ) {
	// Below 783 px core's list tables show the first column only, until a row is expanded.
	const [ expanded, setExpanded ] = useState( false );
	const where = [ worktree.repo, worktree.branch ]
		.filter( ( part ) => null !== part )
		.join( ' · ' );
	const runtimes = Object.keys( worktree.origin_session.ids );
	return (
		<tr className={ expanded ? 'is-expanded' : undefined }>
			<td
				className="column-primary"
				data-colname={ __( 'Worktree', 'wp-coding-agents-runtimes' ) }
			>
				<strong>
					<code className="wpca-records__handle">
						{ worktree.handle }
					</code>
				</strong>
				{ '' !== where && (
					<span className="wpca-records__where">{ where }</span>
				) }
				{ worktree.legacy && (
					<span className="wpca-badge wpca-badge--external">
						{ __(
							'legacy shape (before DMC 0.45)',
							'wp-coding-agents-runtimes'
						) }
					</span>
				) }
				<button
					type="button"
					className="toggle-row"
					aria-expanded={ expanded }
					onClick={ () => setExpanded( ! expanded ) }
				>
					<span className="screen-reader-text">
						{ sprintf(
							/* translators: %s: worktree handle. */
							__(
								'Show more details: %s',
								'wp-coding-agents-runtimes'
							),
							worktree.handle
						) }
					</span>
				</button>
			</td>
			<td data-colname={ __( 'Created', 'wp-coding-agents-runtimes' ) }>
				{ when( worktree.created_at ) }
			</td>
			<td
				data-colname={ __( 'Primary ID', 'wp-coding-agents-runtimes' ) }
			>
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
			</td>
			<td
				data-colname={ __(
					'Recorded values',
					'wp-coding-agents-runtimes'
				) }
			>
				{ 0 === runtimes.length ? (
					'—'
				) : (
					<details>
						<summary>{ runtimes.join( ', ' ) }</summary>
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
					</details>
				) }
			</td>
		</tr>
	);
}

/**
 * What DMC really recorded, as core's list tables show a collection: filtered by runtime
 * (with counts) and by attribution, searched, sorted by date or handle and paged — all on
 * the server (GET /attribution/worktrees), all in the URL. Each row is read back as DMC
 * reads it; its captured values open on demand.
 * @param props
 * @param props.dmc
 * @param props.data
 * @param props.navigation
 */
export function RecordsView( { dmc, data, navigation }: RecordsViewProps ) {
	const { summary, worktrees, busy, error } = data;
	const { location } = navigation;
	const active = dmc && 'active' === dmc.state;
	const filtered =
		null !== location.runtime ||
		null !== location.records.attributed ||
		'' !== location.records.search;
	const heading = (
		<>
			<SortableHeading
				navigation={ navigation }
				orderby="handle"
				label={ __( 'Worktree', 'wp-coding-agents-runtimes' ) }
				className="column-primary"
			/>
			<SortableHeading
				navigation={ navigation }
				orderby="date"
				label={ __( 'Created', 'wp-coding-agents-runtimes' ) }
			/>
			<th scope="col" className="manage-column">
				{ __( 'Primary ID', 'wp-coding-agents-runtimes' ) }
			</th>
			<th scope="col" className="manage-column">
				{ __( 'Recorded values', 'wp-coding-agents-runtimes' ) }
			</th>
		</>
	);
	return (
		<ViewCard className="wpca-records">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ active && (
				<p className="wpca-records__dmc">{ dmcReads( dmc ) }</p>
			) }
			{ dmc?.filter.first_other_caller && (
				<p className="wpca-card__meta">
					{ sprintf(
						/* translators: 1: file, 2: line. */
						__(
							'In this request, other code applied the signatures filter too: %1$s, line %2$d.',
							'wp-coding-agents-runtimes'
						),
						dmc.filter.first_other_caller.file,
						dmc.filter.first_other_caller.line
					) }
				</p>
			) }
			{ summary && 'unreadable' === summary.option && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'DMC’s records cannot be read: what is stored is not a list of worktrees.',
						'wp-coding-agents-runtimes'
					) }
				</Notice>
			) }
			{ summary && (
				<details className="wpca-records__source">
					<summary>
						{ __(
							'Where these records come from',
							'wp-coding-agents-runtimes'
						) }
					</summary>
					<p>
						{ createInterpolateElement(
							__(
								'DMC keeps one record per worktree in its option <code>datamachine_worktree_metadata</code>. Each is read back exactly as DMC reads it: rows written before DMC 0.45 (<code>kimaki_session_id</code>) are split at the first underscore, blank values are kept as null, and the primary ID follows today’s precedence.',
								'wp-coding-agents-runtimes'
							),
							{ code: <code /> }
						) }
						{ summary.skipped > 0 &&
							' ' +
								sprintf(
									/* translators: %d: number of entries. */
									_n(
										'%d unreadable entry is left out.',
										'%d unreadable entries are left out.',
										summary.skipped,
										'wp-coding-agents-runtimes'
									),
									summary.skipped
								) }
					</p>
				</details>
			) }
			{ summary && (
				<RuntimeFilter
					navigation={ navigation }
					total={ summary.total }
					counts={ summary.runtimes
						.filter(
							( runtime ) =>
								runtime.published || runtime.worktrees > 0
						)
						.map( ( runtime ) => [
							runtime.id,
							runtime.worktrees,
						] ) }
				/>
			) }
			<TableFilters navigation={ navigation } />
			{ null === worktrees && busy && <Spinner /> }
			{ worktrees && (
				<>
					<div className="tablenav top">
						<Pagination
							navigation={ navigation }
							page={ worktrees.page }
							totalPages={ worktrees.totalPages }
							total={ worktrees.total }
						/>
					</div>
					<table
						className="wp-list-table widefat fixed striped table-view-list wpca-records__table"
						aria-label={ __(
							'Recorded worktrees',
							'wp-coding-agents-runtimes'
						) }
						aria-busy={ busy || undefined }
					>
						<thead>
							<tr>{ heading }</tr>
						</thead>
						<tbody>
							{ worktrees.rows.map( ( worktree ) => (
								<WorktreeRow
									key={ worktree.handle }
									worktree={ worktree }
								/>
							) ) }
							{ 0 === worktrees.rows.length && (
								<tr className="no-items">
									<td colSpan={ 4 }>
										{ filtered
											? __(
													'No recorded worktree matches.',
													'wp-coding-agents-runtimes'
												)
											: __(
													'DMC has recorded no worktree yet.',
													'wp-coding-agents-runtimes'
												) }
									</td>
								</tr>
							) }
						</tbody>
					</table>
				</>
			) }
		</ViewCard>
	);
}
