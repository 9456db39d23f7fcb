/**
 * Counts and failing tests from the machine-readable reports the runners write (Jest's
 * --json, PHPUnit's --log-junit), so `npm test` never reads a runner's text output.
 * A report that is missing or unreadable (the runner crashed before writing it) and a
 * run in which no test passed (all skipped, say a suite that found no multisite) are
 * failures: a suite that tests nothing must not look green.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {Object} Counts
 * @property {number}   passed   Tests that passed.
 * @property {number}   failed   Tests that failed or errored (at least 1 when the run failed).
 * @property {number}   skipped  Skipped or incomplete tests (not passes).
 * @property {string[]} failures One line per failing test: its name and the gist of its error.
 */

/**
 * The first lines of an error message, on one line.
 * @param {string} message Error text (may hold ANSI colours).
 * @return {string} At most 3 lines joined by " | ", at most 400 characters.
 */
export function gist( message = '' ) {
	return message
		.replace( /\u001b\[[0-9;]*m/g, '' )
		.split( '\n' )
		.map( ( line ) => line.trim() )
		.filter( Boolean )
		.slice( 0, 3 )
		.join( ' | ' )
		.slice( 0, 400 );
}

/**
 * Whatever the counts say, a run that exited non-zero or passed nothing failed.
 * @param {Counts} counts From the report.
 * @param {number} status The runner's exit status.
 * @return {Counts} Counts with `failed` at least 1 in those cases.
 */
function failedRunFails( counts, status ) {
	const failed =
		counts.failed || ( 0 === status && counts.passed > 0 ? 0 : 1 );
	return { ...counts, failed };
}

/**
 * @param {string} file   Jest's --json --outputFile.
 * @param {number} status Jest's exit status.
 * @return {Counts} Counts.
 */
export function jestReport( file, status ) {
	let json;
	try {
		json = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch {
		return failedRunFails(
			{ passed: 0, failed: 0, skipped: 0, failures: [] },
			status
		);
	}
	const failures = json.testResults.flatMap( ( suite ) => {
		const failedTests = suite.assertionResults
			.filter( ( test ) => 'failed' === test.status )
			.map(
				( test ) =>
					`${ path.relative( process.cwd(), suite.name ) } › ${
						test.fullName
					} — ${ gist( test.failureMessages?.[ 0 ] ) }`
			);
		// A file that failed to run (syntax error, failing import) has no tests to list.
		return failedTests.length || 'failed' !== suite.status
			? failedTests
			: [
					`${ path.relative( process.cwd(), suite.name ) } — ${ gist(
						suite.message
					) }`,
				];
	} );
	return failedRunFails(
		{
			passed: json.numPassedTests,
			failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
			skipped: json.numPendingTests + json.numTodoTests,
			failures,
		},
		status
	);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * @param {string} text XML text or attribute value.
 * @return {string} With its entities decoded.
 */
function decodeXml( text ) {
	return text.replace( /&(#x[0-9a-f]+|#\d+|\w+);/gi, ( entity, name ) => {
		if ( name.startsWith( '#x' ) || name.startsWith( '#X' ) ) {
			return String.fromCodePoint( parseInt( name.slice( 2 ), 16 ) );
		}
		if ( name.startsWith( '#' ) ) {
			return String.fromCodePoint( Number( name.slice( 1 ) ) );
		}
		return ENTITIES[ name ] ?? entity;
	} );
}

/**
 * @param {string} tag An element's start tag's attribute text.
 * @return {Record<string,string>} Its attributes.
 */
function attributes( tag ) {
	return Object.fromEntries(
		[ ...tag.matchAll( /([\w:-]+)="([^"]*)"/g ) ].map( ( [ , n, v ] ) => [
			n,
			decodeXml( v ),
		] )
	);
}

/**
 * @param {string} file   PHPUnit's --log-junit file.
 * @param {number} status PHPUnit's exit status.
 * @return {Counts} Counts.
 */
export function phpunitReport( file, status ) {
	let xml;
	try {
		xml = fs.readFileSync( file, 'utf8' );
	} catch {
		xml = '';
	}
	let tests = 0;
	let failed = 0;
	let skipped = 0;
	const failures = [];
	// Every test case, empty (<testcase …/>) or with its outcome inside.
	for ( const [ , attrs, , body = '' ] of xml.matchAll(
		/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g
	) ) {
		tests++;
		const outcome = body.match(
			/<(failure|error|warning)\b[^>]*>([\s\S]*?)<\/\1>|<(failure|error|warning)\b[^>]*\/>/
		);
		// Warnings fail too: phpunit.xml.dist sets failOnWarning (and risky tests are errors).
		if ( outcome ) {
			failed++;
			const test = attributes( attrs );
			const id = `${ test.class ?? test.classname }::${ test.name }`;
			// PHPUnit starts the message with the test's own name: said once is enough.
			const message = decodeXml( outcome[ 2 ] ?? '' ).replace(
				/^[^\n]*\n/,
				( first ) => ( first.startsWith( id ) ? '' : first )
			);
			failures.push( `${ id } — ${ gist( message ) }` );
		} else if ( /<skipped\b/.test( body ) ) {
			skipped++;
		}
	}
	return failedRunFails(
		{ passed: tests - failed - skipped, failed, skipped, failures },
		status
	);
}
