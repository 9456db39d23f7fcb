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
	/** The runtime the URL selects, kept open. */
	selected: string | null;
	windowBusy: boolean;
	windowError: string | undefined;
	onDismissWindowError: () => void;
	onSaveWindow: ( days: number ) => Promise< boolean >;
}

function VariableStatus( { variable }: { variable: ObservedVariable } ) {
	// Evidence, not a verdict: a runtime's verdict (the Runtimes view) says whether
	// its variables not being seen is a problem yet.
	if ( null === variable.last_seen_at ) {
		return (
			<span className="wpca-observed__never">
				{ __( 'Not seen', 'wp-coding-agents-runtimes' ) }
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

// One runtime's variables; past a few runtimes each opens on demand (the one the URL
// selects stays open), so the view never becomes a wall.
function RuntimeObservations( {
	runtime,
	variables,
	open,
}: {
	runtime: ObservedRuntime;
	variables: ObservedVariable[];
	open: boolean;
} ) {
	const seen = variables.filter(
		( variable ) => null !== variable.last_seen_at
	).length;
	return (
		<details className="wpca-observed__runtime" open={ open }>
			<summary>
				<code>{ runtime.id }</code>{ ' ' }
				{ sprintf(
					/* translators: 1: variables seen, 2: variables declared. */
					__(
						'%1$d of %2$d variables seen',
						'wp-coding-agents-runtimes'
					),
					seen,
					variables.length
				) }
			</summary>
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
		</details>
	);
}

// Per declared variable, whether a real agent process exported it: the evidence that
// attribution really happens (signatures naming variables nothing exports capture nothing).
export function ObservedVariablesPanel( {
	observations,
	selected,
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
							'No observation yet. Run <code>bin/runtime-signature verify --runtime ID</code> inside each agent’s process.',
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
					open={
						observations.runtimes.length <= 3 ||
						runtime.id === selected
					}
					variables={ observations.variables.filter(
						( variable ) => variable.runtime === runtime.id
					) }
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
						'Evidence older than this no longer counts: a runtime none of whose variables was seen within it is flagged on the Runtimes view and in Site Health.',
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
