import type { Runtime } from '../../api/types';
import { moveInOrder, registeredOrder } from '../order';

function runtime( id: string, registered: boolean ): Runtime {
	return {
		id,
		label: id,
		fields: { session_id: 'X' },
		enabled: registered,
		registered,
		preset: false,
		source: registered ? 'admin' : 'preset',
		updated_at: null,
		updated_by: null,
		collision: false,
		declared: null,
		overridden: [],
		revision: 0,
		etag: 'e0',
	};
}

describe( 'registeredOrder', () => {
	it( 'names exactly the registered runtimes, in list order', () => {
		expect(
			registeredOrder( [
				runtime( 'opencode', true ),
				runtime( 'mine', true ),
				runtime( 'kimaki', false ),
			] )
		).toEqual( [ 'opencode', 'mine' ] );
	} );
} );

describe( 'moveInOrder', () => {
	const order = [ 'kimaki', 'opencode', 'mine' ];

	it( 'swaps with the neighbour', () => {
		expect( moveInOrder( order, 'opencode', -1 ) ).toEqual( [
			'opencode',
			'kimaki',
			'mine',
		] );
		expect( moveInOrder( order, 'opencode', 1 ) ).toEqual( [
			'kimaki',
			'mine',
			'opencode',
		] );
	} );

	it( 'does not move past either end or move unknown ids', () => {
		expect( moveInOrder( order, 'kimaki', -1 ) ).toBeNull();
		expect( moveInOrder( order, 'mine', 1 ) ).toBeNull();
		expect( moveInOrder( order, 'absent', 1 ) ).toBeNull();
	} );

	it( 'leaves the given order untouched', () => {
		moveInOrder( order, 'mine', -1 );
		expect( order ).toEqual( [ 'kimaki', 'opencode', 'mine' ] );
	} );
} );
