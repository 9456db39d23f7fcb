import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * A runtime other code adds to DMC's filter, beside this plugin's runtimes: its verdict
 * only; what it maps and adopting it live in "What DMC sees".
 * @param props
 * @param props.id      Runtime id.
 * @param props.verdict Its verdict (src/components/runtime-verdict.tsx).
 */
export function OtherCodeCard( {
	id,
	verdict,
}: {
	id: string;
	verdict: ReactNode;
} ) {
	return (
		<Card
			className="wpca-card wpca-card--other-code"
			role="region"
			aria-label={ sprintf(
				/* translators: %s: runtime id. */
				__( 'Entry of other code: %s', 'wp-coding-agents-runtimes' ),
				id
			) }
		>
			<CardHeader>
				<h3 className="wpca-card__title">
					<code>{ id }</code>
				</h3>
				<span className="wpca-badge wpca-badge--external">
					{ __( 'Added by other code', 'wp-coding-agents-runtimes' ) }
				</span>
			</CardHeader>
			<CardBody>{ verdict }</CardBody>
		</Card>
	);
}
