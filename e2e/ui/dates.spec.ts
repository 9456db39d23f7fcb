/**
 * Dates on the screen follow Settings → General (timezone, date and time
 * formats), like every other wp-admin screen, whatever the browser's locale.
 */
import { expect, test } from '@playwright/test';
import { wpPhp } from '../support/site';
import {
	openScreen,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

const SETTINGS = `array( 'timezone_string', 'gmt_offset', 'date_format', 'time_format' )`;
let savedSettings = '';

test.beforeEach( () => {
	resetRegistry();
	savedSettings = wpPhp(
		`echo wp_json_encode( array_combine( ${ SETTINGS }, array_map( 'get_option', ${ SETTINGS } ) ) );`
	).trim();
} );

test.afterEach( () => {
	resetRegistry();
	wpPhp(
		`foreach ( json_decode( base64_decode( '${ Buffer.from( savedSettings ).toString( 'base64' ) }' ), true ) as $name => $value ) { update_option( $name, $value ); }`
	);
} );

test( "a runtime's last change is shown in the site's timezone and formats", async ( {
	page,
} ) => {
	// UTC+5:45 all year: no browser default or DST accident can produce it.
	wpPhp(
		"update_option( 'timezone_string', 'Asia/Kathmandu' ); update_option( 'date_format', 'Y-m-d' ); update_option( 'time_format', 'H:i' );"
	);
	await openScreen( page );
	await setPublished( page, 'kimaki', true );

	// WordPress's own wp_date() is the oracle: the stored UTC time, in the site's zone.
	const expected = wpPhp(
		"wp_set_current_user( 1 ); $item = rest_do_request( new WP_REST_Request( 'GET', '/wp-coding-agents/v1/runtimes/kimaki' ) )->get_data(); $time = strtotime( $item['updated_at'] ); echo wp_date( get_option( 'date_format' ), $time ) . ' at ' . wp_date( get_option( 'time_format' ), $time );"
	).trim();
	expect( expected ).toMatch( /^\d{4}-\d\d-\d\d at \d\d:\d\d$/ );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		`Updated ${ expected } by admin`
	);
} );
