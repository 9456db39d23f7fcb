import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { LockBudget } from '../api/types';

function overBudget( budget: LockBudget ): string {
	return sprintf(
		/* translators: 1: bytes, 2: budget in bytes. */
		__(
			'The lock’s metadata would take %1$d bytes, over DMC’s %2$d: DMC would store it cut, as invalid JSON, and read back none of it — the lock would lose all its metadata, not only the session ids.',
			'wp-coding-agents-runtimes'
		),
		budget.total_bytes,
		budget.budget
	);
}

// In the preview: what this environment's runtime_ids cost DMC's lock metadata. The
// byte arithmetic waits in a disclosure; only a lock that would lose its metadata is said
// out loud.
export function LockBudgetNote( { budget }: { budget: LockBudget } ) {
	return (
		<div className="wpca-lock-budget">
			<details>
				<summary>
					{ budget.fits
						? __(
								'Workspace lock: the values fit in its metadata',
								'wp-coding-agents-runtimes'
							)
						: __(
								'Workspace lock: the values do not fit in its metadata',
								'wp-coding-agents-runtimes'
							) }
				</summary>
				<p>
					{ sprintf(
						/* translators: 1: bytes of runtime_ids, 2: bytes of DMC's own keys, 3: total bytes, 4: budget in bytes. */
						__(
							'Lock metadata: runtime_ids takes %1$d bytes. With DMC’s own keys at their largest (%2$d bytes: host, pid, four DATAMACHINE_* values of 300 bytes, wp_cli_args of 1,000, paths), the lock’s metadata is %3$d of %4$d bytes.',
							'wp-coding-agents-runtimes'
						),
						budget.runtime_ids_bytes,
						budget.reserved_bytes,
						budget.total_bytes,
						budget.budget
					) }
				</p>
			</details>
			{ ! budget.fits && (
				<Notice status="error" isDismissible={ false }>
					{ overBudget( budget ) }
				</Notice>
			) }
		</div>
	);
}

// For the registry: shown only when the declared signatures could overflow the budget.
export function LockBudgetWarning( { budget }: { budget: LockBudget } ) {
	if ( budget.fits ) {
		return null;
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="wpca-lock-budget-warning"
		>
			{ sprintf(
				/* translators: 1: bytes, 2: budget in bytes. */
				__(
					'The published signatures declare so many variables that, at 300 bytes a value (the most DMC keeps), a workspace lock’s metadata could reach %1$d bytes, over DMC’s %2$d. DMC would then lose the lock’s whole metadata. Publish fewer variables.',
					'wp-coding-agents-runtimes'
				),
				budget.total_bytes,
				budget.budget
			) }
		</Notice>
	);
}
