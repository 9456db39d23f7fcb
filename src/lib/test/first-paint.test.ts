import { pendingToggles, watchSubmit } from '../first-paint';

function firstPaint( html: string ): HTMLElement {
	const container = document.createElement( 'div' );
	container.innerHTML = `<form>${ html }</form>`;
	document.body.append( container );
	return container;
}

const toggle = ( id: string, checked: boolean ) =>
	`<input type="checkbox" data-wpca-runtime="${ id }" data-wpca-etag="e-${ id }" value="1" ${
		checked ? 'checked' : ''
	} />`;

describe( 'pendingToggles', () => {
	it( 'lists the checkboxes whose state differs from the one printed', () => {
		const container = firstPaint(
			toggle( 'kimaki', false ) +
				toggle( 'opencode', true ) +
				toggle( 'my-agent', false )
		);
		expect( pendingToggles( container ) ).toEqual( [] );
		const [ kimaki, opencode, myAgent ] = Array.from(
			container.querySelectorAll( 'input' )
		);
		kimaki.click();
		opencode.click();
		myAgent.click();
		myAgent.click();
		expect( pendingToggles( container ) ).toEqual( [
			{ id: 'kimaki', enabled: true, etag: 'e-kimaki' },
			{ id: 'opencode', enabled: false, etag: 'e-opencode' },
		] );
	} );

	it( 'lists nothing once the form was submitted: the server applies it', () => {
		const container = firstPaint( toggle( 'kimaki', false ) );
		watchSubmit( container );
		container.querySelector( 'input' )?.click();
		container
			.querySelector( 'form' )
			?.dispatchEvent( new Event( 'submit', { bubbles: true } ) );
		expect( pendingToggles( container ) ).toEqual( [] );
	} );
} );
