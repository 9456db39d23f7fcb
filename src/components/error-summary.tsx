import { Notice } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { _n, sprintf } from '@wordpress/i18n';
import type { Problem } from '../lib/validation';

interface ErrorSummaryProps {
	/** Id of the summary's heading. */
	id: string;
	problems: Problem[];
	/** The input's name and its element id, for each problem's link. */
	inputOf: ( problem: Problem ) => { name: string; elementId: string };
	/** Changes with every submit that found problems: the summary then takes the focus. */
	focusKey: number;
}

// Above a form, after a submit that found problems: each problem, named by its input
// and linked to it. It takes the focus, so a keyboard or screen-reader user hears what
// to fix and reaches each input from here.
export function ErrorSummary( {
	id,
	problems,
	inputOf,
	focusKey,
}: ErrorSummaryProps ) {
	const ref = useRef< HTMLDivElement >( null );
	useEffect( () => {
		if ( focusKey > 0 ) {
			ref.current?.focus();
		}
	}, [ focusKey ] );
	if ( 0 === problems.length ) {
		return null;
	}
	return (
		<div
			ref={ ref }
			className="wpca-error-summary"
			role="group"
			aria-labelledby={ id }
			tabIndex={ -1 }
		>
			<Notice status="error" isDismissible={ false }>
				<p id={ id }>
					<strong>
						{ sprintf(
							/* translators: %d: number of problems. */
							_n(
								'%d problem to fix before saving:',
								'%d problems to fix before saving:',
								problems.length,
								'wp-coding-agents-runtimes'
							),
							problems.length
						) }
					</strong>
				</p>
				<ul>
					{ problems.map( ( problem ) => {
						const input = inputOf( problem );
						return (
							<li
								key={ `${ problem.field }:${ problem.message }` }
							>
								<a
									href={ `#${ input.elementId }` }
									onClick={ ( event ) => {
										event.preventDefault();
										document
											.getElementById( input.elementId )
											?.focus();
									} }
								>
									{ input.name }
								</a>
								{ ': ' }
								{ problem.message }
							</li>
						);
					} ) }
				</ul>
			</Notice>
		</div>
	);
}
