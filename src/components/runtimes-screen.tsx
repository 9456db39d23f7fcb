import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { adoptScope, runtimeScope } from '../hooks/runtimes-screen-state';
import { useDmcRecords } from '../hooks/use-dmc-records';
import { useFirstPaintHandover } from '../hooks/use-first-paint-handover';
import { useRuntimesScreen } from '../hooks/use-runtimes-screen';
import { declaredEnvVars } from '../lib/signatures';
import { AddRuntimeForm } from './add-runtime-form';
import { AttributionPreviewPanel } from './attribution-preview-panel';
import { DmcNotice } from './dmc-notice';
import { DmcRecordsPanel } from './dmc-records-panel';
import { ForeignSignaturesPanel } from './foreign-signatures-panel';
import { LockBudgetWarning } from './lock-budget';
import { LastVerificationPanel } from './last-verification-panel';
import { ObservedVariablesPanel } from './observed-variables-panel';
import { RuntimeList } from './runtime-list';
import { SignaturesPanel } from './signatures-panel';
import { Snackbars } from './snackbars';

/**
 * Tools → Agent Runtimes. Until its first data arrives the server's first paint
 * (usable without the app) stands in for it.
 * @param props
 * @param props.firstPaint The server-rendered form the app takes over from, if any.
 */
export function RuntimesScreen( {
	firstPaint,
}: {
	firstPaint: HTMLElement | null;
} ) {
	const screen = useRuntimesScreen();
	const dmc = useDmcRecords( screen.loaded ? screen.runtimes : null );
	// With DMC's status, which decides the notice above everything else: the app then
	// shows what the first paint showed, and nothing moves when it takes over.
	const ready =
		screen.loaded && ( null !== dmc.status || undefined !== dmc.error );
	useFirstPaintHandover( firstPaint, ready, screen.setEnabled );
	if ( ! ready ) {
		return null;
	}
	const loadError = screen.errorFor( 'load' );
	const orderError = screen.errorFor( 'order' );

	return (
		<div className="wpca-screen">
			<h1>{ __( 'Agent Runtimes', 'wp-coding-agents-runtimes' ) }</h1>
			<p className="wpca-screen__intro">
				{ __(
					'Which coding-agent runtimes Data Machine Code recognises, and which environment variables identify their sessions. Earlier runtimes take precedence.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			{ dmc.status && <DmcNotice status={ dmc.status } /> }
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
			<div className="wpca-screen__columns">
				<div className="wpca-screen__main">
					<h2>{ __( 'Runtimes', 'wp-coding-agents-runtimes' ) }</h2>
					{ orderError && (
						<Notice
							status="error"
							onRemove={ () => screen.dismissError( 'order' ) }
						>
							{ orderError }
						</Notice>
					) }
					{ screen.signatures && (
						<LockBudgetWarning
							budget={ screen.signatures.lock_budget }
						/>
					) }
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
						orderBusy={ screen.isBusy( 'order' ) }
						onDismissError={ ( id ) =>
							screen.dismissError( runtimeScope( id ) )
						}
						onToggle={ screen.setEnabled }
						onSave={ screen.saveRuntime }
						onRemove={ screen.removeRuntime }
						onMove={ screen.moveRuntime }
					/>
					<AddRuntimeForm
						existingIds={ screen.runtimes.map(
							( runtime ) => runtime.id
						) }
						busy={ screen.isBusy( 'add' ) }
						error={ screen.errorFor( 'add' ) }
						onDismissError={ () => screen.dismissError( 'add' ) }
						onAdd={ screen.addRuntime }
					/>
				</div>
				<div className="wpca-screen__side">
					{ screen.signatures && (
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
					) }
					{ screen.foreign.length > 0 && (
						<ForeignSignaturesPanel
							entries={ screen.foreign }
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
					) }
					{ screen.observations && (
						<ObservedVariablesPanel
							observations={ screen.observations }
							windowBusy={ screen.isBusy( 'window' ) }
							windowError={ screen.errorFor( 'window' ) }
							onDismissWindowError={ () =>
								screen.dismissError( 'window' )
							}
							onSaveWindow={ screen.saveWindowDays }
						/>
					) }
					<DmcRecordsPanel
						status={ dmc.status }
						summary={ dmc.summary }
						worktrees={ dmc.worktrees }
						busy={ dmc.busy }
						error={ dmc.error }
						onShowPage={ dmc.showPage }
					/>
					<LastVerificationPanel report={ screen.lastVerification } />
					<AttributionPreviewPanel
						declared={
							screen.signatures
								? declaredEnvVars(
										screen.signatures.signatures
									)
								: []
						}
						result={ screen.previewResult }
						busy={ screen.isBusy( 'preview' ) }
						error={ screen.errorFor( 'preview' ) }
						onDismissError={ () =>
							screen.dismissError( 'preview' )
						}
						onPreview={ screen.preview }
					/>
				</div>
			</div>
			<Snackbars />
		</div>
	);
}
