import { Notice } from '@wordpress/components';
import { createInterpolateElement, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { adoptScope, runtimeScope } from '../hooks/runtimes-screen-state';
import { useCatalogue } from '../hooks/use-catalogue';
import { useRecordedWorktrees } from '../hooks/use-recorded-worktrees';
import { useFirstPaintHandover } from '../hooks/use-first-paint-handover';
import { useRuntimesScreen } from '../hooks/use-runtimes-screen';
import { useViewLocation } from '../hooks/use-view-location';
import type { ViewId } from '../lib/views';
import { AddRuntimeDisclosure } from './add-runtime-disclosure';
import { AddRuntimeForm } from './add-runtime-form';
import { AttributionPreviewPanel } from './attribution-preview-panel';
import { CataloguePanel, CatalogueQuickAdd } from './catalogue-panel';
import { DmcNotice } from './dmc-notice';
import { ErrorBoundary } from './error-boundary';
import { FilterFindings } from './filter-findings';
import { ForeignSignaturesPanel } from './foreign-signatures-panel';
import { LockBudgetWarning } from './lock-budget';
import { LastVerificationPanel } from './last-verification-panel';
import { ObservedVariablesPanel } from './observed-variables-panel';
import { OrderWarnings } from './order-warnings';
import { OtherCodeCard } from './other-code-card';
import { RecordsView } from './records-view';
import { RuntimeList } from './runtime-list';
import { RuntimeVerdict } from './runtime-verdict';
import { ScreenView } from './screen-view';
import { SignaturesPanel } from './signatures-panel';
import { Snackbars } from './snackbars';
import { ViewTabs, viewTitle } from './view-tabs';

/**
 * Tools → Agent Runtimes, in views (tabs) the URL names. Until its first data arrives
 * the server's first paint (usable without the app) stands in for it.
 * @param props
 * @param props.firstPaint The server-rendered form the app takes over from, if any.
 */
export function RuntimesScreen( {
	firstPaint,
}: {
	firstPaint: HTMLElement | null;
} ) {
	const screen = useRuntimesScreen();
	const navigation = useViewLocation();
	const shownView = navigation.location.view;
	// Views stay mounted once shown (hidden when left), so a draft typed in one survives
	// a look at another.
	const [ visited, setVisited ] = useState< ReadonlySet< ViewId > >(
		() => new Set( [ shownView ] )
	);
	if ( ! visited.has( shownView ) ) {
		setVisited( new Set( visited ).add( shownView ) );
	}
	const records = useRecordedWorktrees(
		{
			...navigation.location.records,
			runtime: navigation.location.runtime,
		},
		// The rows' primary ids and the counts are judged by the runtimes DMC reads now.
		screen.signatures
			? JSON.stringify( screen.signatures.signatures )
			: null,
		'records' === shownView
	);
	const catalogue = useCatalogue( screen.catalogue, screen.applyScreen );
	// The screen's one read brings DMC's status, which decides the notice above
	// everything else, and the catalogue, whose notes the runtime cards show: the app
	// then shows what the first paint showed, and nothing moves when it takes over.
	const ready = screen.loaded;
	useFirstPaintHandover( firstPaint, ready, screen.setEnabled );
	if ( ! ready ) {
		return null;
	}
	const loadError = screen.errorFor( 'load' );
	const orderError = screen.errorFor( 'order' );
	const selected = navigation.location.runtime;
	const verdicts = screen.attribution?.runtimes ?? [];
	const verdictFor = ( id: string ) => {
		const status = verdicts.find( ( runtime ) => runtime.id === id );
		return (
			status && (
				<RuntimeVerdict
					status={ status }
					selected={ selected === id }
					navigation={ navigation }
				/>
			)
		);
	};
	const view = ( id: ViewId, about: ReactNode, content: ReactNode ) =>
		visited.has( id ) && (
			<ScreenView
				view={ id }
				shown={ id === shownView }
				moved={ navigation.moved }
				about={ about }
				focusId={
					'runtimes' === id && selected
						? `wpca-verdict-${ selected }`
						: null
				}
			>
				<ErrorBoundary name={ viewTitle( id ) }>
					{ content }
				</ErrorBoundary>
			</ScreenView>
		);

	return (
		<div className="wpca-screen">
			<h1>{ __( 'Agent Runtimes', 'wp-coding-agents-runtimes' ) }</h1>
			{ screen.dmc && (
				<ErrorBoundary
					name={ __(
						'The Data Machine Code notice',
						'wp-coding-agents-runtimes'
					) }
				>
					<DmcNotice status={ screen.dmc } />
				</ErrorBoundary>
			) }
			{ loadError && (
				<Notice
					status="error"
					isDismissible={ false }
					actions={ [
						{
							label: __(
								'Try again',
								'wp-coding-agents-runtimes'
							),
							onClick: () => screen.reload(),
						},
					] }
				>
					{ loadError }
				</Notice>
			) }
			<ViewTabs navigation={ navigation } />
			{ view(
				'runtimes',
				__(
					'Is attribution working? Each runtime says whether DMC really records its agent sessions, and what would fix it. DMC reads them in this order.',
					'wp-coding-agents-runtimes'
				),
				<>
					{ orderError && (
						<Notice
							status="error"
							onRemove={ () => screen.dismissError( 'order' ) }
						>
							{ orderError }
						</Notice>
					) }
					<OrderWarnings />
					<RuntimeList
						runtimes={ screen.runtimes }
						isRowBusy={ ( id ) =>
							screen.isBusy( runtimeScope( id ) )
						}
						rowError={ ( id ) =>
							screen.errorFor( runtimeScope( id ) )
						}
						rowConflict={ ( id ) =>
							screen.isConflict( runtimeScope( id ) )
						}
						onReset={ screen.resetToDeclared }
						isSaving={ screen.isSaving }
						onDismissError={ ( id ) =>
							screen.dismissError( runtimeScope( id ) )
						}
						onToggle={ screen.setEnabled }
						onSave={ screen.saveRuntime }
						onRemove={ screen.removeRuntime }
						onMove={ screen.moveRuntime }
						verdictFor={ verdictFor }
					>
						{ verdicts
							.filter(
								( runtime ) => 'other_code' === runtime.owner
							)
							.map( ( runtime ) => (
								<OtherCodeCard
									key={ runtime.id }
									id={ runtime.id }
									verdict={ verdictFor( runtime.id ) }
								/>
							) ) }
					</RuntimeList>
					<CatalogueQuickAdd
						screen={ catalogue }
						navigation={ navigation }
					/>
					<AddRuntimeDisclosure>
						<AddRuntimeForm
							existingIds={ screen.runtimes.map(
								( runtime ) => runtime.id
							) }
							busy={ screen.isBusy( 'add' ) }
							error={ screen.errorFor( 'add' ) }
							onDismissError={ () =>
								screen.dismissError( 'add' )
							}
							onAdd={ screen.addRuntime }
						/>
					</AddRuntimeDisclosure>
				</>
			) }
			{ view(
				'catalogue',
				__(
					'The runtimes this plugin knows, and which variables their processes really export: what upstream says, and what verify observed on this site. Nothing here reaches DMC until it is added.',
					'wp-coding-agents-runtimes'
				),
				<CataloguePanel screen={ catalogue } />
			) }
			{ view(
				'dmc',
				__(
					'The runtime signatures Data Machine Code receives from its filter right now, in the order it reads them: the runtimes published here and any entries other code adds.',
					'wp-coding-agents-runtimes'
				),
				<>
					{ screen.signatures && (
						<LockBudgetWarning
							budget={ screen.signatures.lock_budget }
						/>
					) }
					{ screen.signatures && (
						<ErrorBoundary
							name={ __(
								'What DMC sees',
								'wp-coding-agents-runtimes'
							) }
						>
							<FilterFindings
								findings={ screen.signatures.findings }
							/>
							<SignaturesPanel
								signatures={ screen.signatures }
								runtimes={ screen.runtimes }
								repairBusy={ screen.isBusy( 'repair' ) }
								repairError={ screen.errorFor( 'repair' ) }
								onDismissRepairError={ () =>
									screen.dismissError( 'repair' )
								}
								onRepair={ screen.repair }
							/>
						</ErrorBoundary>
					) }
					{ screen.foreign.length > 0 && (
						<ErrorBoundary
							name={ __(
								'Entries other code adds',
								'wp-coding-agents-runtimes'
							) }
						>
							<ForeignSignaturesPanel
								entries={ screen.foreign }
								findings={ screen.signatures?.findings ?? [] }
								isBusy={ ( id ) =>
									screen.isBusy( adoptScope( id ) )
								}
								errorFor={ ( id ) =>
									screen.errorFor( adoptScope( id ) )
								}
								onDismissError={ ( id ) =>
									screen.dismissError( adoptScope( id ) )
								}
								onAdopt={ screen.adopt }
							/>
						</ErrorBoundary>
					) }
				</>
			) }
			{ view(
				'processes',
				createInterpolateElement(
					__(
						'Agent processes report here when an installer or an agent runs <code>bin/runtime-signature verify</code> inside them: which declared variables they really export.',
						'wp-coding-agents-runtimes'
					),
					{ code: <code /> }
				),
				<>
					{ screen.observations && (
						<ErrorBoundary
							name={ __(
								'Observed variables',
								'wp-coding-agents-runtimes'
							) }
						>
							<ObservedVariablesPanel
								observations={ screen.observations }
								selected={ selected }
								windowBusy={ screen.isBusy( 'window' ) }
								windowError={ screen.errorFor( 'window' ) }
								onDismissWindowError={ () =>
									screen.dismissError( 'window' )
								}
								onSaveWindow={ screen.saveWindowDays }
							/>
						</ErrorBoundary>
					) }
					<ErrorBoundary
						name={ __(
							'The last verification',
							'wp-coding-agents-runtimes'
						) }
					>
						<LastVerificationPanel
							report={ screen.lastVerification }
						/>
					</ErrorBoundary>
				</>
			) }
			{ view(
				'records',
				__(
					'The worktrees Data Machine Code created on this site and the agent session it recorded for each, read from its own records.',
					'wp-coding-agents-runtimes'
				),
				<>
					<RecordsView
						dmc={ screen.dmc }
						data={ records }
						navigation={ navigation }
					/>
				</>
			) }
			{ view(
				'preview',
				__(
					'Type the values an agent process would have to see what DMC would record for it. Nothing is saved.',
					'wp-coding-agents-runtimes'
				),
				<>
					<AttributionPreviewPanel
						declared={ screen.signatures?.declared ?? [] }
						result={ screen.previewResult }
						busy={ screen.isBusy( 'preview' ) }
						error={ screen.errorFor( 'preview' ) }
						onDismissError={ () =>
							screen.dismissError( 'preview' )
						}
						onPreview={ screen.preview }
					/>
				</>
			) }
			<Snackbars />
		</div>
	);
}
