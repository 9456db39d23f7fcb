/**
 * With a persistent object cache shared by the PHP workers (Redis, as multi-server
 * sites run it; `node scripts/test-site.mjs start --object-cache`): 8 clients each
 * doing 200 mixed operations on their own runtimes, at once. Every acknowledged
 * write is what the next read returns, every runtime ends in the state of its
 * client's last acknowledged operation, and what DMC reads through the cache is a
 * valid signature map at every sample.
 */
import { test, expect } from '@playwright/test';
import { testSite } from '../support/site';
import {
	clientAs,
	resetRegistry,
	wpPhpAsync,
	type RestClient,
	type RuntimeItem,
} from './helpers';

const CLIENTS = 8;
const OPERATIONS = 200;
const RUNTIMES_PER_CLIENT = 3;

type Model = Map<
	string,
	{ fields: Record< string, string >; enabled: boolean }
>;

/**
 * A small deterministic generator, so a failing run can be replayed.
 * @param seed Start value.
 */
function random( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 1103515245 + 12345 ) % 2147483648;
		return state / 2147483648;
	};
}

/** What DMC receives, read by a worker of the site through the object cache. */
function dmcSample(): Promise< string > {
	return wpPhpAsync(
		`$value = apply_filters( 'datamachine_code_worktree_runtime_signatures', array() ); $ok = is_array( $value ); foreach ( $ok ? $value : array() as $id => $fields ) { $ok = $ok && is_string( $id ) && is_array( $fields ) && array() !== $fields; foreach ( (array) $fields as $subkey => $env ) { $ok = $ok && is_string( $subkey ) && is_string( $env ) && '' !== $env; } } echo $ok ? 'valid' : 'INVALID ' . wp_json_encode( $value );`
	);
}

async function runClient(
	client: RestClient,
	index: number,
	model: Model,
	counts: Record< string, number >
): Promise< void > {
	const next = random( 7919 * ( index + 1 ) );
	const ids = Array.from(
		{ length: RUNTIMES_PER_CLIENT },
		( _, k ) => `c${ index }-r${ k }`
	);
	for ( let step = 0; step < OPERATIONS; step++ ) {
		const id = ids[ Math.floor( next() * ids.length ) ];
		const current = model.get( id );
		const roll = next();
		const fields = {
			session_id: `C${ index }_S${ step }`,
			...( roll < 0.5 ? { run_id: `C${ index }_R${ step }` } : {} ),
		};
		let kind: string;
		let response;
		if ( ! current || roll < 0.2 ) {
			kind = 'register';
			response = await client.put< RuntimeItem >( `/runtimes/${ id }`, {
				fields,
				enabled: roll < 0.6,
			} );
		} else if ( roll < 0.45 ) {
			kind = 'toggle';
			response = await client.patch< RuntimeItem >( `/runtimes/${ id }`, {
				enabled: ! current.enabled,
			} );
		} else if ( roll < 0.7 ) {
			kind = 'edit';
			response = await client.patch< RuntimeItem >( `/runtimes/${ id }`, {
				fields,
			} );
		} else if ( roll < 0.85 ) {
			kind = 'delete';
			response = await client.delete( `/runtimes/${ id }` );
		} else {
			// Reorder: move this runtime to the front, based on the order just read.
			kind = 'reorder';
			const listed = await client.get< RuntimeItem[] >( '/runtimes' );
			const order = listed.body
				.filter( ( item ) => item.registered )
				.map( ( item ) => item.id );
			response = await client.put( '/order', {
				order: [ id, ...order.filter( ( each ) => each !== id ) ],
			} );
			// Another client may register or delete in between: then the order is refused.
			if ( 400 === response.status ) {
				counts.refused = ( counts.refused ?? 0 ) + 1;
				continue;
			}
		}
		expect(
			response.status,
			`${ kind } ${ id }: ${ response.text }`
		).toBeLessThan( 300 );
		counts[ kind ] = ( counts[ kind ] ?? 0 ) + 1;
		if ( 'register' === kind ) {
			model.set( id, { fields, enabled: roll < 0.6 } );
		} else if ( 'toggle' === kind && current ) {
			model.set( id, { ...current, enabled: ! current.enabled } );
		} else if ( 'edit' === kind && current ) {
			model.set( id, { ...current, fields } );
		} else if ( 'delete' === kind ) {
			model.delete( id );
		}
		// The read after an acknowledged write returns that write, never an older value.
		const read = await client.get< RuntimeItem >( `/runtimes/${ id }` );
		const expected = model.get( id );
		if ( expected ) {
			expect( read.status, `read after ${ kind } ${ id }` ).toBe( 200 );
			expect(
				{ fields: read.body.fields, enabled: read.body.enabled },
				`read after ${ kind } ${ id }`
			).toEqual( expected );
		} else {
			expect( read.status, `read after ${ kind } ${ id }` ).toBe( 404 );
		}
	}
}

test( '8 clients x 200 mixed operations through the shared object cache lose nothing', async () => {
	test.skip(
		'redis' !== ( testSite() as { objectCache?: string } ).objectCache,
		'runs on the test site started with --object-cache'
	);
	test.setTimeout( 10 * 60 * 1000 );
	resetRegistry();
	const clients = await Promise.all(
		Array.from( { length: CLIENTS }, () => clientAs( 'admin' ) )
	);
	const models: Model[] = clients.map( () => new Map() );
	const counts: Record< string, number > = {};
	let running = true;
	let samples = 0;
	const sampler = ( async () => {
		while ( running ) {
			expect( await dmcSample() ).toBe( 'valid' );
			samples++;
		}
	} )();
	try {
		await Promise.all(
			clients.map( ( client, index ) =>
				runClient( client, index, models[ index ], counts )
			)
		);
	} finally {
		running = false;
		await sampler;
	}

	const listed = await clients[ 0 ].get< RuntimeItem[] >( '/runtimes' );
	for ( const [ index, model ] of models.entries() ) {
		const mine = listed.body.filter( ( item ) =>
			item.id.startsWith( `c${ index }-` )
		);
		expect(
			Object.fromEntries(
				mine.map( ( item ) => [
					item.id,
					{ fields: item.fields, enabled: item.enabled },
				] )
			),
			`client ${ index }`
		).toEqual( Object.fromEntries( model ) );
	}
	process.stdout.write(
		`object cache: ${ CLIENTS } clients x ${ OPERATIONS } operations ${ JSON.stringify( counts ) }, ${ samples } samples of DMC's value, all valid\n`
	);
	await Promise.all( clients.map( ( client ) => client.dispose() ) );
	resetRegistry();
} );
