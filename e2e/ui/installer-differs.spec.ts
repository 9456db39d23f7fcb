/**
 * A runtime an installer registered and an admin then changed: one fields table marks
 * the rows that differ ("now … / installer declares …"), the notice says what else
 * differs and what each way back does, the badge says an admin changed it, and at
 * 360 px nothing is clipped and variable names wrap only after an underscore.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	editorInput,
	installerRegisters,
	openScreen,
	resetRegistry,
	runtimeCard,
	tableRows,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterEach( () => resetRegistry() );

const LONG_VARIABLE = 'KIMAKI_DISCORD_CHANNEL_THREAD_IDENTIFIER_FOR_WORKTREES';

/**
 * Where the text of an element wraps: for each line after the first, the character
 * the line before ends with.
 * @param element
 */
function lineEnds( element: Locator ): Promise< string[] > {
	return element.evaluate( ( node ) => {
		const ends: string[] = [];
		const walker = node.ownerDocument.createTreeWalker(
			node,
			NodeFilter.SHOW_TEXT
		);
		let top: number | null = null;
		let previous = '';
		for (
			let text = walker.nextNode() as Text | null;
			text;
			text = walker.nextNode() as Text | null
		) {
			for ( let index = 0; index < text.data.length; index++ ) {
				const range = node.ownerDocument.createRange();
				range.setStart( text, index );
				range.setEnd( text, index + 1 );
				const rect = range.getBoundingClientRect();
				if ( null !== top && rect.top > top + 2 ) {
					ends.push( previous );
				}
				top = rect.top;
				previous = text.data[ index ];
			}
		}
		return ends;
	} );
}

async function expectInsideCard( page: Page, card: Locator ): Promise< void > {
	const widths = await page.evaluate( () => ( {
		page: document.documentElement.scrollWidth,
		window: window.innerWidth,
	} ) );
	expect( widths.page ).toBeLessThanOrEqual( widths.window );
	const box = ( await card.boundingBox() )!;
	for ( const control of await card
		.locator( 'button, table, .components-notice, code' )
		.all() ) {
		const inner = ( await control.boundingBox() )!;
		expect(
			inner.x + inner.width,
			await control.evaluate( ( e ) => e.outerHTML.slice( 0, 80 ) )
		).toBeLessThanOrEqual( box.x + box.width );
	}
}

test( 'at 360 px the installer-differs state shows one marked table, says what each reset does, and clips nothing', async ( {
	page,
} ) => {
	await installerRegisters( 'kimaki', {
		fields: {
			session_id: 'KIMAKI_SESSION_ID',
			thread_id: 'KIMAKI_THREAD_ID',
		},
		enabled: true,
	} );
	await page.setViewportSize( { width: 360, height: 800 } );
	await openScreen( page );
	const card = runtimeCard( page, 'kimaki' );
	await expect( card.locator( '.wpca-badge' ) ).toHaveText( 'Installer' );

	// The admin changes a variable and unpublishes.
	await card.getByRole( 'button', { name: 'Edit Kimaki' } ).click();
	await editorInput( card, 'Environment variable 2', 'Kimaki' ).fill(
		LONG_VARIABLE
	);
	await card.getByRole( 'button', { name: 'Save: Kimaki' } ).click();
	await expect(
		card.getByRole( 'button', { name: 'Edit Kimaki' } )
	).toBeFocused();
	await card
		.getByRole( 'checkbox', { name: 'Published to DMC: Kimaki' } )
		.click();
	await expect( card.locator( '.wpca-card__declared' ) ).toBeVisible();

	await expect( card.locator( '.wpca-badge' ) ).toHaveText(
		'Installer, changed by an admin'
	);
	// One table: the card's fields, the changed row marked with both values.
	await expect( card.getByRole( 'table' ) ).toHaveCount( 1 );
	const table = card.getByRole( 'table', { name: 'Fields of kimaki' } );
	await expect
		.poll( () => tableRows( table ) )
		.toEqual( [
			[ 'session_id', 'KIMAKI_SESSION_ID' ],
			[
				'thread_idchanged',
				`now ${ LONG_VARIABLE }installer declares KIMAKI_THREAD_ID`,
			],
		] );
	await expect( table.locator( '.wpca-fields-table__changed' ) ).toHaveCount(
		1
	);
	await expect( card.locator( '.wpca-card__differences li' ) ).toHaveText( [
		'Publishing: now not published / installer declares published.',
		'Fields: the rows marked “changed” in the table below.',
	] );
	// Each reset says what it does, to the eye and to a screen reader.
	await expect(
		card.getByRole( 'button', {
			name: 'Reset to what the installer declares',
		} )
	).toHaveAccessibleDescription(
		'Takes back the installer’s label, publishing and fields; the runtime stays registered in its place.'
	);
	await expect(
		card.getByRole( 'button', { name: 'Reset to default: Kimaki' } )
	).toHaveAccessibleDescription( /forgets the stored mapping/ );

	await expectInsideCard( page, card );
	// ... and the notice's reset button inside the notice.
	const notice = ( await card
		.locator( '.wpca-card__declared' )
		.boundingBox() )!;
	const reset = ( await card
		.getByRole( 'button', { name: 'Reset to what the installer declares' } )
		.boundingBox() )!;
	expect( reset.x + reset.width ).toBeLessThanOrEqual(
		notice.x + notice.width
	);
	// Variable names wrap only after an underscore, never mid-word.
	for ( const code of await table.locator( 'code' ).all() ) {
		for ( const end of await lineEnds( code ) ) {
			expect( end, await code.innerText() ).toBe( '_' );
		}
	}
	expect(
		(
			await lineEnds(
				table.locator( 'code', { hasText: LONG_VARIABLE } )
			)
		).length,
		'the long name does wrap at 360 px'
	).toBeGreaterThan( 0 );
	await card.screenshot( { path: 'artifacts/installer-differs-360.png' } );

	// Reset: the installer's declaration is back, the notice and marks gone.
	await card
		.getByRole( 'button', { name: 'Reset to what the installer declares' } )
		.click();
	await expect( card.locator( '.wpca-card__declared' ) ).toHaveCount( 0 );
	// The reset was the admin's write: the badge names them, no longer a difference.
	await expect( card.locator( '.wpca-badge' ) ).toHaveText( 'Admin screen' );
	await expect
		.poll( () => tableRows( table ) )
		.toEqual( [
			[ 'session_id', 'KIMAKI_SESSION_ID' ],
			[ 'thread_id', 'KIMAKI_THREAD_ID' ],
		] );
} );
