import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { SignaturesResponse } from '../api/types';
import { RegionCard } from './region-card';

type Finding = SignaturesResponse[ 'findings' ][ number ];

// What other code on DMC's filter does wrong, and variable names that look like
// credentials: the server's findings (GET /signatures), worded there.
export function FilterFindings( { findings }: { findings: Finding[] } ) {
	if ( 0 === findings.length ) {
		return null;
	}
	return (
		<RegionCard
			className="wpca-findings"
			headingId="wpca-findings-heading"
			heading={ __(
				'Problems on DMC’s signatures filter',
				'wp-coding-agents-runtimes'
			) }
		>
			{ findings.map( ( finding, index ) => (
				<Notice
					key={ index }
					status={
						'wpca_filter_truncated' === finding.code
							? 'info'
							: 'warning'
					}
					isDismissible={ false }
				>
					{ finding.message }
				</Notice>
			) ) }
		</RegionCard>
	);
}

/**
 * The credential findings about one runtime id.
 * @param findings The filter's findings.
 * @param id       Runtime id.
 */
export function secretFindingsOf( findings: Finding[], id: string ): Finding[] {
	return findings.filter(
		( finding ) =>
			'wpca_secret_env_name' === finding.code && id === finding.id
	);
}
