#!/usr/bin/env node
/**
 * `npm start`: installs what is missing, builds the admin screen, and serves WordPress
 * with this plugin mounted from the working tree and active, on WordPress Playground
 * (PHP compiled to WebAssembly, SQLite; no Docker, no database server).
 *
 * Environment: WPCA_PORT (default 8888). `npm start -- --reset` starts from a fresh site.
 * The site (its SQLite database and uploads) lives in .cache/playground-site.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	ROOT,
	ensureBuild,
	NPM_INSTALL,
	nodeModulesAreCurrent,
	runInherit,
	waitFor,
	assertPortFree,
	killGroup,
} from './lib/common.mjs';

const args = process.argv.slice( 2 );
const option = ( name ) => {
	const index = args.indexOf( name );
	return index === -1 ? undefined : args[ index + 1 ];
};
const PORT = Number( option( '--port' ) || process.env.WPCA_PORT || 8888 );
const SITE_DIR = path.resolve(
	option( '--site-dir' ) || path.join( ROOT, '.cache', 'playground-site' )
);
const URL_BASE = `http://127.0.0.1:${ PORT }`;
const SCREEN = `${ URL_BASE }/wp-admin/tools.php?page=wpca-runtimes`;

const began = Date.now();
// npm's registry and Debian's archive are waited on at once: a fresh clone installs the
// npm packages while WordPress core downloads.
await Promise.all( [
	nodeModulesAreCurrent() ? undefined : runInherit( 'npm', NPM_INSTALL ),
	runInherit( 'bash', [
		path.join( ROOT, 'scripts', 'fetch-wordpress.sh' ),
	] ),
] );
const core = path.join( ROOT, '.cache', 'wordpress-core' );
ensureBuild();

if ( args.includes( '--reset' ) ) {
	process.stdout.write(
		`Resetting the site: removing ${ path.relative( ROOT, SITE_DIR ) }\n`
	);
	fs.rmSync( SITE_DIR, { recursive: true, force: true } );
}
if ( ! fs.existsSync( path.join( SITE_DIR, 'wp-includes', 'version.php' ) ) ) {
	// Playground writes the SQLite database into the core folder it installs from, so
	// the site gets its own copy and the cached core stays pristine.
	fs.cpSync( core, SITE_DIR, { recursive: true } );
}

const blueprint = path.join( SITE_DIR, 'wpca-blueprint.json' );
fs.writeFileSync(
	blueprint,
	JSON.stringify( {
		steps: [
			{
				step: 'activatePlugin',
				pluginPath: 'wp-coding-agents-runtimes/plugin.php',
			},
			{
				step: 'setSiteOptions',
				options: { permalink_structure: '/%postname%/' },
			},
		],
	} )
);

await assertPortFree( PORT );

// The CLI runs straight under node (not through npx) in a process group of its own, so
// stopping kills Playground and its workers rather than orphaning them behind npx.
const server = spawn(
	process.execPath,
	[
		path.join(
			ROOT,
			'node_modules',
			'@wp-playground',
			'cli',
			'wp-playground.js'
		),
		'server',
		'--port',
		String( PORT ),
		'--site-url',
		URL_BASE,
		'--mount-dir-before-install',
		SITE_DIR,
		'/wordpress',
		'--mount-dir',
		ROOT,
		'/wordpress/wp-content/plugins/wp-coding-agents-runtimes',
		'--wordpress-install-mode',
		'install-from-existing-files-if-needed',
		'--blueprint',
		blueprint,
		'--define',
		'WP_ENVIRONMENT_TYPE',
		'local',
		'--define-bool',
		'WP_DEBUG',
		'true',
		'--define-bool',
		'WP_DEBUG_LOG',
		'true',
		'--define-bool',
		'WP_DEBUG_DISPLAY',
		'false',
	],
	{ cwd: ROOT, stdio: [ 'ignore', 'pipe', 'inherit' ], detached: true }
);

// Playground says "Ready!" once the blueprint (plugin activation) has run.
let playgroundReady = false;
server.stdout.on( 'data', ( chunk ) => {
	process.stdout.write( chunk );
	playgroundReady ||= chunk.toString().includes( 'Ready!' );
} );

let stopping = false;
const stop = () => {
	if ( stopping ) {
		return;
	}
	stopping = true;
	process.stdout.write( '\nStopping WordPress...\n' );
	killGroup( server.pid, 'SIGTERM' );
	setTimeout( () => killGroup( server.pid, 'SIGKILL' ), 5000 ).unref();
};
process.on( 'SIGINT', stop );
process.on( 'SIGTERM', stop );
server.on( 'exit', ( code ) => process.exit( stopping ? 0 : ( code ?? 1 ) ) );

try {
	await waitFor(
		async () => {
			try {
				return (
					playgroundReady &&
					( await fetch( `${ URL_BASE }/wp-login.php` ) ).ok
				);
			} catch {
				return false;
			}
		},
		180000,
		'WordPress Playground'
	);
} catch ( error ) {
	killGroup( server.pid, 'SIGKILL' ); // Leave no half-started server behind.
	throw error;
}

process.stdout.write( `
WordPress is ready (${ ( ( Date.now() - began ) / 1000 ).toFixed( 0 ) } s).

  Agent Runtimes screen: ${ SCREEN }
  Log in:                admin / password
  PHP debug log:         ${ path.relative( ROOT, path.join( SITE_DIR, 'wp-content', 'debug.log' ) ) }

Press Ctrl-C to stop. The site's data is kept; \`npm start -- --reset\` starts fresh.
` );
