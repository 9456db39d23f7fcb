import { errorMessage, isRestError } from '../errors';

describe( 'errorMessage', () => {
	it( "shows the server's message, which names the field", () => {
		const error = {
			code: 'wpca_invalid_fields',
			message:
				'fields.session_id: "1BAD" is not a valid environment variable name.',
			data: { status: 400, params: { fields: 'fields.session_id: …' } },
		};
		expect( isRestError( error ) ).toBe( true );
		expect( errorMessage( error ) ).toBe( error.message );
	} );

	it( 'falls back to an Error message, then to a generic text', () => {
		expect( errorMessage( new Error( 'boom' ) ) ).toBe( 'boom' );
		expect( errorMessage( { code: 'x', message: '' } ) ).toEqual(
			expect.any( String )
		);
		expect( errorMessage( undefined ) ).not.toBe( '' );
		expect( isRestError( 'text' ) ).toBe( false );
	} );
} );
