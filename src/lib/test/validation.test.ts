import {
	envVarHint,
	isUrlSubkey,
	labelHint,
	runtimeIdHint,
	subkeyHint,
} from '../validation';

describe( 'runtimeIdHint', () => {
	it.each( [
		'kimaki',
		'opencode',
		'my-agent',
		'agent2',
		'a',
		'x'.repeat( 64 ),
	] )( 'accepts %s', ( id ) => {
		expect( runtimeIdHint( id ) ).toBeNull();
	} );

	it.each( [
		[ 'empty', '' ],
		[ 'all digits (PHP makes it an integer key)', '123' ],
		[ 'leading digit', '1agent' ],
		[ 'underscore (DMC legacy rows split there)', 'my_agent' ],
		[ 'double hyphen', 'my--agent' ],
		[ 'trailing hyphen', 'agent-' ],
		[ 'uppercase', 'Kimaki' ],
		[ 'too long', 'x'.repeat( 65 ) ],
	] )( 'rejects %s', ( _case, id ) => {
		expect( runtimeIdHint( id ) ).toEqual( expect.any( String ) );
	} );
} );

describe( 'subkeyHint', () => {
	it.each( [ 'session_id', 'thread_url', 'run_id', 'a1' ] )(
		'accepts %s',
		( subkey ) => {
			expect( subkeyHint( subkey ) ).toBeNull();
		}
	);

	it.each( [
		'',
		'Session_id',
		'_id',
		'1id',
		'session-id',
		'x'.repeat( 65 ),
	] )( 'rejects "%s"', ( subkey ) => {
		expect( subkeyHint( subkey ) ).toEqual( expect.any( String ) );
	} );
} );

describe( 'envVarHint', () => {
	it.each( [
		'KIMAKI_SESSION_ID',
		'_PRIVATE',
		'lower_case',
		'A'.repeat( 128 ),
	] )( 'accepts %s', ( name ) => {
		expect( envVarHint( name ) ).toBeNull();
	} );

	it.each( [ '', '1BAD', 'BAD-NAME', 'BAD NAME', 'A'.repeat( 129 ) ] )(
		'rejects "%s"',
		( name ) => {
			expect( envVarHint( name ) ).toEqual( expect.any( String ) );
		}
	);
} );

describe( 'labelHint', () => {
	it( 'accepts plain text up to 100 characters', () => {
		expect( labelHint( 'Kimaki' ) ).toBeNull();
		expect( labelHint( 'x'.repeat( 100 ) ) ).toBeNull();
	} );

	it( 'warns about length and tags', () => {
		expect( labelHint( 'x'.repeat( 101 ) ) ).toEqual(
			expect.any( String )
		);
		expect( labelHint( '<b>Kimaki</b>' ) ).toEqual( expect.any( String ) );
	} );
} );

describe( 'isUrlSubkey', () => {
	it( 'matches DMC: url or a subkey ending in _url', () => {
		expect( isUrlSubkey( 'url' ) ).toBe( true );
		expect( isUrlSubkey( 'thread_url' ) ).toBe( true );
		expect( isUrlSubkey( 'urls' ) ).toBe( false );
		expect( isUrlSubkey( 'curl' ) ).toBe( false );
	} );
} );
