import { createInterpolateElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { LastVerification, VerificationSource } from '../api/types';
import { RegionCard } from './region-card';
import { siteDateTime } from '../lib/dates';

interface LastVerificationPanelProps {
	report: LastVerification | null;
}

function sourceLabel( source: VerificationSource ): string {
	return 'installer' === source
		? __(
				'Agent process (Application Password)',
				'wp-coding-agents-runtimes'
			)
		: __( 'Admin screen', 'wp-coding-agents-runtimes' );
}

function NameList( {
	label,
	names,
	className,
}: {
	label: string;
	names: string[];
	className: string;
} ) {
	return (
		<div className="wpca-verification__names">
			<h3>{ label }</h3>
			{ 0 === names.length ? (
				<p>{ __( 'none', 'wp-coding-agents-runtimes' ) }</p>
			) : (
				<ul aria-label={ label } className={ className }>
					{ names.map( ( name ) => (
						<li key={ name }>
							<code>{ name }</code>
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}

// What a real agent process last exposed: `bin/runtime-signature verify` records
// the declared variables it found and missed, and the primary id DMC would record.
export function LastVerificationPanel( {
	report,
}: LastVerificationPanelProps ) {
	return (
		<RegionCard
			className="wpca-verification"
			headingId="wpca-verification-heading"
			heading={ __(
				'Last verification from an agent process',
				'wp-coding-agents-runtimes'
			) }
		>
			{ null === report ? (
				<p>
					{ createInterpolateElement(
						__(
							'Nothing recorded yet. Run <code>bin/runtime-signature verify</code> inside an agent session to see which declared variables a real agent process exposes.',
							'wp-coding-agents-runtimes'
						),
						{ code: <code /> }
					) }
				</p>
			) : (
				<>
					<p className="wpca-card__meta">
						<span
							className={ `wpca-badge wpca-badge--${ report.source }` }
						>
							{ sourceLabel( report.source ) }
						</span>
						{ sprintf(
							/* translators: 1: date and time, 2: user login. */
							__(
								'Recorded %1$s by %2$s',
								'wp-coding-agents-runtimes'
							),
							siteDateTime( report.recorded_at ),
							report.recorded_by ??
								__(
									'unknown user',
									'wp-coding-agents-runtimes'
								)
						) }
					</p>
					<p>
						{ __( 'Primary ID:', 'wp-coding-agents-runtimes' ) }{ ' ' }
						{ null === report.primary_id ? (
							<em>
								{ __(
									'none (no declared variable had a usable value)',
									'wp-coding-agents-runtimes'
								) }
							</em>
						) : (
							<>
								<code className="wpca-verification__primary">
									{ report.primary_id }
								</code>
								{ null !== report.primary_runtime && (
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
														{
															report.primary_runtime
														}
													</code>
												),
											}
										) }
									</>
								) }
							</>
						) }
					</p>
					<NameList
						label={ __(
							'Found variables',
							'wp-coding-agents-runtimes'
						) }
						names={ report.found }
						className="wpca-verification__found"
					/>
					<NameList
						label={ __(
							'Missing variables',
							'wp-coding-agents-runtimes'
						) }
						names={ report.missing }
						className="wpca-verification__missing"
					/>
				</>
			) }
		</RegionCard>
	);
}
