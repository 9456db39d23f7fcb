import { declaredEnvVars, signatureEntries } from '../signatures';

describe( 'signatureEntries', () => {
	it( 'keeps valid entries and pairs in filter order', () => {
		const entries = signatureEntries( {
			kimaki: {
				session_id: 'KIMAKI_SESSION_ID',
				thread_url: 'KIMAKI_THREAD_URL',
			},
			opencode: { session_id: 'OPENCODE_SESSION_ID' },
		} );
		expect(
			entries.map( ( entry ) => [ entry.id, entry.pairs, entry.ignored ] )
		).toEqual( [
			[
				'kimaki',
				[
					[ 'session_id', 'KIMAKI_SESSION_ID' ],
					[ 'thread_url', 'KIMAKI_THREAD_URL' ],
				],
				false,
			],
			[ 'opencode', [ [ 'session_id', 'OPENCODE_SESSION_ID' ] ], false ],
		] );
	} );

	it( 'marks what DMC skips, as the contract describes', () => {
		const entries = signatureEntries( {
			123: { session_id: 'DIGITS' },
			scalar: 'KIMAKI_SESSION_ID',
			list: [ 'A', 'B' ],
			empty: {},
			partial: {
				session_id: 'OK',
				run_id: '',
				7: 'NUMERIC_SUBKEY',
				other: 5,
			},
		} );
		const byId = Object.fromEntries(
			entries.map( ( entry ) => [ entry.id, entry ] )
		);
		expect( byId[ '123' ].ignored ).toBe( true );
		expect( byId.scalar.ignored ).toBe( true );
		expect( byId.list.ignored ).toBe( true );
		expect( byId.empty.ignored ).toBe( true );
		expect( byId.partial ).toMatchObject( {
			ignored: false,
			pairs: [ [ 'session_id', 'OK' ] ],
			droppedPairs: 3,
		} );
	} );
} );

describe( 'declaredEnvVars', () => {
	it( 'lists each variable DMC reads once, in reading order', () => {
		expect(
			declaredEnvVars( {
				kimaki: {
					session_id: 'KIMAKI_SESSION_ID',
					thread_id: 'KIMAKI_THREAD_ID',
				},
				broken: 'X',
				mine: {
					session_id: 'KIMAKI_SESSION_ID',
					run_id: 'MINE_RUN_ID',
				},
			} )
		).toEqual( [ 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'MINE_RUN_ID' ] );
	} );
} );
