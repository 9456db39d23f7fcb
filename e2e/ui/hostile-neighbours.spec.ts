/**
 * Other plugins on DMC's filter are neighbours, not trusted: one that throws, or that
 * returns entries of a shape nobody expected, leaves Tools → Agent Runtimes and core's
 * Site Health screen working, and is named there by file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { installDmc, removeDmc } from '../support/dmc';
import { ROOT, testSite, wpPhp } from '../support/site';
import {
	openScreen,
	openSiteHealth,
	openView,
	resetRegistry,
	runtimeCard,
} from './helpers';

const RELATIVE_FILE = 'wp-content/mu-plugins/wpca-test-neighbour.php';
// Each test its own file: PHP's opcache may serve a file rewritten within its revalidation
// interval as it was (the second test then saw the first one's neighbour).
const SHAPES_FILE = 'wp-content/mu-plugins/wpca-test-neighbour-shapes.php';

function neighbour( body: string[], relative = RELATIVE_FILE ): void {
	const file = path.join( testSite().wpDir, relative );
	fs.mkdirSync( path.dirname( file ), { recursive: true } );
	fs.writeFileSync(
		file,
		[
			'<?php',
			'// A neighbour plugin.',
			"add_filter( 'datamachine_code_worktree_runtime_signatures', function ( $signatures ) {",
			...body,
			'}, 20 );',
			'',
		].join( '\n' )
	);
}

/**
 * Fails the test on any error the page's scripts throw (React's included).
 * @param page
 */
function failOnPageErrors( page: Page ): string[] {
	const errors: string[] = [];
	page.on( 'pageerror', ( error ) => errors.push( error.message ) );
	return errors;
}

test.beforeEach( () => {
	resetRegistry();
	installDmc( '0.61.4' );
	// Published, so Site Health's first finding is about the neighbour.
	wpPhp(
		`\\WP_Coding_Agents\\Runtimes\\Plugin::store()->put( 'kimaki', array( 'fields' => array( 'session_id' => 'KIMAKI_SESSION_ID' ) ) );`
	);
} );
test.afterEach( () => {
	for ( const relative of [ RELATIVE_FILE, SHAPES_FILE ] ) {
		fs.rmSync( path.join( testSite().wpDir, relative ), { force: true } );
	}
	removeDmc();
	resetRegistry();
} );

test( 'a neighbour whose callback throws is named by file and line; the screen and Site Health work', async ( {
	page,
} ) => {
	neighbour( [ "\tthrow new RuntimeException( 'neighbour broke' );" ] );
	const errors = failOnPageErrors( page );

	await openScreen( page );
	await expect( runtimeCard( page, 'kimaki' ) ).toBeVisible();
	await openView( page, 'What DMC sees' );
	const findings = page.getByRole( 'region', {
		name: 'Problems on DMC’s signatures filter',
	} );
	await expect( findings ).toContainText(
		`(${ RELATIVE_FILE }:3, priority 20): RuntimeException: neighbour broke`
	);

	expect( await openSiteHealth( page ) ).toBe( 200 );
	const finding = page.getByRole( 'button', {
		name: /Other code’s callback on the runtime signatures filter fails|Other code's callback on the runtime signatures filter fails/,
	} );
	await finding.click();
	await expect( page.getByText( `${ RELATIVE_FILE }:3` ) ).toBeVisible();
	expect( errors ).toEqual( [] );
} );

test( 'entries of any shape render, and one naming a credential is flagged', async ( {
	page,
} ) => {
	neighbour(
		[
			"\t$signatures['nested'] = array( 'session_id' => array( 'deeper' => array( 'A' ) ), 'run_id' => new ArrayObject() );",
			"\t$signatures['scalar'] = 'NOT_A_MAP';",
			"\t$signatures['ci-bot'] = array( 'session_id' => 'GITHUB_TOKEN' );",
			"\t$signatures[\"evil\\u{202E}ikamik\"] = array( 'session_id' => 'EVIL_ID' );",
			'\treturn $signatures;',
		],
		SHAPES_FILE
	);
	const errors = failOnPageErrors( page );

	await openScreen( page );
	await openView( page, 'What DMC sees' );
	const foreign = page.getByRole( 'region', {
		name: 'Entries other code adds',
	} );
	await expect(
		foreign.getByRole( 'table', { name: 'Declared fields of nested' } )
	).toContainText( '(array of 1)' );
	await expect( foreign ).toContainText(
		'Runtime "ci-bot" names GITHUB_TOKEN, which looks like a credential (TOKEN): Data Machine Code would store this value in worktree records.'
	);
	await expect( foreign ).toContainText( 'evilikamik' );
	await expect(
		page.getByRole( 'region', { name: 'What DMC sees' } )
	).toBeVisible();
	await expect( page.getByText( 'could not be shown' ) ).toHaveCount( 0 );
	await page.screenshot( {
		path: path.join( ROOT, 'artifacts', 'hostile-neighbours.png' ),
		fullPage: true,
	} );

	expect( await openSiteHealth( page ) ).toBe( 200 );
	await page
		.getByRole( 'button', {
			name: /A runtime signature names a variable that looks like a credential/,
		} )
		.click();
	await expect(
		page.getByText( /names GITHUB_TOKEN, which looks like a credential/ )
	).toBeVisible();
	expect( errors ).toEqual( [] );
} );
