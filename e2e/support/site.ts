/**
 * The test site booted by `scripts/test-site.mjs` (native PHP + MariaDB), as described
 * by the JSON file it writes. Global set-up exports its path as WPCA_SITE_FILE.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type Role = 'admin' | 'editor' | 'subscriber';

export interface SiteUser {
	id: number;
	username: string;
	password: string;
	appPassword: string;
}

export interface TestSite {
	url: string;
	restUrl: string;
	wpDir: string;
	debugLog: string;
	/** The site's `wp eval` over HTTP (scripts/test-site.mjs), with its token. */
	evalUrl?: string;
	evalToken?: string;
	users: Record< Role, SiteUser >;
}

export const ROOT = path.resolve( __dirname, '..', '..' );
export const DEFAULT_SITE_FILE = path.join(
	ROOT,
	'.cache',
	'test-site',
	'site.json'
);

export function siteFile(): string {
	return process.env.WPCA_SITE_FILE || DEFAULT_SITE_FILE;
}

export function testSite(): TestSite {
	return JSON.parse( fs.readFileSync( siteFile(), 'utf8' ) ) as TestSite;
}

/** The admin's saved browser session, kept beside the site it belongs to. */
export function adminStatePath(): string {
	return path.join( path.dirname( siteFile() ), 'admin-state.json' );
}

/**
 * HTTP Basic credentials for a role's Application Password.
 * @param role
 */
export function basicAuth( role: Role ): string {
	const user = testSite().users[ role ];
	return (
		'Basic ' +
		Buffer.from( `${ user.username }:${ user.appPassword }` ).toString(
			'base64'
		)
	);
}

/**
 * Runs PHP code with the test site's WordPress loaded (like `wp eval`; there is no
 * WP-CLI here) and returns what it printed. Throws with PHP's output on failure.
 * A running PHP worker runs it (curl keeps the call synchronous), which is ~10x faster
 * than a PHP process booting WordPress; a site without that entry point gets the process.
 * @param code
 */
export function wpPhp( code: string ): string {
	const site = testSite();
	if ( site.evalUrl && site.evalToken ) {
		try {
			return execFileSync(
				'curl',
				[
					'--silent',
					'--show-error',
					'--fail-with-body',
					'--data-binary',
					'@-',
					'--header',
					`X-WPCA-Eval-Token: ${ site.evalToken }`,
					'--header',
					'Content-Type: application/octet-stream',
					site.evalUrl,
				],
				{ input: code, encoding: 'utf8' }
			);
		} catch ( error ) {
			const { stdout } = error as { stdout?: string };
			throw new Error( `wpPhp failed: ${ stdout || String( error ) }` );
		}
	}
	return execFileSync(
		'php',
		[
			path.join( ROOT, 'scripts', 'lib', 'wp-eval.php' ),
			site.wpDir,
			site.url,
		],
		{
			input: code,
			encoding: 'utf8',
		}
	);
}

/** PHP notices, warnings, deprecations and fatals the site has logged so far. */
export function phpProblemsInDebugLog(): string[] {
	const log = testSite().debugLog;
	if ( ! fs.existsSync( log ) ) {
		return [];
	}
	return fs
		.readFileSync( log, 'utf8' )
		.split( '\n' )
		.filter( ( line ) =>
			/PHP (Notice|Warning|Deprecated|Fatal error|Parse error|Strict Standards)/.test(
				line
			)
		);
}
