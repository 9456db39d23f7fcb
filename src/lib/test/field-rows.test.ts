import { buildPutBody, newRow, rowsFromFields } from '../field-rows';

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
		const body = buildPutBody(
			[
				newRow( ' thread_id ', 'KIMAKI_THREAD_ID ' ),
				newRow( 'session_id', 'KIMAKI_SESSION_ID' ),
			],
			'  Kimaki ',
			false
		);
		expect( body ).toEqual( {
			fields: {
				thread_id: 'KIMAKI_THREAD_ID',
				session_id: 'KIMAKI_SESSION_ID',
			},
			enabled: false,
			label: 'Kimaki',
		} );
		expect( Object.keys( body.fields ) ).toEqual( [
			'thread_id',
			'session_id',
		] );
	} );

	it( 'ignores rows left blank', () => {
		const body = buildPutBody(
			[ newRow( 'session_id', 'A' ), newRow( '', '' ) ],
			'',
			true
		);
		expect( body.fields ).toEqual( { session_id: 'A' } );
	} );

	it( 'sends a "__proto__" subkey as data instead of changing the prototype', () => {
		const body = buildPutBody( [ newRow( '__proto__', 'X' ) ], '', true );
		expect( JSON.stringify( body.fields ) ).toBe( '{"__proto__":"X"}' );
	} );
} );
