/**
 * DMC's 8,192-byte lock metadata budget on the screen: the preview says what
 * the environment's runtime_ids cost, and the registry warns when the declared
 * signatures could overflow the budget at 300 bytes a value.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ROOT, wpPhp } from '../support/site';
import {
	openScreen,
	openView,
	previewPanel,
	previewWith,
	resetRegistry,
} from './helpers';

test.beforeEach( () => resetRegistry() );
test.afterAll( () => resetRegistry() );

/** Four runtimes of four variables each: sixteen values of 300 bytes do not fit. */
function registerSixteenVariables(): string[] {
	const names: string[] = [];
	const puts = [ 'a', 'b', 'c', 'd' ].map( ( id ) => {
		const fields: Record< string, string > = {};
		for ( const subkey of [
			'session_id',
			'thread_id',
			'run_id',
			'channel_id',
		] ) {
			const name = `AGENT_${ id.toUpperCase() }_${ subkey.toUpperCase() }`;
			fields[ subkey ] = name;
			names.push( name );
		}
		return `\\WP_Coding_Agents\\Runtimes\\Plugin::store()->put( 'agent-${ id }', array( 'fields' => json_decode( '${ JSON.stringify( fields ) }', true ) ) );`;
	} );
	wpPhp( puts.join( '\n' ) );
	return names;
}

test( 'the preview counts runtime_ids bytes against the budget and warns past it', async ( {
	page,
} ) => {
	const names = registerSixteenVariables();
	await openScreen( page );

	await openView( page, 'What DMC sees' );
	await expect( page.locator( '.wpca-lock-budget-warning' ) ).toContainText(
		'over DMC’s 8192. DMC would then lose the lock’s whole metadata.'
	);

	await openView( page, 'Attribution preview' );
	await previewWith( page, { AGENT_A_SESSION_ID: 'session-1' } );
	const note = previewPanel( page ).locator( '.wpca-lock-budget' );
	// The byte arithmetic is in a disclosure the admin opens.
	await expect( note.locator( 'summary' ) ).toHaveText(
		'Workspace lock: the values fit in its metadata'
	);
	await note.locator( 'summary' ).click();
	// {"agent-a":{"session_id":"session-1"}} is 38 bytes; DMC's own keys 3,203; plus ,"runtime_ids": (15).
	await expect( note ).toContainText(
		'Lock metadata: runtime_ids takes 38 bytes.'
	);
	await expect( note ).toContainText(
		'the lock’s metadata is 3256 of 8192 bytes.'
	);
	await expect( note.getByRole( 'alert' ) ).toHaveCount( 0 );

	const long = Object.fromEntries(
		names.map( ( name ) => [ name, 'v'.repeat( 300 ) ] )
	);
	await previewWith( page, long );
	await expect( note ).toContainText(
		'over DMC’s 8192: DMC would store it cut, as invalid JSON, and read back none of it'
	);
	await expect( note.locator( 'summary' ) ).toHaveText(
		'Workspace lock: the values do not fit in its metadata'
	);
	await previewPanel( page ).screenshot( {
		path: path.join( ROOT, 'artifacts', 'lock-budget.png' ),
	} );
} );

test( 'the registry does not warn for the presets', async ( { page } ) => {
	wpPhp(
		`foreach ( array( 'kimaki', 'opencode' ) as $id ) { \\WP_Coding_Agents\\Runtimes\\Plugin::store()->put( $id, array( 'fields' => \\WP_Coding_Agents\\Runtimes\\Rules\\Presets::get( $id )['fields'] ) ); }`
	);
	await openScreen( page );
	await openView( page, 'What DMC sees' );
	await expect( page.locator( '.wpca-lock-budget-warning' ) ).toHaveCount(
		0
	);
} );
