/**
 * The catalogue's claims in words: what a variable identifies and who sets it according
 * to upstream. What this site observed of it the server says itself
 * (`evidence.summary`), as the first paint prints it too.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { CatalogueRuntime, CatalogueVariable } from '../api/types';

export function identifiesText(
	identifies: CatalogueVariable[ 'identifies' ]
): string {
	switch ( identifies ) {
		case 'session':
			return __( 'a session', 'wp-coding-agents-runtimes' );
		case 'thread':
			return __( 'a thread', 'wp-coding-agents-runtimes' );
		case 'run':
			return __( 'a run', 'wp-coding-agents-runtimes' );
		case 'process':
			return __( 'a process', 'wp-coding-agents-runtimes' );
		case 'tool_call':
			return __( 'a tool call', 'wp-coding-agents-runtimes' );
		case 'runtime':
			return __( 'only which runtime runs', 'wp-coding-agents-runtimes' );
	}
	return __( 'not known', 'wp-coding-agents-runtimes' );
}

// "kimaki 0.26", "opencode", or nothing.
function upstreamText( variable: CatalogueVariable ): string | null {
	const { project, version } = variable.upstream;
	if ( null === project ) {
		return null;
	}
	return null === version
		? project
		: sprintf(
				/* translators: 1: project, 2: release. */
				__( '%1$s %2$s', 'wp-coding-agents-runtimes' ),
				project,
				version
			);
}

/**
 * Who sets the variable, according to upstream: one sentence.
 * @param variable
 * @param runtime  The catalogue runtime it belongs to.
 */
export function claimText(
	variable: CatalogueVariable,
	runtime: CatalogueRuntime
): string {
	let who: string;
	switch ( variable.set_by ) {
		case 'runtime':
			who = variable.exported_to
				? sprintf(
						/* translators: 1: runtime name, 2: which processes, e.g. "the commands its Bash tool runs". */
						__(
							'%1$s sets it itself, for %2$s.',
							'wp-coding-agents-runtimes'
						),
						runtime.label,
						variable.exported_to
					)
				: sprintf(
						/* translators: %s: runtime name. */
						__( '%s sets it itself.', 'wp-coding-agents-runtimes' ),
						runtime.label
					);
			break;
		case 'bridge':
			who = sprintf(
				/* translators: %s: runtime name. */
				__(
					'%s does not set it: only a bridge around it can export it.',
					'wp-coding-agents-runtimes'
				),
				runtime.label
			);
			break;
		case 'never':
			who = sprintf(
				/* translators: %s: runtime name. */
				__(
					'Declared in %s’s code but never set.',
					'wp-coding-agents-runtimes'
				),
				runtime.label
			);
			break;
		default:
			who = __(
				'Who sets it is not known.',
				'wp-coding-agents-runtimes'
			);
	}
	const source = upstreamText( variable );
	return null === source
		? who
		: sprintf(
				/* translators: 1: who sets the variable (a sentence), 2: upstream project and release. */
				__( '%1$s (Upstream: %2$s.)', 'wp-coding-agents-runtimes' ),
				who,
				source
			);
}
