/**
 * The Tools → Agent Runtimes screen, driven like an administrator would, with
 * the published filter value (what DMC reads) checked after every change.
 */
import { expect, test } from '@playwright/test';
import {
	editorInput,
	cardFields,
	dmcPanel,
	expectDmcOrder,
	fillFieldRow,
	inView,
	openScreen,
	publishedSignatures,
	publishToggle,
	resetRegistry,
	runtimeCard,
	setPublished,
	storedState,
	submitNewRuntime,
	tableRows,
} from './helpers';

const KIMAKI_PRESET_FIELDS = [
	[ 'session_id', 'KIMAKI_SESSION_ID' ],
	[ 'thread_id', 'KIMAKI_THREAD_ID' ],
	[ 'thread_url', 'KIMAKI_THREAD_URL' ],
];

test.beforeEach( () => {
	resetRegistry();
} );

test( 'admin sees both presets with their environment variables', async ( {
	page,
} ) => {
	await openScreen( page );

	await expect(
		runtimeCard( page, 'kimaki' ).getByRole( 'heading', { name: /Kimaki/ } )
	).toBeVisible();
	await expect
		.poll( () => tableRows( cardFields( page, 'kimaki' ) ) )
		.toEqual( KIMAKI_PRESET_FIELDS );
	await expect(
		runtimeCard( page, 'opencode' ).getByRole( 'heading', {
			name: /OpenCode/,
		} )
	).toBeVisible();
	await expect
		.poll( () => tableRows( cardFields( page, 'opencode' ) ) )
		.toEqual( [
			[ 'session_id', 'OPENCODE_SESSION_ID' ],
			[ 'run_id', 'OPENCODE_RUN_ID' ],
		] );

	// Nothing is registered yet: both are unpublished presets and DMC sees nothing.
	for ( const id of [ 'kimaki', 'opencode' ] ) {
		await expect( publishToggle( page, id ) ).not.toBeChecked();
		await expect( runtimeCard( page, id ) ).toContainText(
			'Preset, not registered'
		);
	}
	await inView( page, 'What DMC sees', () =>
		expect( dmcPanel( page ) ).toContainText(
			'DMC sees no runtime signatures'
		)
	);
	await expectDmcOrder( page, [] );
} );

test( 'enable, edit, disable and re-enable, add and reorder: DMC sees each change', async ( {
	page,
} ) => {
	await openScreen( page );

	// Enable kimaki: published with the preset mapping, written by the admin screen.
	await setPublished( page, 'kimaki', true );
	await expectDmcOrder( page, [ 'kimaki' ] );
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		'Admin screen'
	);
	await expect( runtimeCard( page, 'kimaki' ) ).toContainText(
		/Updated .+ by admin/
	);
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'kimaki',
	] );

	// Edit: the runtime also exports KIMAKI_CHANNEL_ID, and the thread id moved.
	const kimaki = runtimeCard( page, 'kimaki' );
	await kimaki.getByRole( 'button', { name: 'Edit' } ).click();
	await editorInput( kimaki, 'Environment variable 2', 'Kimaki' ).fill(
		'KIMAKI_THREAD'
	);
	await kimaki
		.getByRole( 'button', { name: 'Add field: Kimaki', exact: true } )
		.click();
	await fillFieldRow(
		kimaki,
		4,
		'channel_id',
		'KIMAKI_CHANNEL_ID',
		'Kimaki'
	);
	await kimaki.getByRole( 'button', { name: 'Save' } ).click();
	const editedKimaki = [
		[ 'session_id', 'KIMAKI_SESSION_ID' ],
		[ 'thread_id', 'KIMAKI_THREAD' ],
		[ 'thread_url', 'KIMAKI_THREAD_URL' ],
		[ 'channel_id', 'KIMAKI_CHANNEL_ID' ],
	];
	await expect
		.poll( () => tableRows( cardFields( page, 'kimaki' ) ) )
		.toEqual( editedKimaki );
	// DMC receives it exactly as registered, which the DMC card says rather than repeats.
	await inView( page, 'What DMC sees', () =>
		expect(
			dmcPanel( page )
				.getByRole( 'listitem' )
				.filter( { hasText: 'kimaki' } )
		).toContainText( 'as registered' )
	);
	expect( publishedSignatures() ).toEqual( [
		[ 'kimaki', Object.fromEntries( editedKimaki ) ],
	] );

	await setPublished( page, 'opencode', true );
	await expectDmcOrder( page, [ 'kimaki', 'opencode' ] );

	// Off: DMC stops seeing kimaki, but its mapping and first place are kept.
	await setPublished( page, 'kimaki', false );
	await expectDmcOrder( page, [ 'opencode' ] );
	await expect
		.poll( () => tableRows( cardFields( page, 'kimaki' ) ) )
		.toEqual( editedKimaki );
	await expect(
		runtimeCard( page, 'kimaki' ).getByRole( 'heading' )
	).toContainText( '1.' );
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'opencode',
	] );

	// On again: back in first place with the edited mapping.
	await setPublished( page, 'kimaki', true );
	await expectDmcOrder( page, [ 'kimaki', 'opencode' ] );
	expect( publishedSignatures()[ 0 ] ).toEqual( [
		'kimaki',
		Object.fromEntries( editedKimaki ),
	] );

	// A custom runtime is appended after the presets.
	const addForm = await submitNewRuntime( page, {
		id: 'my-agent',
		label: 'My Agent',
		fields: [ [ 'session_id', 'MY_AGENT_SESSION_ID' ] ],
	} );
	await expectDmcOrder( page, [ 'kimaki', 'opencode', 'my-agent' ] );
	await expect(
		runtimeCard( page, 'my-agent' ).getByRole( 'heading' )
	).toContainText( 'My Agent' );
	await expect(
		addForm.getByLabel( 'Runtime ID', { exact: true } )
	).toHaveValue( '' );

	// Reorder: my-agent to the top takes precedence for DMC.
	await runtimeCard( page, 'my-agent' )
		.getByRole( 'button', { name: 'Move up' } )
		.click();
	await expectDmcOrder( page, [ 'kimaki', 'my-agent', 'opencode' ] );
	await runtimeCard( page, 'my-agent' )
		.getByRole( 'button', { name: 'Move up' } )
		.click();
	await expectDmcOrder( page, [ 'my-agent', 'kimaki', 'opencode' ] );
	await expect(
		runtimeCard( page, 'my-agent' ).getByRole( 'button', {
			name: 'Move up',
		} )
	).toBeDisabled();
	expect( publishedSignatures().map( ( [ id ] ) => id ) ).toEqual( [
		'my-agent',
		'kimaki',
		'opencode',
	] );

	// Everything survives a reload.
	await page.reload();
	await expectDmcOrder( page, [ 'my-agent', 'kimaki', 'opencode' ] );
	const cardOrder = await page
		.getByRole( 'region', { name: /^Runtime / } )
		.evaluateAll( ( cards ) =>
			cards.map( ( card ) => card.getAttribute( 'aria-label' ) )
		);
	expect( cardOrder ).toEqual( [
		'Runtime my-agent',
		'Runtime kimaki',
		'Runtime opencode',
	] );

	// Deleting the custom runtime removes it; resetting kimaki restores the preset.
	const mine = runtimeCard( page, 'my-agent' );
	await mine.getByRole( 'button', { name: 'Delete' } ).click();
	await mine.getByRole( 'button', { name: 'Confirm: Delete' } ).click();
	await expect( mine ).toHaveCount( 0 );
	await expectDmcOrder( page, [ 'kimaki', 'opencode' ] );
	await kimaki.getByRole( 'button', { name: 'Reset to default' } ).click();
	await kimaki
		.getByRole( 'button', { name: 'Confirm: Reset to default' } )
		.click();
	await expectDmcOrder( page, [ 'opencode' ] );
	await expect( publishToggle( page, 'kimaki' ) ).not.toBeChecked();
	await expect
		.poll( () => tableRows( cardFields( page, 'kimaki' ) ) )
		.toEqual( KIMAKI_PRESET_FIELDS );
} );

test( 'an invalid value is refused in the browser, named at its input, and stores nothing', async ( {
	page,
} ) => {
	await openScreen( page );
	await setPublished( page, 'kimaki', true );
	const before = storedState();

	const kimaki = runtimeCard( page, 'kimaki' );
	await kimaki.getByRole( 'button', { name: 'Edit' } ).click();
	const env = editorInput( kimaki, 'Environment variable 1', 'Kimaki' );
	await env.fill( '1BAD' );
	await kimaki.getByRole( 'button', { name: 'Save' } ).click();
	// Plain words at the input and in the summary; never the pattern or field path.
	await expect( env ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( kimaki.locator( '.wpca-error-summary' ) ).toContainText(
		'Environment variable 1: Use letters, digits and underscores, not starting with a digit'
	);
	await expect( kimaki ).not.toContainText( 'fields[session_id]' );
	await expect( env ).toHaveValue( '1BAD' );

	// An invalid id in the add form is named at the id.
	const addForm = await submitNewRuntime( page, {
		id: 'My_Agent',
		fields: [ [ 'session_id', 'MY_AGENT_SESSION_ID' ] ],
	} );
	await expect(
		addForm.getByLabel( 'Runtime ID', { exact: true } )
	).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( addForm.locator( '.wpca-error-summary' ) ).toContainText(
		'Runtime ID: Use lowercase letters and digits'
	);

	expect( storedState() ).toBe( before );
	await page.reload();
	await expect
		.poll( () => tableRows( cardFields( page, 'kimaki' ) ) )
		.toEqual( KIMAKI_PRESET_FIELDS );
	await expectDmcOrder( page, [ 'kimaki' ] );
	expect( publishedSignatures()[ 0 ][ 1 ].session_id ).toBe(
		'KIMAKI_SESSION_ID'
	);
	await expect( runtimeCard( page, 'My_Agent' ) ).toHaveCount( 0 );
} );
