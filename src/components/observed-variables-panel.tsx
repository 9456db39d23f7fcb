import { Button, Notice, TextControl } from '@wordpress/components';
import { humanTimeDiff } from '@wordpress/date';
import {
	createInterpolateElement,
	useEffect,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type {
	ObservationsResponse,
	ObservedRuntime,
	ObservedVariable,
} from '../api/types';
import { siteDateTime } from '../lib/dates';
import { RegionCard } from './region-card';

interface ObservedVariablesPanelProps {
	observations: ObservationsResponse;
	windowBusy: boolean;
	windowError: string | undefined;
	onDismissWindowError: () => void;
	onSaveWindow: ( days: number ) => Promise< boolean >;
}

function VariableStatus( { variable }: { variable: ObservedVariable } ) {
	if ( null === variable.last_seen_at ) {
		return (
			<span className="wpca-observed__never">
				{ __( 'Never observed', 'wp-coding-agents-runtimes' ) }
			</span>
		);
	}
	const when = humanTimeDiff( variable.last_seen_at );
	return (
		<span title={ siteDateTime( variable.last_seen_at ) }>
			{ null === variable.last_seen_host
				? sprintf(
						/* translators: %s: how long ago, e.g. "3 hours ago". */
						__( 'Last seen %s', 'wp-coding-agents-runtimes' ),
						when
					)
				: sprintf(
						/* translators: 1: how long ago, e.g. "3 hours ago", 2: host name. */
						__(
							'Last seen %1$s on %2$s',
							'wp-coding-agents-runtimes'
						),
						when,
						variable.last_seen_host
					) }
			{ ' · ' }
			{ sprintf(
				/* translators: %d: number of distinct values seen. */
				_n(
					'%d distinct value',
					'%d distinct values',
					variable.distinct_values,
					'wp-coding-agents-runtimes'
				),
				variable.distinct_values
			) }
		</span>
	);
}

function RuntimeObservations( {
	runtime,
	variables,
	windowDays,
}: {
	runtime: ObservedRuntime;
	variables: ObservedVariable[];
	windowDays: number;
} ) {
	return (
		<div className="wpca-observed__runtime">
			<h3>
				<code>{ runtime.id }</code>
			</h3>
			{ runtime.flagged && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: 1: runtime id, 2: number of days. */
						_n(
							'No agent process was seen exporting any variable of %1$s in the last %2$d day: DMC probably records nothing for it. Check which variables it really exports.',
							'No agent process was seen exporting any variable of %1$s in the last %2$d days: DMC probably records nothing for it. Check which variables it really exports.',
							windowDays,
							'wp-coding-agents-runtimes'
						),
						runtime.id,
						windowDays
					) }
				</Notice>
			) }
			<table
				className="wpca-fields-table"
				aria-label={ sprintf(
					/* translators: %s: runtime id. */
					__(
						'Observed variables of %s',
						'wp-coding-agents-runtimes'
					),
					runtime.id
				) }
			>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Variable', 'wp-coding-agents-runtimes' ) }
						</th>
						<th scope="col">
							{ __(
								'In agent processes',
								'wp-coding-agents-runtimes'
							) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ variables.map( ( variable ) => (
						<tr key={ variable.subkey }>
							<th scope="row">
								<code>{ variable.name }</code>
							</th>
							<td>
								<VariableStatus variable={ variable } />
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}

// Per declared variable, whether a real agent process exported it: the evidence that
// attribution really happens (signatures naming variables nothing exports capture nothing).
export function ObservedVariablesPanel( {
	observations,
	windowBusy,
	windowError,
	onDismissWindowError,
	onSaveWindow,
}: ObservedVariablesPanelProps ) {
	const [ days, setDays ] = useState( String( observations.window_days ) );
	useEffect( () => {
		setDays( String( observations.window_days ) );
	}, [ observations.window_days ] );

	return (
		<RegionCard
			className="wpca-observed"
			headingId="wpca-observed-heading"
			heading={ __(
				'Observed in agent processes',
				'wp-coding-agents-runtimes'
			) }
		>
			<p className="wpca-card__meta">
				{ sprintf(
					/* translators: %d: number of observations kept. */
					_n(
						'From the last %d observation recorded by bin/runtime-signature verify (at most 50 are kept; names and hashes only).',
						'From the last %d observations recorded by bin/runtime-signature verify (at most 50 are kept; names and hashes only).',
						observations.observations.length,
						'wp-coding-agents-runtimes'
					),
					observations.observations.length
				) }
			</p>
			{ 0 === observations.observations.length && (
				<p>
					{ createInterpolateElement(
						__(
							'No observation yet. Run <code>bin/runtime-signature verify --runtime ID</code> inside each agent’s process; a published runtime none of whose variables is seen is then flagged.',
							'wp-coding-agents-runtimes'
						),
						{ code: <code /> }
					) }
				</p>
			) }
			{ 0 === observations.runtimes.length && (
				<p>
					{ __(
						'DMC reads no runtime signature, so there is nothing to observe.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) }
			{ observations.runtimes.map( ( runtime ) => (
				<RuntimeObservations
					key={ runtime.id }
					runtime={ runtime }
					variables={ observations.variables.filter(
						( variable ) => variable.runtime === runtime.id
					) }
					windowDays={ observations.window_days }
				/>
			) ) }
			<form
				className="wpca-observed__window"
				// The server's message names the field and the range; the browser's bubble would hide it.
				noValidate
				onSubmit={ ( event ) => {
					event.preventDefault();
					onSaveWindow( Number( days ) );
				} }
			>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					max={ 365 }
					label={ __(
						'Observation window (days)',
						'wp-coding-agents-runtimes'
					) }
					help={ __(
						'A published runtime none of whose variables was observed within this many days is flagged here and in Site Health.',
						'wp-coding-agents-runtimes'
					) }
					value={ days }
					onChange={ setDays }
				/>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					type="submit"
					isBusy={ windowBusy }
					disabled={ windowBusy }
					accessibleWhenDisabled
				>
					{ __( 'Save window', 'wp-coding-agents-runtimes' ) }
				</Button>
			</form>
			{ windowError && (
				<Notice status="error" onRemove={ onDismissWindowError }>
					{ windowError }
				</Notice>
			) }
		</RegionCard>
	);
}
