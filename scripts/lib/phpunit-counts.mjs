/**
 * Passed and failed counts from PHPUnit's output. Skipped and incomplete tests are not
 * passes, and a run in which no test passed (all skipped, say a suite that found no
 * multisite) is a failure: a suite that tests nothing must not look green.
 * @param {string} output PHPUnit's output.
 * @param {number} status Its exit status.
 * @return {{passed: number, failed: number, skipped: number}} Counts.
 */
export function phpunitCounts( output, status ) {
	const count = ( name ) =>
		Number( output.match( new RegExp( `${ name }: (\\d+)` ) )?.[ 1 ] ?? 0 );
	const ok = output.match( /^OK \((\d+) tests?/m );
	const tests = ok
		? Number( ok[ 1 ] )
		: Number( output.match( /^Tests: (\d+)/m )?.[ 1 ] ?? 0 );
	const failed = count( 'Errors' ) + count( 'Failures' );
	const skipped = count( 'Skipped' ) + count( 'Incomplete' );
	const passed = Math.max( 0, tests - failed - skipped );
	return {
		passed,
		failed: failed || ( 0 === status && passed > 0 ? 0 : 1 ),
		skipped,
	};
}
