/**
 * The DMC side of the screen: whether Data Machine Code is there, and what it
 * recorded (one page of worktrees plus the per-runtime summary). Reloaded
 * whenever the screen's runtimes reload, since the summary judges published
 * runtimes by their last change.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import {
	getAttributionSummary,
	getDmcStatus,
	getRecordedWorktrees,
} from '../api/client';
import { SCHEMA } from '../api/schema.generated';
import type {
	AttributionSummary,
	DmcStatus,
	RecordedWorktreesPage,
} from '../api/types';
import { errorMessage } from '../lib/errors';

export const WORKTREES_PER_PAGE = SCHEMA.PER_PAGE_DEFAULT;

export interface DmcRecords {
	status: DmcStatus | null;
	summary: AttributionSummary | null;
	worktrees: RecordedWorktreesPage | null;
	busy: boolean;
	error: string | undefined;
	showPage: ( page: number ) => void;
}

/**
 * @param reloadKey Any value that changes when the screen reloaded (the runtimes list);
 *                  null until the screen's first load, so the records load once with it.
 */
export function useDmcRecords( reloadKey: unknown ): DmcRecords {
	const [ status, setStatus ] = useState< DmcStatus | null >( null );
	const [ summary, setSummary ] = useState< AttributionSummary | null >(
		null
	);
	const [ worktrees, setWorktrees ] =
		useState< RecordedWorktreesPage | null >( null );
	const [ page, setPage ] = useState( 1 );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | undefined >();
	// Only the latest load may write: an older answer could be stale.
	const latest = useRef( 0 );

	const load = useCallback( async ( wanted: number ) => {
		latest.current += 1;
		const ticket = latest.current;
		setBusy( true );
		try {
			const [ nextStatus, nextSummary, nextWorktrees ] =
				await Promise.all( [
					getDmcStatus(),
					getAttributionSummary(),
					getRecordedWorktrees(
						// A page that no longer exists falls back to the first.
						wanted,
						WORKTREES_PER_PAGE
					).catch( () =>
						getRecordedWorktrees( 1, WORKTREES_PER_PAGE )
					),
				] );
			if ( ticket === latest.current ) {
				setStatus( nextStatus );
				setSummary( nextSummary );
				setWorktrees( nextWorktrees );
				setError( undefined );
			}
		} catch ( failure ) {
			if ( ticket === latest.current ) {
				setError( errorMessage( failure ) );
			}
		} finally {
			if ( ticket === latest.current ) {
				setBusy( false );
			}
		}
	}, [] );

	useEffect( () => {
		if ( null !== reloadKey ) {
			load( page );
		}
	}, [ load, page, reloadKey ] );

	return { status, summary, worktrees, busy, error, showPage: setPage };
}
