/**
 * Statistics for `npm run bench`: medians, and ratios of paired measurements with a
 * distribution-free confidence interval, so a row says whether a difference is visible
 * above the machine's noise.
 */

export function median( values ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ middle ]
		: ( sorted[ middle - 1 ] + sorted[ middle ] ) / 2;
}

/**
 * The median of the per-round ratios candidate/baseline and its 95% confidence interval
 * (order statistics of the binomial distribution: no assumption about the noise's shape).
 * @param {number[]} candidate Times of the candidate, one per round.
 * @param {number[]} baseline  Times of the baseline, same rounds.
 * @return {{ratio: number, ci: [number, number]}} Median ratio and its interval.
 */
export function pairedRatio( candidate, baseline ) {
	const ratios = candidate
		.map( ( value, i ) => value / baseline[ i ] )
		.sort( ( a, b ) => a - b );
	const n = ratios.length;
	const spread = 1.96 * Math.sqrt( n );
	const lower = Math.max( 0, Math.floor( ( n - spread ) / 2 ) - 1 );
	const upper = Math.min( n - 1, Math.ceil( ( n + spread ) / 2 ) - 1 );
	return {
		ratio: median( ratios ),
		ci: [ ratios[ lower ], ratios[ upper ] ],
	};
}

/**
 * Runs timed variants in alternation, rotating which goes first each round, so all of
 * them see the same drift of a shared machine.
 * @param {Record<string, () => Promise<number>>} variants Timed runs by name.
 * @param {number}                                rounds   Rounds.
 * @return {Promise<Record<string, number[]>>} Times by name, in round order.
 */
export async function alternate( variants, rounds ) {
	const names = Object.keys( variants );
	const times = Object.fromEntries( names.map( ( name ) => [ name, [] ] ) );
	for ( let round = 0; round < rounds; round++ ) {
		for ( let i = 0; i < names.length; i++ ) {
			const name = names[ ( round + i ) % names.length ];
			times[ name ].push( await variants[ name ]() );
		}
	}
	return times;
}
