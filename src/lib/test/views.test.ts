import { locationSearch, parseLocation } from '../views';

describe( 'parseLocation', () => {
	it( 'reads the view and the runtime from the query', () => {
		expect(
			parseLocation( '?page=wpca-runtimes&view=records&runtime=kimaki' )
		).toEqual( { view: 'records', runtime: 'kimaki' } );
	} );

	it( 'falls back to the runtimes view for a missing or unknown view', () => {
		expect( parseLocation( '?page=wpca-runtimes' ) ).toEqual( {
			view: 'runtimes',
			runtime: null,
		} );
		expect( parseLocation( '?view=__proto__&runtime=' ) ).toEqual( {
			view: 'runtimes',
			runtime: null,
		} );
	} );
} );

describe( 'locationSearch', () => {
	it( 'keeps the other arguments and sets view and runtime', () => {
		expect(
			locationSearch( '?page=wpca-runtimes&wpca-saved=1', {
				view: 'processes',
				runtime: 'opencode',
			} )
		).toBe(
			'?page=wpca-runtimes&wpca-saved=1&view=processes&runtime=opencode'
		);
	} );

	it( 'leaves the default view and no runtime out', () => {
		expect(
			locationSearch( '?page=wpca-runtimes&view=records&runtime=kimaki', {
				view: 'runtimes',
				runtime: null,
			} )
		).toBe( '?page=wpca-runtimes' );
	} );

	it( 'round-trips through parseLocation', () => {
		const location = { view: 'preview' as const, runtime: 'my-agent' };
		expect(
			parseLocation( locationSearch( '?page=wpca-runtimes', location ) )
		).toEqual( location );
	} );
} );
