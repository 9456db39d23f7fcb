/**
 * Shared by the project's scripts: where things live, installing what is missing,
 * and starting/stopping background processes.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..',
	'..'
);

/**
 * Debian packages (PHP, MariaDB, PHPUnit, Chromium); a no-op when all are there.
 * @param {string[]} flags For system-deps.sh (`--full-chromium`).
 */
export function ensureSystemPackages( flags = [] ) {
	execFileSync(
		'bash',
		[ path.join( ROOT, 'scripts', 'system-deps.sh' ), ...flags ],
		{ stdio: 'inherit' }
	);
}

/**
 * Runs a command in ROOT with its output passed through, without blocking: installs
 * that wait on different things (npm's registry, Debian's archive) overlap this way.
 * @param {string}   command Program to run.
 * @param {string[]} args    Its arguments.
 * @return {Promise<void>} Resolves when it exits 0, rejects otherwise.
 */
export function runInherit( command, args ) {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, args, { cwd: ROOT, stdio: 'inherit' } );
		child.on( 'error', reject );
		child.on( 'close', ( code ) =>
			0 === code
				? resolve()
				: reject(
						new Error(
							`${ command } ${ args.join( ' ' ) } failed (exit ${ code })`
						)
					)
		);
	} );
}

/** WordPress core files, fetched once into .cache/wordpress-core; returns that folder. */
export function ensureWordPressCore() {
	execFileSync(
		'bash',
		[ path.join( ROOT, 'scripts', 'fetch-wordpress.sh' ) ],
		{ stdio: 'inherit' }
	);
	return path.join( ROOT, '.cache', 'wordpress-core' );
}

// `npm install` (which keeps the locked versions) rather than `npm ci`: npm 11 leaves
// other platforms' optional native bindings out of the lock file, and `npm ci` then
// refuses the lock as out of sync. --prefer-offline: the lock pins every version and its
// integrity, so packages already in npm's cache need no registry round trip (a clean clone
// on a machine that has installed before: 76 s → 40 s); a fresh machine downloads as usual.
export const NPM_INSTALL = [
	'install',
	'--no-audit',
	'--no-fund',
	'--prefer-offline',
];

/** Whether node_modules exists and is no older than the lock file. */
export function nodeModulesAreCurrent() {
	const marker = path.join( ROOT, 'node_modules', '.package-lock.json' );
	const lock = path.join( ROOT, 'package-lock.json' );
	return (
		fs.existsSync( marker ) &&
		fs.statSync( marker ).mtimeMs >= fs.statSync( lock ).mtimeMs
	);
}

/** The admin app's assets, built when build/ is missing or older than src/. */
export function ensureBuild() {
	if ( buildIsCurrent() ) {
		return;
	}
	process.stdout.write( 'Building the admin screen...\n' );
	execFileSync( 'npx', [ 'wp-scripts', 'build' ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
}

/** Whether build/ exists and is no older than anything in src/. */
export function buildIsCurrent() {
	const asset = path.join( ROOT, 'build', 'index.asset.php' );
	return (
		fs.existsSync( asset ) &&
		fs.statSync( asset ).mtimeMs >= newestMtime( path.join( ROOT, 'src' ) )
	);
}

function newestMtime( dir ) {
	let newest = 0;
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		newest = Math.max(
			newest,
			entry.isDirectory()
				? newestMtime( full )
				: fs.statSync( full ).mtimeMs
		);
	}
	return newest;
}

export async function waitFor( check, timeoutMs, what ) {
	const deadline = Date.now() + timeoutMs;
	while ( Date.now() < deadline ) {
		if ( await check() ) {
			return;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
	}
	throw new Error(
		`Timed out after ${ timeoutMs / 1000 } s waiting for ${ what }`
	);
}

function isAlive( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

/**
 * Stops the process group started with `detached: true` whose leader's pid is in the file.
 * Killing the group matters for `php -S` with workers: the workers outlive their parent.
 * @param {string} pidFile File holding the group leader's pid.
 */
export async function stopPidFile( pidFile ) {
	if ( ! fs.existsSync( pidFile ) ) {
		return;
	}
	const pid = Number( fs.readFileSync( pidFile, 'utf8' ) );
	fs.rmSync( pidFile );
	if ( ! pid || ! isAlive( pid ) ) {
		return;
	}
	killGroup( pid, 'SIGTERM' );
	const deadline = Date.now() + 10000;
	while ( isAlive( pid ) && Date.now() < deadline ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	killGroup( pid, 'SIGKILL' );
}

/**
 * Signals a process group started with `detached: true` (the leader and its children).
 * @param {number} pid    Group leader's pid.
 * @param {string} signal Signal name.
 */
export function killGroup( pid, signal ) {
	try {
		process.kill( -pid, signal );
	} catch {
		try {
			process.kill( pid, signal );
		} catch {}
	}
}

/**
 * Fails early, and clearly, when another server already listens on the port: otherwise
 * the readiness check would happily talk to that one.
 * @param {number} port Port on 127.0.0.1.
 * @return {Promise<void>} Resolves when the port is free.
 */
export function assertPortFree( port ) {
	return new Promise( ( resolve, reject ) => {
		const probe = net.createServer();
		probe.once( 'error', () =>
			reject(
				new Error(
					`Port ${ port } on 127.0.0.1 is already in use; choose another port.`
				)
			)
		);
		probe.listen( port, '127.0.0.1', () => probe.close( resolve ) );
	} );
}
