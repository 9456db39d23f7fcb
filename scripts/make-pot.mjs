#!/usr/bin/env node
/**
 * `npm run make-pot`: writes languages/wp-coding-agents-runtimes.pot, the template
 * translators start from, with the strings of the PHP code (wp-pot) and of the admin
 * screen's TypeScript (@wordpress/babel-plugin-makepot, the extractor WordPress's own
 * build uses); one template, as `wp i18n make-pot` would write it.
 *
 * Both extractors silently skip a call they cannot read, so this also fails, naming
 * file and line, on every translation call whose text is not a literal string or
 * whose text domain is missing or another one (the parsers are the extractors' own:
 * php-parser and Babel).
 *
 * `--check` writes nothing: it fails on such calls and when the committed template
 * tells translators something other than this run would (a string added, removed or
 * its plural, translator comment or flags changed without `npm run make-pot`),
 * naming those strings; references (file:line) are not compared, so a moved line
 * passes. npm test runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
// Babel comes with @wordpress/scripts (its makepot plugin is a Babel plugin).
// eslint-disable-next-line import/no-extraneous-dependencies
import { transformFileSync } from '@babel/core';
// The extractors' own dependencies: the same parsers read what they extract.
// eslint-disable-next-line import/no-extraneous-dependencies
import gettextParser from 'gettext-parser';
// eslint-disable-next-line import/no-extraneous-dependencies
import PhpParser from 'php-parser';
import wpPot from 'wp-pot';
import { ROOT } from './lib/common.mjs';

const { po } = gettextParser;
const { Engine } = PhpParser;
const { WP_Pot: WpPot } = wpPot;

const DOMAIN = 'wp-coding-agents-runtimes';
const OUTPUT = path.join( ROOT, 'languages', `${ DOMAIN }.pot` );
const CHECK = process.argv.includes( '--check' );

/** Translation functions and the argument positions holding text (0-based); the domain is last. */
const PHP_FUNCTIONS = {
	__: [ 0 ],
	_e: [ 0 ],
	esc_html__: [ 0 ],
	esc_html_e: [ 0 ],
	esc_attr__: [ 0 ],
	esc_attr_e: [ 0 ],
	_x: [ 0, 1 ],
	_ex: [ 0, 1 ],
	esc_html_x: [ 0, 1 ],
	esc_attr_x: [ 0, 1 ],
	_n: [ 0, 1 ],
	_nx: [ 0, 1, 3 ],
	_n_noop: [ 0, 1 ],
	_nx_noop: [ 0, 1, 2 ],
};
/** The functions of `@wordpress/i18n`: text argument positions, and the domain's. */
const JS_FUNCTIONS = {
	__: { text: [ 0 ], domain: 1 },
	_x: { text: [ 0, 1 ], domain: 2 },
	_n: { text: [ 0, 1 ], domain: 3 },
	_nx: { text: [ 0, 1, 3 ], domain: 4 },
};

const problems = [];
const relative = ( file ) =>
	path.relative( ROOT, file ).split( path.sep ).join( '/' );

function walk( dir, test ) {
	return fs
		.readdirSync( dir, { withFileTypes: true } )
		.flatMap( ( entry ) => {
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				return 'test' === entry.name ? [] : walk( full, test );
			}
			return test( entry.name ) ? [ full ] : [];
		} )
		.sort();
}

const phpFiles = [
	path.join( ROOT, 'plugin.php' ),
	path.join( ROOT, 'uninstall.php' ),
	...walk( path.join( ROOT, 'php' ), ( name ) => name.endsWith( '.php' ) ),
];
const jsFiles = walk( path.join( ROOT, 'src' ), ( name ) =>
	/\.(ts|tsx|js|jsx)$/.test( name )
);

// PHP calls the extractor would skip or file under another domain.
const phpParser = new Engine( {
	parser: { php8: true, suppressErrors: false },
	ast: { withPositions: true },
} );
function checkPhpNode( node, file ) {
	if ( ! node || 'object' !== typeof node ) {
		return;
	}
	if ( Array.isArray( node ) ) {
		node.forEach( ( child ) => checkPhpNode( child, file ) );
		return;
	}
	if (
		'call' === node.kind &&
		'name' === node.what?.kind &&
		PHP_FUNCTIONS[ node.what.name.replace( /^\\/, '' ) ]
	) {
		const name = node.what.name.replace( /^\\/, '' );
		const args = node.arguments;
		const where = `${ relative( file ) }:${ node.loc.start.line } ${ name }()`;
		for ( const position of PHP_FUNCTIONS[ name ] ) {
			if ( 'string' !== args[ position ]?.kind ) {
				problems.push(
					`${ where }: argument ${ position + 1 } is not a literal string`
				);
			}
		}
		const domain = args[ args.length - 1 ];
		if (
			args.length <= Math.max( ...PHP_FUNCTIONS[ name ] ) + 1 ||
			'string' !== domain?.kind ||
			DOMAIN !== domain.value
		) {
			problems.push( `${ where }: text domain is not '${ DOMAIN }'` );
		}
	}
	for ( const [ key, value ] of Object.entries( node ) ) {
		if ( 'loc' !== key && value && 'object' === typeof value ) {
			checkPhpNode( value, file );
		}
	}
}
for ( const file of phpFiles ) {
	checkPhpNode(
		phpParser.parseCode( fs.readFileSync( file, 'utf8' ), file ),
		file
	);
}

// The same for the scripts, as a Babel visitor beside the extractor.
function checkJsCalls() {
	return {
		visitor: {
			CallExpression( { node }, state ) {
				const name =
					'MemberExpression' === node.callee.type
						? node.callee.property.name
						: node.callee.name;
				// Own keys only: a call such as params.toString() is no translation function.
				const signature = Object.hasOwn( JS_FUNCTIONS, name )
					? JS_FUNCTIONS[ name ]
					: null;
				if ( ! signature ) {
					return;
				}
				const where = `${ relative( state.filename ) }:${ node.loc.start.line } ${ name }()`;
				const literal = ( arg ) =>
					'StringLiteral' === arg?.type ||
					( 'TemplateLiteral' === arg?.type &&
						0 === arg.expressions.length );
				for ( const position of signature.text ) {
					if ( ! literal( node.arguments[ position ] ) ) {
						problems.push(
							`${ where }: argument ${ position + 1 } is not a literal string`
						);
					}
				}
				const domain = node.arguments[ signature.domain ];
				if (
					'StringLiteral' !== domain?.type ||
					DOMAIN !== domain.value
				) {
					problems.push(
						`${ where }: text domain is not '${ DOMAIN }'`
					);
				}
			},
		},
	};
}
// Each file separately (the plugin keeps its strings per Babel run), merged below.
const jsPot = path.join( ROOT, 'artifacts', 'make-pot-js.pot' );
fs.mkdirSync( path.dirname( jsPot ), { recursive: true } );
process.chdir( ROOT ); // makepot writes references relative to the working directory.
const scriptPots = [];
for ( const file of jsFiles ) {
	fs.rmSync( jsPot, { force: true } );
	transformFileSync( file, {
		babelrc: false,
		configFile: false,
		presets: [
			[
				'@babel/preset-typescript',
				{ isTSX: true, allExtensions: true },
			],
		],
		plugins: [
			'@babel/plugin-syntax-jsx',
			checkJsCalls,
			[ '@wordpress/babel-plugin-makepot', { output: jsPot } ],
		],
		code: false,
	} );
	if ( fs.existsSync( jsPot ) ) {
		scriptPots.push( po.parse( fs.readFileSync( jsPot ) ).translations );
	}
}
fs.rmSync( jsPot, { force: true } );

if ( problems.length ) {
	process.stderr.write(
		`Strings that cannot be extracted for translation:\n  ${ problems.join( '\n  ' ) }\n`
	);
	process.exit( 1 );
}

/**
 * Adds translations to a template's, merging the references of a string both have.
 * @param {Object} target Translations by context and msgid (changed).
 * @param {Object} source Translations to add.
 */
function mergeInto( target, source ) {
	for ( const [ context, entries ] of Object.entries( source ) ) {
		target[ context ] ??= {};
		for ( const [ msgid, entry ] of Object.entries( entries ) ) {
			const existing = target[ context ][ msgid ];
			if ( '' === msgid ) {
				continue;
			}
			if ( ! existing ) {
				target[ context ][ msgid ] = entry;
				continue;
			}
			existing.comments ??= {};
			existing.comments.reference = [
				existing.comments.reference,
				entry.comments?.reference,
			]
				.filter( Boolean )
				.join( '\n' );
			existing.comments.extracted ??= entry.comments?.extracted;
		}
	}
}

// One template: the PHP strings, then the scripts' (references merged when both use one).
const phpPot = po.parse(
	new WpPot( {
		// The plugin headers (name, description…) are translatable too.
		php: { textdomain: DOMAIN, metadataFile: 'plugin.php' },
		pot: {
			package: 'Coding Agent Runtimes',
			bugReport:
				'https://github.com/wp-coding-agents/wp-coding-agents-runtimes/issues',
			team: 'WP Coding Agents',
		},
		pathsRelativeTo: ROOT,
	} )
		.parse( phpFiles.map( relative ) )
		.generatePot()
);
for ( const scripts of scriptPots ) {
	mergeInto( phpPot.translations, scripts );
}

// A template that changes only when a string does: no creation date.
const headers = phpPot.translations[ '' ][ '' ];
headers.msgstr = [
	headers.msgstr[ 0 ].replace( /^POT-Creation-Date: .*\n/m, '' ),
];
delete phpPot.headers[ 'POT-Creation-Date' ];
const template = po.compile( phpPot ).toString() + '\n';
const count = Object.values( phpPot.translations ).reduce(
	( sum, entries ) => sum + Object.keys( entries ).filter( Boolean ).length,
	0
);

/**
 * What a template says to translators, keyed by context and msgid: the plural, the
 * translator comments and the flags. References (`#:` lines) and the creation date
 * are left out: moving a line changes neither what is translated nor how.
 * @param {Object} pot A template as gettext-parser parses it.
 * @return {Map<string, string>} A description of each string, and of the header.
 */
function forTranslators( pot ) {
	const strings = new Map();
	for ( const [ context, entries ] of Object.entries( pot.translations ) ) {
		for ( const [ msgid, entry ] of Object.entries( entries ) ) {
			if ( '' === msgid ) {
				continue;
			}
			const name =
				JSON.stringify( msgid ) +
				( context ? ` (context ${ JSON.stringify( context ) })` : '' );
			strings.set(
				name,
				JSON.stringify( [
					entry.msgid_plural ?? null,
					entry.comments?.translator ?? '',
					entry.comments?.extracted ?? '',
					entry.comments?.flag ?? '',
				] )
			);
		}
	}
	const header = { ...pot.headers };
	delete header[ 'POT-Creation-Date' ];
	strings.set( 'the header', JSON.stringify( header ) );
	return strings;
}

const relativeOutput = relative( OUTPUT );
if ( CHECK ) {
	const committed = forTranslators(
		po.parse(
			fs.existsSync( OUTPUT ) ? fs.readFileSync( OUTPUT ) : '',
			'utf-8'
		)
	);
	const current = forTranslators( phpPot );
	const differences = [
		...[ ...current.keys() ]
			.filter( ( name ) => ! committed.has( name ) )
			.map( ( name ) => `added: ${ name }` ),
		...[ ...committed.keys() ]
			.filter( ( name ) => ! current.has( name ) )
			.map( ( name ) => `removed: ${ name }` ),
		...[ ...current.keys() ]
			.filter(
				( name ) =>
					committed.has( name ) &&
					committed.get( name ) !== current.get( name )
			)
			.map(
				( name ) =>
					`changed (plural, translator comment or flags): ${ name }`
			),
	];
	if ( differences.length ) {
		process.stderr.write(
			`${ relativeOutput } is out of date; what translators see differs from the code:\n  ${ differences.join(
				'\n  '
			) }\nRun \`npm run make-pot\` and commit the result.\n`
		);
		process.exit( 1 );
	}
	process.stdout.write(
		`Every string is extractable; ${ relativeOutput } has every string of the code (${ count } strings; references are not compared).\n`
	);
} else {
	fs.mkdirSync( path.dirname( OUTPUT ), { recursive: true } );
	fs.writeFileSync( OUTPUT, template );
	process.stdout.write( `wrote ${ relativeOutput } (${ count } strings)\n` );
}
