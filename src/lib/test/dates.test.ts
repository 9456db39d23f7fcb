import { setSettings, getSettings } from '@wordpress/date';
import { siteDateTime } from '../dates';

describe( 'siteDateTime', () => {
	const original = getSettings();
	afterEach( () => setSettings( original ) );

	it( 'uses the site timezone and formats, not the browser locale', () => {
		setSettings( {
			...original,
			formats: { ...original.formats, date: 'Y-m-d', time: 'H:i' },
			timezone: { ...original.timezone, string: 'Europe/Paris' },
		} );
		// Paris is UTC+1 in November.
		expect( siteDateTime( '2026-11-24T00:53:40Z' ) ).toBe(
			'2026-11-24 at 01:53'
		);
	} );

	it( 'follows a fixed UTC offset when the site has no named timezone', () => {
		setSettings( {
			...original,
			formats: { ...original.formats, date: 'j F Y', time: 'g:i a' },
			timezone: { ...original.timezone, string: '', offset: -5 },
		} );
		expect( siteDateTime( '2026-11-24T00:53:40Z' ) ).toBe(
			'23 November 2026 at 7:53 pm'
		);
	} );
} );
