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

// What a real agent process last exposed: the newest observation `bin/runtime-signature
// verify` recorded (found and missing names, which variable would give the primary id
// and its value's keyed hash; no value is stored).
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
					{ null !== report.host && (
						<p className="wpca-card__meta">
							{ sprintf(
								/* translators: 1: host name, 2: runtime id or "not said". */
								__(
									'Host: %1$s · runtime (as the process says): %2$s',
									'wp-coding-agents-runtimes'
								),
								report.host,
								report.runtime ??
									__(
										'not said',
										'wp-coding-agents-runtimes'
									)
							) }
						</p>
					) }
					<p>
						{ __( 'Primary ID:', 'wp-coding-agents-runtimes' ) }{ ' ' }
						{ null === report.primary_variable ? (
							<em>
								{ __(
									'none (no declared variable had a usable value)',
									'wp-coding-agents-runtimes'
								) }
							</em>
						) : (
							createInterpolateElement(
								/* translators: <variable /> is an environment variable, <runtime /> a runtime id, <hash /> the value's hash. */
								__(
									'from <variable /> of <runtime /> (value hash <hash />: a fingerprint that tells sessions apart; the value itself is never stored)',
									'wp-coding-agents-runtimes'
								),
								{
									variable: (
										<code>{ report.primary_variable }</code>
									),
									runtime: (
										<code>{ report.primary_runtime }</code>
									),
									hash: (
										<code className="wpca-verification__primary">
											{ report.primary_hash }
										</code>
									),
								}
							)
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
