import { Fragment } from '@wordpress/element';

/**
 * A variable name or subkey that wraps after its underscores on a narrow screen
 * (OPENCODE_SESSION_/ID), never in the middle of a word.
 * @param props
 * @param props.name
 */
export function BreakableName( { name }: { name: string } ) {
	const parts = name.split( /(?<=_)/ );
	return (
		<>
			{ parts.map( ( part, index ) => (
				<Fragment key={ index }>
					{ part }
					{ index < parts.length - 1 && <wbr /> }
				</Fragment>
			) ) }
		</>
	);
}
