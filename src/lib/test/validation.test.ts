import {
	draftProblems,
	envVarHint,
	isKeptUrl,
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
	it( 'accepts plain text', () => {
		expect( labelHint( 'Kimaki' ) ).toBeNull();
	} );

	it( 'warns about tags (the length is a problem of its own)', () => {
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

describe( 'draftProblems', () => {
	const rows = ( ...pairs: Array< [ string, string ] > ) =>
		pairs.map( ( [ subkey, env ], index ) => ( {
			key: `r${ index + 1 }`,
			subkey,
			env,
		} ) );

	it( 'finds nothing in a valid draft; blank rows are ignored', () => {
		expect(
			draftProblems( {
				id: 'my-agent',
				existingIds: [ 'kimaki' ],
				label: 'My agent',
				rows: rows( [ 'session_id', 'MY_SESSION' ], [ '', ' ' ] ),
			} )
		).toEqual( [] );
	} );

	it( 'points each problem at its input, in the order of the inputs', () => {
		const problems = draftProblems( {
			id: 'kimaki',
			existingIds: [ 'kimaki' ],
			label: 'x'.repeat( 101 ),
			rows: rows(
				[ 'session_id', '1BAD' ],
				[ 'Session', 'OK' ],
				[ 'session_id', '' ]
			),
		} );
		expect( problems.map( ( problem ) => problem.field ) ).toEqual( [
			'id',
			'label',
			'env:r1',
			'subkey:r2',
			'subkey:r3',
			'env:r3',
		] );
		expect( problems[ 4 ].message ).toContain( 'Row 1' );
	} );

	it( 'asks for at least one field, and at most the server’s limit', () => {
		expect(
			draftProblems( { label: '', rows: rows( [ '', '' ] ) } )
		).toEqual( [ { field: 'fields', message: expect.any( String ) } ] );
		const many = Array.from( { length: 17 }, ( _, index ) => [
			`k${ index }`,
			`V${ index }`,
		] ) as Array< [ string, string ] >;
		expect(
			draftProblems( { label: '', rows: rows( ...many ) } ).map(
				( problem ) => problem.field
			)
		).toEqual( [ 'fields' ] );
	} );

	it( 'never words a problem as a pattern or a field path', () => {
		const problems = draftProblems( {
			id: 'My_Agent',
			label: '',
			rows: rows(
				[ 'Bad-Key', '$HOME' ],
				[ 'ok', 'A=B' ],
				[ 'ok2', 'A B' ]
			),
		} );
		expect( problems ).toHaveLength( 5 );
		for ( const { message } of problems ) {
			expect( message ).not.toMatch( /\^|\$\)|\[|pattern/ );
		}
		expect( problems[ 2 ].message ).toContain( 'Leave out the $' );
		expect( problems[ 3 ].message ).toContain( 'without =' );
		expect( problems[ 4 ].message ).toContain( 'no spaces' );
	} );
} );

describe( 'isKeptUrl', () => {
	it( 'matches DMC: an http(s) value, any case, of a URL subkey', () => {
		expect( isKeptUrl( 'thread_url', 'https://discord.com/x' ) ).toBe(
			true
		);
		expect( isKeptUrl( 'url', 'HTTP://x' ) ).toBe( true );
		expect( isKeptUrl( 'thread_url', 'ftp://x' ) ).toBe( false );
		expect( isKeptUrl( 'thread_url', 'discord.com/x' ) ).toBe( false );
		expect( isKeptUrl( 'session_id', 'https://x' ) ).toBe( false );
	} );
} );
