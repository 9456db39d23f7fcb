/**
 * The screen in WordPress's admin colour schemes: its primary controls take the
 * scheme's theme colour (core sets --wp-admin-theme-color on body per scheme;
 * the WordPress components and our stylesheet read it), not a hard-coded blue, and
 * axe's WCAG 2.1 AA scan passes in each scheme. The admin's own `admin_color`
 * is set for the test and put back afterwards. A full-page picture in Midnight
 * goes to artifacts/ on every run and to docs/ with WPCA_UPDATE_SCREENSHOT=1.
 */
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { ROOT, testSite, wpPhp } from '../support/site';
import {
	axeViolations,
	openAddForm,
	openScreen,
	publishToggle,
	resetRegistry,
	runtimeCard,
	setPublished,
} from './helpers';

// Theme colours of core's schemes (wp-includes/css/dist/base-styles/admin-schemes.css).
const SCHEMES = {
	midnight: 'rgb(207, 67, 57)',
	ocean: 'rgb(86, 121, 88)',
} as const;

const adminId = () => testSite().users.admin.id;

function setAdminColor( scheme: string ): void {
	wpPhp(
		`update_user_meta( ${ adminId() }, 'admin_color', '${ scheme }' );`
	);
}

let saved = '';
test.beforeAll( () => {
	saved = wpPhp(
		`echo get_user_meta( ${ adminId() }, 'admin_color', true );`
	).trim();
} );
test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );
test.afterAll( () => {
	wpPhp(
		'' === saved
			? `delete_user_meta( ${ adminId() }, 'admin_color' );`
			: `update_user_meta( ${ adminId() }, 'admin_color', '${ saved }' );`
	);
} );

const background = ( locator: Locator ) =>
	locator.evaluate( ( el ) => getComputedStyle( el ).backgroundColor );

for ( const [ scheme, themeColor ] of Object.entries( SCHEMES ) ) {
	test( `in the ${ scheme } colour scheme the primary controls use its theme colour and pass axe`, async ( {
		page,
	} ) => {
		setAdminColor( scheme );
		await page.setViewportSize( { width: 1280, height: 900 } );
		await openScreen( page );
		await expect( page.locator( 'body' ) ).toHaveClass(
			new RegExp( `\\badmin-color-${ scheme }\\b` )
		);

		const add = ( await openAddForm( page ) ).getByRole( 'button', {
			name: 'Add runtime',
		} );
		// The pointer off the controls: a control under it shows its hover colour.
		await page.mouse.move( 0, 0 );
		// Polled: the controls fade between colours.
		await expect.poll( () => background( add ) ).toBe( themeColor );

		await setPublished( page, 'kimaki', true );
		// Dismissed while it is surely there: WordPress closes a snackbar by itself
		// after about 10 s, sooner than the axe scans below finish on a busy machine.
		// Its colours are the components' own in every scheme; the scans and the
		// picture are of the screen without it.
		const snackbar = page.locator( '.components-snackbar' );
		await expect( snackbar ).toHaveText( 'Kimaki is published to DMC.' );
		await snackbar.click();
		await expect( snackbar ).toHaveCount( 0 );
		const track = publishToggle( page, 'kimaki' )
			.locator( '..' )
			.locator( '.components-form-toggle__track' );
		// Polled: the controls fade between colours.
		await expect.poll( () => background( track ) ).toBe( themeColor );

		await runtimeCard( page, 'kimaki' )
			.getByRole( 'button', { name: 'Edit Kimaki', exact: true } )
			.click();
		const save = page.getByRole( 'button', {
			name: 'Save: Kimaki',
			exact: true,
		} );
		// Polled: the controls fade between colours.
		await expect.poll( () => background( save ) ).toBe( themeColor );
		expect( await axeViolations( page ), `editing, ${ scheme }` ).toEqual(
			[]
		);
		await page
			.getByRole( 'button', { name: 'Cancel: Kimaki', exact: true } )
			.click();
		expect( await axeViolations( page ), `published, ${ scheme }` ).toEqual(
			[]
		);

		if ( 'midnight' === scheme ) {
			// The picture from the top of the page.
			await page.evaluate( () => window.scrollTo( 0, 0 ) );
			const files = [ 'artifacts/admin-screen-midnight.png' ];
			if ( process.env.WPCA_UPDATE_SCREENSHOT ) {
				files.push( 'docs/screenshot-admin-midnight.png' );
			}
			for ( const file of files ) {
				await page.screenshot( {
					path: path.join( ROOT, file ),
					fullPage: true,
				} );
			}
		}
	} );
}
