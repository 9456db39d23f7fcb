import { DEFAULT_RECORDS_QUERY, locationSearch, parseLocation } from '../views';

const records = DEFAULT_RECORDS_QUERY;

describe( 'parseLocation', () => {
	it( 'reads the view and the runtime from the query', () => {
		expect(
			parseLocation( '?page=wpca-runtimes&view=records&runtime=kimaki' )
		).toEqual( { view: 'records', runtime: 'kimaki', records } );
	} );

	it( 'falls back to the runtimes view for a missing or unknown view', () => {
		expect( parseLocation( '?page=wpca-runtimes' ) ).toEqual( {
			view: 'runtimes',
			runtime: null,
			records,
		} );
		expect( parseLocation( '?view=__proto__&runtime=' ) ).toEqual( {
			view: 'runtimes',
			runtime: null,
			records,
		} );
	} );
} );

describe( 'locationSearch', () => {
	it( 'keeps the other arguments and sets view and runtime', () => {
		expect(
			locationSearch( '?page=wpca-runtimes&wpca-saved=1', {
				view: 'processes',
				runtime: 'opencode',
				records,
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
				records,
			} )
		).toBe( '?page=wpca-runtimes' );
	} );

	it( 'round-trips through parseLocation', () => {
		const location = {
			view: 'records' as const,
			runtime: 'my-agent',
			records: {
				attributed: false,
				search: 'fix login',
				orderby: 'handle' as const,
				order: 'asc' as const,
				page: 3,
			},
		};
		expect(
			parseLocation( locationSearch( '?page=wpca-runtimes', location ) )
		).toEqual( location );
	} );
} );

describe( 'the records query', () => {
	it( 'reads core list-table arguments and ignores what it cannot read', () => {
		expect(
			parseLocation(
				'?view=records&attributed=maybe&orderby=primary&order=up&paged=-2&s='
			).records
		).toEqual( records );
		expect(
			parseLocation( '?attributed=true&orderby=handle&order=asc&paged=2' )
				.records
		).toEqual( {
			attributed: true,
			search: '',
			orderby: 'handle',
			order: 'asc',
			page: 2,
		} );
	} );
} );
