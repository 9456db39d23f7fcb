import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { AttributionPreview } from '../api/types';

/**
 * In the preview, beside the lock metadata budget: the primary id against DMC's
 * inventory column (a varchar(191) from DMC 0.56; wpdb refuses a longer value, so
 * the worktree would get no inventory row).
 * @param props
 * @param props.inventory The preview's `inventory`.
 */
export function InventoryNote( {
	inventory,
}: {
	inventory: AttributionPreview[ 'inventory' ];
} ) {
	if ( null === inventory.length ) {
		return null;
	}
	if ( inventory.fits ) {
		return (
			<p className="wpca-inventory">
				{ sprintf(
					/* translators: 1: characters of the primary id, 2: characters DMC's inventory column holds. */
					__(
						'Primary id: %1$d characters; DMC’s inventory keeps up to %2$d.',
						'wp-coding-agents-runtimes'
					),
					inventory.length,
					inventory.max_length
				) }
			</p>
		);
	}
	return (
		<Notice
			status="error"
			isDismissible={ false }
			className="wpca-inventory"
		>
			{ sprintf(
				/* translators: 1: characters of the primary id, 2: characters DMC's inventory column holds. */
				__(
					'The primary id is %1$d characters long, more than the %2$d of DMC’s inventory column: DMC 0.56 and later would write no inventory row for this worktree (its record in DMC’s option is still written).',
					'wp-coding-agents-runtimes'
				),
				inventory.length,
				inventory.max_length
			) }
		</Notice>
	);
}
