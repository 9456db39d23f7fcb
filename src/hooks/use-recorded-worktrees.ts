/**
 * The records table's data: one page of DMC's recorded worktrees for the query the URL
 * holds (sorted, filtered and searched on the server) and how many each runtime holds
 * (GET /attribution/summary, for the filter's counts). Read while the records view is
 * shown, again when the query changes or the effective signatures did (never behind a
 * change made in another view).
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import {
	getAttributionSummary,
	getRecordedWorktrees,
	type WorktreesRequest,
} from '../api/client';
import { SCHEMA } from '../api/schema.generated';
import type { AttributionSummary, RecordedWorktreesPage } from '../api/types';
import { errorMessage } from '../lib/errors';

export const WORKTREES_PER_PAGE = SCHEMA.PER_PAGE_DEFAULT;

export interface RecordedWorktrees {
	summary: AttributionSummary | null;
	worktrees: RecordedWorktreesPage | null;
	busy: boolean;
	error: string | undefined;
}

/**
 * @param request   The query, without per_page.
 * @param reloadKey Changes when the records may read differently (the effective
 *                  signatures, as JSON); null until the screen loaded.
 * @param enabled   Whether the records view is shown.
 */
export function useRecordedWorktrees(
	request: Omit< WorktreesRequest, 'perPage' >,
	reloadKey: unknown,
	enabled: boolean
): RecordedWorktrees {
	const [ summary, setSummary ] = useState< AttributionSummary | null >(
		null
	);
	const [ worktrees, setWorktrees ] =
		useState< RecordedWorktreesPage | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | undefined >();
	// Only the latest load may write: an older answer could be stale.
	const latest = useRef( 0 );
	const key = JSON.stringify( request );
	// What the shown rows were read for: the query and the reload key.
	const readFor = useRef< string | null >( null );

	useEffect( () => {
		const wanted = JSON.stringify( [ key, reloadKey ] );
		if ( ! enabled || null === reloadKey || wanted === readFor.current ) {
			return;
		}
		readFor.current = wanted;
		latest.current += 1;
		const ticket = latest.current;
		const query = { ...JSON.parse( key ), perPage: WORKTREES_PER_PAGE };
		setBusy( true );
		Promise.all( [
			getAttributionSummary(),
			getRecordedWorktrees( query ),
		] )
			.then(
				( [ nextSummary, nextWorktrees ] ) => {
					if ( ticket === latest.current ) {
						setSummary( nextSummary );
						setWorktrees( nextWorktrees );
						setError( undefined );
					}
				},
				( failure ) => {
					if ( ticket === latest.current ) {
						setError( errorMessage( failure ) );
					}
				}
			)
			.finally( () => {
				if ( ticket === latest.current ) {
					setBusy( false );
				}
			} );
	}, [ key, reloadKey, enabled ] );

	return { summary, worktrees, busy, error };
}
