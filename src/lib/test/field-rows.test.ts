import {
	buildPutBody,
	duplicateSubkeys,
	newRow,
	rowsFromFields,
} from '../field-rows';

describe( 'rowsFromFields', () => {
	it( 'keeps entry order and gives every row its own key', () => {
		const rows = rowsFromFields( {
			session_id: 'KIMAKI_SESSION_ID',
			thread_id: 'KIMAKI_THREAD_ID',
		} );
		expect( rows.map( ( row ) => [ row.subkey, row.env ] ) ).toEqual( [
			[ 'session_id', 'KIMAKI_SESSION_ID' ],
			[ 'thread_id', 'KIMAKI_THREAD_ID' ],
		] );
		expect( rows[ 0 ].key ).not.toBe( rows[ 1 ].key );
	} );
} );

describe( 'buildPutBody', () => {
	it( 'sends the rows in order, trimmed, with label and enabled', () => {
		const result = buildPutBody(
			[
				newRow( ' thread_id ', 'KIMAKI_THREAD_ID ' ),
				newRow( 'session_id', 'KIMAKI_SESSION_ID' ),
			],
			'  Kimaki ',
			false
		);
		expect( result ).toEqual( {
			ok: true,
			body: {
				fields: {
					thread_id: 'KIMAKI_THREAD_ID',
					session_id: 'KIMAKI_SESSION_ID',
				},
				enabled: false,
				label: 'Kimaki',
			},
		} );
		expect( result.ok && Object.keys( result.body.fields ) ).toEqual( [
			'thread_id',
			'session_id',
		] );
	} );

	it( 'ignores rows left blank but sends half-filled ones for the server to judge', () => {
		const result = buildPutBody(
			[
				newRow( 'session_id', 'A' ),
				newRow( '', '' ),
				newRow( '', 'B' ),
			],
			'',
			true
		);
		expect( result.ok && result.body.fields ).toEqual( {
			session_id: 'A',
			'': 'B',
		} );
	} );

	it( 'sends invalid names unchanged: the server is the authority', () => {
		const result = buildPutBody(
			[ newRow( 'session_id', '1BAD' ) ],
			'Kimaki',
			true
		);
		expect( result.ok && result.body.fields ).toEqual( {
			session_id: '1BAD',
		} );
	} );

	it( 'refuses a repeated subkey, which JSON would silently collapse', () => {
		const rows = [
			newRow( 'session_id', 'A' ),
			newRow( 'session_id ', 'B' ),
			newRow( 'run_id', 'C' ),
		];
		expect( duplicateSubkeys( rows ) ).toEqual( [ 'session_id' ] );
		const result = buildPutBody( rows, '', true );
		expect( result.ok ).toBe( false );
		expect( ! result.ok && result.message ).toContain( 'session_id' );
	} );

	it( 'sends a "__proto__" subkey as data instead of changing the prototype', () => {
		const result = buildPutBody( [ newRow( '__proto__', 'X' ) ], '', true );
		expect( result.ok && JSON.stringify( result.body.fields ) ).toBe(
			'{"__proto__":"X"}'
		);
	} );
} );
