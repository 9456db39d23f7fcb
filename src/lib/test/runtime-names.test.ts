import { runtimeNames, withRuntime } from '../runtime-names';

describe( 'runtimeNames', () => {
	it( 'uses the label when it tells the runtime apart', () => {
		expect(
			runtimeNames( [
				{ id: 'kimaki', label: 'Kimaki' },
				{ id: 'opencode', label: 'OpenCode' },
			] )
		).toEqual(
			new Map( [
				[ 'kimaki', 'Kimaki' ],
				[ 'opencode', 'OpenCode' ],
			] )
		);
	} );

	it( 'adds the id to a label two runtimes share, or that is another id', () => {
		const names = runtimeNames( [
			{ id: 'a', label: 'Agent' },
			{ id: 'b', label: 'agent' },
			{ id: 'c', label: 'A' },
			{ id: 'd', label: 'Dee' },
		] );
		expect( names.get( 'a' ) ).toBe( 'Agent (a)' );
		expect( names.get( 'b' ) ).toBe( 'agent (b)' );
		expect( names.get( 'c' ) ).toBe( 'A (c)' );
		expect( names.get( 'd' ) ).toBe( 'Dee' );
		expect( new Set( names.values() ).size ).toBe( 4 );
	} );

	it( 'falls back to the id without a label', () => {
		expect( runtimeNames( [ { id: 'my-agent', label: '' } ] ) ).toEqual(
			new Map( [ [ 'my-agent', 'my-agent' ] ] )
		);
	} );
} );

describe( 'withRuntime', () => {
	it( 'names a repeated field after its runtime, and leaves a lone one to its label', () => {
		expect( withRuntime( 'Subkey 1', 'Kimaki' ) ).toBe(
			'Subkey 1: Kimaki'
		);
		expect( withRuntime( 'Subkey 1' ) ).toBeUndefined();
	} );
} );
