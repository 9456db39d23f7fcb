#!/usr/bin/env node
/**
 * The admin app's weight: build/index.js and build/index.css gzipped (level 9, as a
 * server compresses them), against the JavaScript's budget. `npm run bench` reports the
 * same figures; `npm test` runs `--check`, which fails when the JavaScript is over
 * budget, so a change that makes every admin download it heavier says so in its landing.
 *
 *   node scripts/bundle-size.mjs           print the sizes
 *   node scripts/bundle-size.mjs --check   also fail when build/index.js is over budget
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

/** Budgets in KB (1024 bytes) gzipped; null: measured, no budget. */
export const BUNDLE_BUDGETS = [
	[ 'index.js', 30 ],
	[ 'index.css', null ],
];

/**
 * A built file's gzipped size in KB.
 * @param {string} file File name under build/.
 * @return {number} KB.
 */
export function gzippedKB( file ) {
	return (
		zlib.gzipSync( fs.readFileSync( path.join( ROOT, 'build', file ) ), {
			level: 9,
		} ).length / 1024
	);
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	let over = 0;
	for ( const [ file, budget ] of BUNDLE_BUDGETS ) {
		const kb = gzippedKB( file );
		const verdict =
			null === budget
				? ''
				: ` (budget ${ budget } KB${ kb > budget ? ': OVER' : '' })`;
		process.stdout.write(
			`build/${ file }: ${ kb.toFixed( 1 ) } KB gzipped${ verdict }\n`
		);
		if ( null !== budget && kb > budget ) {
			++over;
		}
	}
	if ( process.argv.includes( '--check' ) && over > 0 ) {
		process.exit( 1 );
	}
}
