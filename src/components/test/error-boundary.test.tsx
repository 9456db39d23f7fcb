/**
 * One panel that throws while rendering leaves the others on screen.
 */
import { act } from 'react';
import { createRoot } from '@wordpress/element';
import { ErrorBoundary } from '../error-boundary';

// @wordpress/components does not load under Jest here (an ESM-only dependency); its
// Notice is stood in for by the same contract: children, then one button per action.
// The ui e2e suite renders the real one.
jest.mock( '@wordpress/components', () => ( {
	Notice: ( {
		children,
		actions,
	}: {
		children: unknown;
		actions: Array< { label: string; onClick: () => void } >;
	} ) => (
		<div role="alert">
			{ children as string }
			{ actions.map( ( action ) => (
				<button key={ action.label } onClick={ action.onClick }>
					{ action.label }
				</button>
			) ) }
		</div>
	),
} ) );

// React 18: tell it this is a test environment, so act() applies updates at once.
(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

function Broken( { value }: { value: unknown } ): JSX.Element {
	// What a panel does with data of a shape nobody expected: an object as a child.
	return <p>{ value as string }</p>;
}

describe( 'ErrorBoundary', () => {
	let container: HTMLDivElement;
	let consoleError: jest.SpyInstance;
	beforeEach( () => {
		container = document.createElement( 'div' );
		document.body.append( container );
		// React logs the caught error; the test is about what the user sees.
		consoleError = jest
			.spyOn( console, 'error' )
			.mockImplementation( () => undefined );
	} );
	afterEach( () => {
		consoleError.mockRestore();
		container.remove();
	} );

	it( 'shows what failed in its panel, keeps the rest, and tries again', () => {
		const root = createRoot( container );
		act( () =>
			root.render(
				<>
					<ErrorBoundary name="The broken panel">
						<Broken value={ { nested: [ 'array' ] } } />
					</ErrorBoundary>
					<ErrorBoundary name="The other panel">
						<p>Still here</p>
					</ErrorBoundary>
				</>
			)
		);

		expect( container.textContent ).toContain(
			'The broken panel could not be shown: '
		);
		expect( container.textContent ).toContain( 'Still here' );
		const retry = [ ...container.querySelectorAll( 'button' ) ].find(
			( button ) => 'Try again' === button.textContent
		);
		expect( retry ).toBeDefined();

		act( () =>
			root.render(
				<>
					<ErrorBoundary name="The broken panel">
						<Broken value="fixed data" />
					</ErrorBoundary>
					<ErrorBoundary name="The other panel">
						<p>Still here</p>
					</ErrorBoundary>
				</>
			)
		);
		act( () => retry?.click() );

		expect( container.textContent ).toContain( 'fixed data' );
		expect( container.textContent ).not.toContain( 'could not be shown' );
		act( () => root.unmount() );
	} );
} );
