/**
 * What DMC recorded: one page of worktrees plus the per-runtime summary, for the view
 * that shows them. Read when that view is shown, and again when it is shown after the
 * effective signatures changed (the rows' primary ids and the summary are judged by the
 * runtimes DMC reads now), never behind a change made in another view.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { getAttributionSummary, getRecordedWorktrees } from '../api/client';
import { SCHEMA } from '../api/schema.generated';
import type { AttributionSummary, RecordedWorktreesPage } from '../api/types';
import { errorMessage } from '../lib/errors';

export const WORKTREES_PER_PAGE = SCHEMA.PER_PAGE_DEFAULT;

export interface DmcRecords {
	summary: AttributionSummary | null;
	worktrees: RecordedWorktreesPage | null;
	busy: boolean;
	error: string | undefined;
	showPage: ( page: number ) => void;
}

/**
 * @param shown        Whether the view showing the records is shown.
 * @param readsAgainOn Any value that changes when the records may read differently (the
 *                     effective signatures, as JSON); null until the screen loaded.
 */
export function useDmcRecords(
	shown: boolean,
	readsAgainOn: string | null
): DmcRecords {
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
	// What the shown records were read for: [page, readsAgainOn].
	const readFor = useRef< string | null >( null );

	const load = useCallback( async ( wanted: number ) => {
		latest.current += 1;
		const ticket = latest.current;
		setBusy( true );
		try {
			const [ nextSummary, nextWorktrees ] = await Promise.all( [
				getAttributionSummary(),
				getRecordedWorktrees(
					// A page that no longer exists falls back to the first.
					wanted,
					WORKTREES_PER_PAGE
				).catch( () => getRecordedWorktrees( 1, WORKTREES_PER_PAGE ) ),
			] );
			if ( ticket === latest.current ) {
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
		const wanted = JSON.stringify( [ page, readsAgainOn ] );
		if ( shown && null !== readsAgainOn && wanted !== readFor.current ) {
			readFor.current = wanted;
			load( page );
		}
	}, [ load, page, readsAgainOn, shown ] );

	return { summary, worktrees, busy, error, showPage: setPage };
}
