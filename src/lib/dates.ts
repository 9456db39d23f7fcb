/**
 * Dates as the rest of wp-admin shows them: in the date format, time format and
 * timezone of Settings → General (which WordPress hands to `wp.date`), not the
 * browser's locale and clock.
 */
import { dateI18n, getSettings } from '@wordpress/date';
import { __, sprintf } from '@wordpress/i18n';

/**
 * @param isoUtc An ISO 8601 UTC timestamp as the REST API returns it.
 * @return The moment in the site's timezone, as "<date> at <time>" in its formats.
 */
export function siteDateTime( isoUtc: string ): string {
	const { formats } = getSettings();
	return sprintf(
		/* translators: 1: date, 2: time (the site's formats). */
		__( '%1$s at %2$s', 'wp-coding-agents-runtimes' ),
		dateI18n( formats.date, isoUtc, undefined ),
		dateI18n( formats.time, isoUtc, undefined )
	);
}
