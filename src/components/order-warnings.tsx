import { Notice } from '@wordpress/components';
import { useCatalogueAnswer } from '../hooks/use-catalogue';

/**
 * Above the runtimes, where the order is decided: a runtime whose session id is a
 * generic name (AGENT_SESSION_ID) ahead of runtimes with names of their own. DMC takes
 * the first session id it finds, so the generic one wins wherever it is set. The server
 * decides and words each warning (GET /catalogue, order_warnings).
 */
export function OrderWarnings() {
	const warnings = useCatalogueAnswer()?.order_warnings ?? [];
	return (
		<>
			{ warnings.map( ( warning ) => (
				<Notice
					key={ warning.runtime }
					status="warning"
					isDismissible={ false }
					className="wpca-order-warning"
				>
					{ warning.message }
				</Notice>
			) ) }
		</>
	);
}
