import { errorMessage, isRestError, refusedInput } from '../errors';

// Refusals exactly as the server words them (PUT /runtimes/<id>, PUT /attribution/observation-settings).
const invalidEnv = {
	code: 'wpca_invalid_fields',
	message:
		'Invalid fields: must map 1 to 16 subkeys to environment variable names; fields[session_id] does not match pattern ^[A-Za-z_][A-Za-z0-9_]*$.',
	data: {
		status: 400,
		params: {
			fields: 'Invalid fields: must map 1 to 16 subkeys to environment variable names; fields[session_id] does not match pattern ^[A-Za-z_][A-Za-z0-9_]*$.',
		},
	},
};
const invalidId = {
	code: 'wpca_invalid_id',
	message:
		'Invalid id: use 1 to 64 lowercase letters, digits and single dashes, starting with a letter (^[a-z][a-z0-9]*(-[a-z0-9]+)*$).',
	data: { status: 400, params: { id: '…' } },
};
const invalidWindow = {
	code: 'wpca_invalid_window_days',
	message:
		'Invalid window_days: must be a whole number of days from 1 to 365.',
	data: { status: 400, params: { window_days: '…' } },
};

describe( 'errorMessage', () => {
	it( 'shows a plain server message as it is', () => {
		const conflict = {
			code: 'wpca_conflict',
			message:
				'Runtime "kimaki" was changed by admin (admin) at 2026-12-01T10:00:00Z since it was loaded; nothing was saved.',
			data: { status: 412 },
		};
		expect( isRestError( conflict ) ).toBe( true );
		expect( errorMessage( conflict ) ).toBe( conflict.message );
	} );

	it.each( [ invalidEnv, invalidId, invalidWindow ] )(
		'never shows a pattern or a field path ($code)',
		( error ) => {
			const message = errorMessage( error );
			expect( message ).not.toMatch(
				/\^|\[session_id\]|pattern|window_days/
			);
			expect( message ).not.toBe( '' );
		}
	);

	it( 'falls back to an Error message, then to a generic text', () => {
		expect( errorMessage( new Error( 'boom' ) ) ).toBe( 'boom' );
		expect( errorMessage( { code: 'x', message: '' } ) ).toEqual(
			expect.any( String )
		);
		expect( errorMessage( undefined ) ).not.toBe( '' );
		expect( isRestError( 'text' ) ).toBe( false );
	} );
} );

describe( 'refusedInput', () => {
	const rows = [
		{ key: 'r1', subkey: 'session_id', env: '1BAD' },
		{ key: 'r2', subkey: 'run_id', env: 'RUN' },
	];

	it( 'points a refused variable name at its row, in the browser’s own words', () => {
		expect( refusedInput( invalidEnv, { label: '', rows } ) ).toEqual( {
			field: 'env:r1',
			message:
				'Use letters, digits and underscores, not starting with a digit, for example KIMAKI_SESSION_ID.',
		} );
	} );

	it( 'finds the row from the field path when the browser saw nothing wrong', () => {
		const sent = {
			label: '',
			rows: [ { key: 'r1', subkey: 'session_id', env: 'FINE' } ],
		};
		expect( refusedInput( invalidEnv, sent ) ).toEqual( {
			field: 'env:r1',
			message: expect.not.stringMatching( /\^|pattern/ ),
		} );
	} );

	it( 'points a refused id at the id input', () => {
		expect(
			refusedInput( invalidId, { id: 'My_Agent', label: '', rows } )
		).toMatchObject( { field: 'id' } );
	} );

	it( 'leaves refusals about no input to the screen', () => {
		expect(
			refusedInput(
				{ code: 'wpca_conflict', message: 'x', data: { status: 412 } },
				{ label: '', rows }
			)
		).toBeNull();
		expect(
			refusedInput( new Error( 'offline' ), { label: '', rows } )
		).toBeNull();
	} );
} );
