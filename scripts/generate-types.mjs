#!/usr/bin/env node
/**
 * `npm run generate-types`: writes src/api/schema.generated.ts from what the server
 * publishes about wp-coding-agents/v1 — each route's schema and each endpoint's args,
 * as WordPress's REST server describes them (scripts/lib/export-rest-schema.php, run in
 * PHP against the test site's database; no HTTP request) — and the Schema class's
 * patterns and limits, and DMC's rules the resolver states as constants, for the
 * screen's hints. json-schema-to-typescript does the
 * conversion; shapes several routes share become one named type each
 * (shareRepeatedShapes).
 *
 * `--check` writes nothing and fails when the committed file differs from what the
 * server says now (npm test runs it).
 *
 * Uses the running test site of WPCA_SITE_FILE (default .cache/test-site/site.json);
 * when none answers it boots one (`scripts/test-site.mjs`) and stops it afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
// Prettier and its WordPress config come with @wordpress/scripts: the file is formatted
// exactly as lint-js expects.
// eslint-disable-next-line import/no-extraneous-dependencies
import prettier from 'prettier';
import { ROOT } from './lib/common.mjs';

const OUTPUT = path.join( ROOT, 'src', 'api', 'schema.generated.ts' );
const SITE_FILE =
	process.env.WPCA_SITE_FILE ||
	path.join( ROOT, '.cache', 'test-site', 'site.json' );
const CHECK = process.argv.includes( '--check' );

function exportSchema() {
	const site = JSON.parse( fs.readFileSync( SITE_FILE, 'utf8' ) );
	return JSON.parse(
		execFileSync(
			'php',
			[
				path.join( ROOT, 'scripts', 'lib', 'export-rest-schema.php' ),
				site.wpDir,
				site.url,
			],
			{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ] }
		)
	);
}

function exportFromAnySite() {
	try {
		return exportSchema();
	} catch {
		// No site, or its database is not running: boot one for this run only.
	}
	execFileSync( 'node', [ 'scripts/test-site.mjs', 'start' ], {
		cwd: ROOT,
		stdio: [ 'ignore', 'ignore', 'inherit' ],
	} );
	try {
		return exportSchema();
	} finally {
		execFileSync( 'node', [ 'scripts/test-site.mjs', 'stop' ], {
			cwd: ROOT,
			stdio: [ 'ignore', 'ignore', 'inherit' ],
		} );
	}
}

const pascal = ( text ) =>
	text
		.split( /[^A-Za-z0-9]+/ )
		.filter( Boolean )
		.map( ( word ) => word[ 0 ].toUpperCase() + word.slice( 1 ) )
		.join( '' );

/**
 * A response carries every property its schema declares (the controller builds each
 * one) unless the schema lists which are required, so every property is required and
 * nothing undeclared is expected; an object without declared properties is a free map.
 * @param {Object} schema JSON schema.
 * @return {Object} The schema with `required` lists.
 */
function asResponse( schema ) {
	// PHP's empty array(), "any value", reaches JSON as [].
	if ( Array.isArray( schema ) && 0 === schema.length ) {
		return {};
	}
	if ( Array.isArray( schema ) || 'object' !== typeof schema || ! schema ) {
		return schema;
	}
	const copy = Object.fromEntries(
		Object.entries( schema ).map( ( [ key, value ] ) => [
			key,
			[ 'properties', 'patternProperties' ].includes( key )
				? Object.fromEntries(
						Object.entries( value ).map( ( [ name, child ] ) => [
							name,
							asResponse( child ),
						] )
					)
				: asResponse( value ),
		] )
	);
	if ( copy.properties && ! copy.required ) {
		copy.required = Object.keys( copy.properties );
	}
	const types = [ copy.type ].flat();
	if (
		types.includes( 'object' ) &&
		! copy.properties &&
		! copy.patternProperties &&
		undefined === copy.additionalProperties
	) {
		copy.additionalProperties = true;
	}
	return copy;
}

/**
 * The body of one endpoint as an object schema: its args minus the URL's own
 * parameters; required only where the arg says so.
 * @param {Object} args    Endpoint args as published.
 * @param {string} route   Route pattern.
 * @param {string} summary What the body is for, for the type's comment.
 * @return {Object|null} Schema, or null when the endpoint takes no body.
 */
function bodySchema( args, route, summary ) {
	const urlParams = [ ...route.matchAll( /\(\?P<([^>]+)>/g ) ].map(
		( match ) => match[ 1 ]
	);
	const properties = Object.fromEntries(
		Object.entries( Array.isArray( args ) ? {} : args ).filter(
			( [ name ] ) => ! urlParams.includes( name )
		)
	);
	if ( 0 === Object.keys( properties ).length ) {
		return null;
	}
	return {
		description: summary,
		type: 'object',
		properties,
		required: Object.keys( properties ).filter(
			( name ) => true === properties[ name ].required
		),
		additionalProperties: false,
	};
}

// A route pattern as part of a type name: /runtimes/(?P<id>[^/]+) → RuntimesById.
function routeName( route, namespace ) {
	return route
		.slice( namespace.length + 2 )
		.split( '/' )
		.map( ( segment ) => {
			const param = segment.match( /^\(\?P<([^>]+)>/ );
			return param ? `By${ pascal( param[ 1 ] ) }` : pascal( segment );
		} )
		.join( '' );
}

// The child schemas of a schema, each with a word for a type name, a step of its
// path for comments, and a way to swap it for another schema.
function children( schema ) {
	const found = [];
	for ( const key of [ 'properties', 'patternProperties' ] ) {
		for ( const name of Object.keys( schema[ key ] ?? {} ) ) {
			found.push( {
				node: schema[ key ][ name ],
				label: name,
				step: `.${ name }`,
				replace: ( other ) => ( schema[ key ][ name ] = other ),
			} );
		}
	}
	for ( const [ key, word, step ] of [
		[ 'items', 'item', '[]' ],
		[ 'additionalProperties', 'value', '[k]' ],
	] ) {
		if ( schema[ key ] && 'object' === typeof schema[ key ] ) {
			found.push( {
				node: schema[ key ],
				label: word,
				step,
				replace: ( other ) => ( schema[ key ] = other ),
			} );
		}
	}
	return found;
}

/**
 * Calls `visit` for every schema nested in `schema` (not `schema` itself), outer first.
 * @param {Object}   schema JSON schema.
 * @param {string}   where  Its path, for comments (TypeName.property[]).
 * @param {string}   label  Name of the property it sits at, for type names.
 * @param {Function} visit  ( node, label, where, replace ).
 */
function walk( schema, where, label, visit ) {
	for ( const child of children( schema ) ) {
		const childLabel = /^(item|value)$/.test( child.label )
			? `${ label } ${ child.label }`
			: child.label;
		const childWhere = where + child.step;
		visit( child.node, childLabel, childWhere, child.replace );
		walk( child.node, childWhere, childLabel, visit );
	}
}

// A shape regardless of what one use says about it: its schema without the description.
function shapeKey( schema ) {
	const sorted = ( value ) => {
		if ( Array.isArray( value ) ) {
			return value.map( sorted );
		}
		if ( ! value || 'object' !== typeof value ) {
			return value;
		}
		return Object.fromEntries(
			Object.keys( value )
				.sort()
				.map( ( key ) => [ key, sorted( value[ key ] ) ] )
		);
	};
	const { description, ...shape } = schema;
	return JSON.stringify( sorted( shape ) );
}

/**
 * Writes every shape once. A nested schema titled like a route's schema becomes a
 * reference to that route's type (the adopted runtime is a WpcaRuntime); any other
 * object with declared properties found in more than one place becomes one named
 * type, called after the property of its first use, largest shape first. Each use
 * keeps its own description.
 * @param {Array<{name: string, schema: Object}>} types Top-level types (changed in place).
 * @return {Array<{name: string, schema: Object}>} The shared types.
 */
function shareRepeatedShapes( types ) {
	const named = new Map(
		types
			.filter( ( type ) => type.schema.title )
			.map( ( type ) => [ type.schema.title, type.name ] )
	);
	const reference = ( name, node ) => ( {
		tsType: name,
		...( node.description ? { description: node.description } : {} ),
	} );
	for ( const type of types ) {
		walk( type.schema, type.name, '', ( node, label, where, replace ) => {
			if ( named.has( node.title ) ) {
				replace( reference( named.get( node.title ), node ) );
			}
		} );
	}
	const shared = [];
	for (;;) {
		const shapes = new Map();
		for ( const type of [ ...types, ...shared ] ) {
			walk(
				type.schema,
				type.name,
				'',
				( node, label, where, replace ) => {
					if (
						node.tsType ||
						0 === Object.keys( node.properties ?? {} ).length
					) {
						return;
					}
					const key = shapeKey( node );
					const shape = shapes.get( key ) ?? {
						node,
						label,
						uses: [],
					};
					shape.uses.push( { node, where, replace } );
					shapes.set( key, shape );
				}
			);
		}
		const [ repeated ] = [ ...shapes ]
			.filter( ( [ , shape ] ) => shape.uses.length > 1 )
			.sort( ( [ a ], [ b ] ) => b.length - a.length );
		if ( ! repeated ) {
			return shared;
		}
		const { node, label, uses } = repeated[ 1 ];
		const name = pascal( label );
		if ( [ ...types, ...shared ].some( ( type ) => type.name === name ) ) {
			throw new Error( `Two types would be called ${ name }.` );
		}
		const { description, ...schema } = node;
		shared.push( {
			name,
			schema: {
				...schema,
				description: `Shared by ${ uses.map( ( { where } ) => where ).join( ', ' ) }.`,
			},
		} );
		for ( const { node: used, replace } of uses ) {
			replace( reference( name, used ) );
		}
	}
}

const OPTIONS = {
	bannerComment: '',
	additionalProperties: false,
	format: false,
	strictIndexSignatures: false,
	unknownAny: true,
};

async function generate( published ) {
	const { namespace, routes, constants, dmcRules } = published;
	const types = [];
	const seenTitles = new Set();
	for ( const [ route, data ] of Object.entries( routes ) ) {
		const schema = data.schema;
		if ( schema?.title && ! seenTitles.has( schema.title ) ) {
			seenTitles.add( schema.title );
			types.push( {
				name: pascal( schema.title ),
				schema: {
					...asResponse( schema ),
					description: `Response item of ${ route.slice( namespace.length + 1 ) } (schema "${ schema.title }").`,
				},
			} );
		}
		for ( const endpoint of data.endpoints ) {
			for ( const method of endpoint.methods ) {
				if ( 'GET' === method ) {
					continue;
				}
				const summary = `Body of \`${ method } ${ route.slice( namespace.length + 1 ) }\`.`;
				const body = bodySchema( endpoint.args, route, summary );
				if ( body ) {
					types.push( {
						name: `${ pascal( method.toLowerCase() ) }${ routeName( route, namespace ) }Body`,
						schema: body,
					} );
				}
			}
		}
	}
	const shared = shareRepeatedShapes( types );
	const parts = [];
	for ( const { name, schema } of [ ...types, ...shared ] ) {
		parts.push( await compile( schema, name, OPTIONS ) );
	}
	const source = [
		'/**',
		` * GENERATED by \`npm run generate-types\` from the REST schema ${ namespace } publishes`,
		' * (the controllers in php/rest/, their limits in php/rules/class-schema.php). Do not edit: change the PHP',
		' * schema and regenerate; `npm test` fails when this file no longer matches the server.',
		' */',
		'/* eslint-disable */',
		'',
		'/** The constants of the PHP Schema class: patterns (ECMAScript-compatible) and limits. */',
		`export const SCHEMA = ${ JSON.stringify( constants ) } as const;`,
		'',
		"/** DMC's own rules the screen's hints need (php/dmc/class-attribution-resolver.php): patterns are ECMAScript-compatible, without flags. */",
		`export const DMC_RULES = ${ JSON.stringify( dmcRules ) } as const;`,
		'',
		...parts,
	].join( '\n' );
	// json-schema-to-typescript notes where each pattern property came from, naming
	// nothing useful ("`undefined`'s JSON-Schema definition").
	const tidy = source.replace(
		/\/\*\*\n\s*\* This interface was referenced by [^]*?\*\/\n/g,
		''
	);
	// eslint-disable-next-line import/no-extraneous-dependencies
	const config = ( await import( '@wordpress/prettier-config' ) ).default;
	return prettier.format( tidy, {
		...config,
		parser: 'typescript',
	} );
}

const generated = await generate( exportFromAnySite() );
const relative = path.relative( ROOT, OUTPUT );
if ( CHECK ) {
	const committed = fs.existsSync( OUTPUT )
		? fs.readFileSync( OUTPUT, 'utf8' )
		: '';
	if ( committed !== generated ) {
		process.stderr.write(
			`${ relative } does not match the REST schema the server publishes. Run \`npm run generate-types\` and commit the result.\n`
		);
		process.exit( 1 );
	}
	process.stdout.write( `${ relative } matches the REST schema.\n` );
} else {
	fs.writeFileSync( OUTPUT, generated );
	process.stdout.write( `wrote ${ relative }\n` );
}
