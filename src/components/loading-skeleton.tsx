import { Spinner, VisuallyHidden } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

// Stand-ins shaped like the loaded screen (two columns, runtime cards beside the
// panels), so the page does not jump when the data arrives.
export function LoadingSkeleton() {
	return (
		<div
			className="wpca-screen__columns wpca-skeleton"
			role="status"
			aria-live="polite"
		>
			<VisuallyHidden>
				{ __( 'Loading runtimes…', 'wp-coding-agents-runtimes' ) }
			</VisuallyHidden>
			<div className="wpca-screen__main" aria-hidden="true">
				<h2 className="wpca-skeleton__heading">
					<Spinner />
				</h2>
				<div className="wpca-skeleton__card wpca-skeleton__card--runtime" />
				<div className="wpca-skeleton__card wpca-skeleton__card--runtime" />
			</div>
			<div className="wpca-screen__side" aria-hidden="true">
				<div className="wpca-skeleton__card" />
				<div className="wpca-skeleton__card" />
			</div>
		</div>
	);
}
