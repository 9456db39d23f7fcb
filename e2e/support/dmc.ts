/**
 * Data Machine Code on the test site: a stand-in plugin file with DMC's header
 * (tests/php/class-dmc-fixture.php, shared with PHPUnit) and DMC's worktree
 * records, seeded in the option DMC writes.
 */
import path from 'node:path';
import { ROOT, wpPhp } from './site';

export const DMC_RECORDS_OPTION = 'datamachine_worktree_metadata';

const FIXTURE = path.join( ROOT, 'tests', 'php', 'class-dmc-fixture.php' );

/**
 * Writes the stand-in plugin with this header version; active on the site unless told otherwise.
 * @param version
 * @param active
 */
export function installDmc( version: string, active = true ): void {
	wpPhp(
		`require_once ${ JSON.stringify( FIXTURE ) }; \\WP_Coding_Agents\\Runtimes\\Tests\\DMC_Fixture::install( ${ JSON.stringify( version ) }, ${ active ? 'true' : 'false' } );`
	);
}

/** Deactivates and deletes the stand-in: DMC is absent. */
export function removeDmc(): void {
	wpPhp(
		`require_once ${ JSON.stringify( FIXTURE ) }; \\WP_Coding_Agents\\Runtimes\\Tests\\DMC_Fixture::remove();`
	);
}

/**
 * Replaces DMC's worktree records with these rows (`handle => metadata`), in this order.
 * @param rows
 */
export function seedDmcRecords( rows: Record< string, unknown > ): void {
	wpPhp(
		`update_option( '${ DMC_RECORDS_OPTION }', json_decode( ${ JSON.stringify(
			JSON.stringify( rows )
		) }, true ), false );`
	);
}

export function clearDmcRecords(): void {
	wpPhp( `delete_option( '${ DMC_RECORDS_OPTION }' );` );
}

/** Rows in both shapes DMC has written: the envelope (0.45+) and legacy top-level keys. */
export const SEEDED_RECORDS = {
	'wp-coding-agents@fix-login': {
		repo: 'wp-coding-agents',
		branch: 'fix-login',
		created_at: '2026-11-28 14:05:00',
		origin_session: {
			primary_id: '1184502913385',
			ids: {
				kimaki: {
					session_id: '1184502913385',
					thread_url: 'https://discord.com/channels/1/2',
				},
				opencode: { run_id: 'run-9' },
			},
		},
	},
	'data-machine@docs': {
		repo: 'data-machine',
		branch: 'docs',
		created_at: '2026-11-27T09:30:00+00:00',
		origin_session: {
			ids: { opencode: { run_id: 'run-8', session_id: '  ' } },
		},
	},
	'site@legacy-branch': {
		repo: 'site',
		branch: 'legacy-branch',
		created_at: '2026-04-02 08:00:00',
		origin_session: {
			kimaki_session_id: 'legacy-kimaki-7',
			kimaki_thread_url: 'https://discord.com/channels/3/4',
		},
	},
};
