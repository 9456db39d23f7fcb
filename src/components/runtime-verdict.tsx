import { __ } from '@wordpress/i18n';
import type { RuntimeStatus, StatusStep } from '../api/types';
import type { ViewNavigation } from '../hooks/use-view-location';
import { DEFAULT_RECORDS_QUERY } from '../lib/views';

function stepTitle( step: StatusStep[ 'step' ] ): string {
	switch ( step ) {
		case 'declared':
			return __( 'Declared', 'wp-coding-agents-runtimes' );
		case 'published':
			return __( 'Published to DMC', 'wp-coding-agents-runtimes' );
		case 'seen':
			return __( 'Seen in agent processes', 'wp-coding-agents-runtimes' );
		case 'recorded':
			return __( 'Recorded by DMC', 'wp-coding-agents-runtimes' );
	}
}

function stateWord( state: StatusStep[ 'state' ] ): string {
	switch ( state ) {
		case 'done':
			return __( 'holds', 'wp-coding-agents-runtimes' );
		case 'failed':
			return __( 'fails', 'wp-coding-agents-runtimes' );
		case 'waiting':
			return __( 'no evidence yet', 'wp-coding-agents-runtimes' );
		case 'skipped':
			return __( 'not reached', 'wp-coding-agents-runtimes' );
	}
}

interface RuntimeVerdictProps {
	status: RuntimeStatus;
	/** The runtime the URL selects: its evidence is shown open. */
	selected: boolean;
	navigation: ViewNavigation;
}

/**
 * Is attribution working for this runtime? The server's verdict (GET /attribution/status):
 * a few words, the reason, the one action that fixes it, and the evidence chain behind it
 * in a disclosure the admin opens.
 * @param props
 * @param props.status
 * @param props.selected
 * @param props.navigation
 */
export function RuntimeVerdict( {
	status,
	selected,
	navigation,
}: RuntimeVerdictProps ) {
	// DMC missing, inactive or too old is the notice's to say, once, above every view.
	const dmcMissing = ( status.cause ?? '' ).startsWith( 'dmc_' );
	const deferred = __(
		'Its variables were seen in an agent process, but nothing records them until Data Machine Code is there (see the notice above).',
		'wp-coding-agents-runtimes'
	);
	const action = dmcMissing ? null : status.action;
	let actionLink = null;
	if ( action && action.view && 'runtimes' !== action.view ) {
		// In the records: this runtime's worktrees, or, when they lack its values, those without.
		const target = {
			view: action.view,
			runtime: status.id,
			records: {
				...DEFAULT_RECORDS_QUERY,
				attributed: 'check_creator' === action.kind ? false : null,
			},
		};
		actionLink = (
			<a
				href={ navigation.hrefFor( target ) }
				onClick={ ( event ) => {
					if (
						0 === event.button &&
						! event.metaKey &&
						! event.ctrlKey
					) {
						event.preventDefault();
						navigation.navigate( target );
					}
				} }
			>
				{ action.label }
			</a>
		);
	}
	return (
		<div
			className={ `wpca-verdict wpca-verdict--${ status.severity }${
				selected ? ' is-selected' : ''
			}` }
		>
			<p className="wpca-verdict__headline">
				<strong id={ `wpca-verdict-${ status.id }` } tabIndex={ -1 }>
					{ status.headline }
				</strong>
			</p>
			<p className="wpca-verdict__reason">
				{ dmcMissing ? deferred : status.reason }
			</p>
			{ action && (
				<p className="wpca-verdict__action">
					{ actionLink ?? action.label }
				</p>
			) }
			<details className="wpca-verdict__chain" open={ selected }>
				<summary>
					{ __( 'How this is known', 'wp-coding-agents-runtimes' ) }
				</summary>
				<ol>
					{ status.chain.map( ( step ) => (
						<li
							key={ step.step }
							className={ `wpca-verdict__step is-${ step.state }` }
						>
							<strong>{ stepTitle( step.step ) }</strong>
							{ ' — ' }
							{ dmcMissing && 'recorded' === step.step
								? deferred
								: step.text || stateWord( step.state ) }
						</li>
					) ) }
				</ol>
			</details>
		</div>
	);
}
