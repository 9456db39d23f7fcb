import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { DmcStatus } from '../api/types';

// Why DMC does not consume the signatures, or null when it does.
export function dmcMissingReason( status: DmcStatus ): string | null {
	switch ( status.state ) {
		case 'absent':
			return __(
				'Data Machine Code is not installed.',
				'wp-coding-agents-runtimes'
			);
		case 'inactive':
			return __(
				'Data Machine Code is installed but not active.',
				'wp-coding-agents-runtimes'
			);
		case 'too_old':
			return sprintf(
				/* translators: %s: DMC version. */
				__(
					'Data Machine Code %s is too old: runtime signatures are read from version 0.45.',
					'wp-coding-agents-runtimes'
				),
				status.version ?? ''
			);
	}
	return null;
}

// Shown above everything else: without DMC, nothing on this screen has an effect yet.
export function DmcNotice( { status }: { status: DmcStatus } ) {
	const reason = dmcMissingReason( status );
	if ( null === reason ) {
		return null;
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="wpca-dmc-notice"
			actions={
				status.plugins_url
					? [
							{
								label: __(
									'Go to Plugins',
									'wp-coding-agents-runtimes'
								),
								url: status.plugins_url,
							},
						]
					: []
			}
		>
			<p>
				<strong>{ reason }</strong>{ ' ' }
				{ __(
					'Signatures are stored and published; nothing consumes them yet.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			<p>
				{ sprintf(
					/* translators: 1: DMC's last known version, 2: its release date, 3: the version since which the filter contract is unchanged. */
					__(
						'Data Machine Code’s last known release is %1$s (%2$s); the filter contract this plugin follows is unchanged since %3$s.',
						'wp-coding-agents-runtimes'
					),
					status.release.last_known,
					status.release.last_known_date,
					status.release.contract_stable_since
				) }
			</p>
		</Notice>
	);
}
