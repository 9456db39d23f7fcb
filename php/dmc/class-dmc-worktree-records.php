<?php
/**
 * What Data Machine Code really recorded for each worktree.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * Reads DMC's per-site option `datamachine_worktree_metadata` (`handle => metadata`) and
 * each row's `origin_session` back exactly as DMC's `WorktreeContextInjector::summarize_session()`
 * does (docs/contract.md, read by Origin_Session_Reader), and answers the records view's
 * questions of them: newest first or sorted by date, filtered by runtime and by whether a
 * runtime's value was captured, searched by handle and branch, paged; plus the per-runtime
 * summary the verdicts use. Read-only: nothing here writes DMC's option.
 */
class DMC_Worktree_Records {

	public const OPTION = 'datamachine_worktree_metadata';

	/**
	 * Every readable row, newest first.
	 *
	 * @param array<string, array<string, string>> $signatures The signatures as DMC cleans them (Attribution_Resolver::clean()).
	 * @return array{option: string, rows: array[], skipped: int, total: int} `option` is absent, unreadable (not an array) or ok;
	 *               `skipped` counts entries that are not `string handle => array`.
	 */
	public function read( array $signatures ): array {
		return $this->read_page( $signatures, 0, null );
	}

	/**
	 * The rows read() would return from `$offset` on, at most `$limit` of them, and their
	 * `total`; with a `$query`, only the rows it keeps, in its order. Only the rows shown are
	 * read back in full when nothing filters by session: the order needs nothing but each
	 * row's date (or handle) and position, so a page of thousands of records costs one
	 * session summary per row shown. Filtering by runtime or attribution reads back every
	 * row the search kept, with the same rules.
	 *
	 * @param array<string, array<string, string>> $signatures As for read().
	 * @param int                                  $offset     Rows to leave out first.
	 * @param int|null                             $limit      Rows at most; null: all.
	 * @param array                                $query      `orderby` (date, handle; default date), `order` (asc, desc; default desc),
	 *                                                         `runtime` (rows holding a value of it), `attributed` (true: rows holding a value of
	 *                                                         `runtime`, or any primary id without one; false: the others), `search` (in handle
	 *                                                         and branch, case-insensitive). Validated by REST\Worktrees_Controller.
	 * @return array{option: string, rows: array[], skipped: int, total: int} As read(), `rows` sliced; `total` counts the rows kept.
	 */
	public function read_page( array $signatures, int $offset, ?int $limit, array $query = array() ): array {
		$stored = get_option( self::OPTION, null );
		if ( null === $stored || ! is_array( $stored ) ) {
			return array(
				'option'  => null === $stored ? 'absent' : 'unreadable',
				'rows'    => array(),
				'skipped' => 0,
				'total'   => 0,
			);
		}
		$search     = isset( $query['search'] ) && '' !== $query['search'] ? (string) $query['search'] : null;
		$handles    = array();
		$timestamps = array();
		$skipped    = 0;
		foreach ( $stored as $handle => $metadata ) {
			if ( ! is_string( $handle ) || '' === $handle || ! is_array( $metadata ) ) {
				++$skipped;
				continue;
			}
			if ( null !== $search && ! self::matches( $search, $handle, $metadata ) ) {
				continue;
			}
			$handles[]    = $handle;
			$timestamps[] = self::timestamp( isset( $metadata['created_at'] ) ? $metadata['created_at'] : null );
		}
		$order = self::order( $handles, $timestamps, isset( $query['orderby'] ) ? $query['orderby'] : 'date', isset( $query['order'] ) ? $query['order'] : 'desc' );
		$rows  = array();
		if ( isset( $query['runtime'] ) || isset( $query['attributed'] ) ) {
			$runtime    = isset( $query['runtime'] ) ? (string) $query['runtime'] : null;
			$attributed = isset( $query['attributed'] ) ? (bool) $query['attributed'] : true;
			foreach ( $order as $position ) {
				$row = $this->row( $handles[ $position ], $stored[ $handles[ $position ] ], $signatures, $position, $timestamps[ $position ] );
				if ( $attributed === self::is_attributed( $row, $runtime ) ) {
					$rows[] = $row;
				}
			}
			return array(
				'option'  => 'ok',
				'rows'    => array_slice( $rows, $offset, $limit ),
				'skipped' => $skipped,
				'total'   => count( $rows ),
			);
		}
		foreach ( array_slice( $order, $offset, $limit ) as $position ) {
			$rows[] = $this->row( $handles[ $position ], $stored[ $handles[ $position ] ], $signatures, $position, $timestamps[ $position ] );
		}
		return array(
			'option'  => 'ok',
			'rows'    => $rows,
			'skipped' => $skipped,
			'total'   => count( $handles ),
		);
	}

	/**
	 * Positions in the order asked for. By date: newest first (oldest with `asc`), rows
	 * without a readable date last either way; among equals, the later-stored first (the
	 * earlier with `asc`). By handle: natural, case-insensitive.
	 *
	 * @param string[]  $handles    Handles by position.
	 * @param ?int[]    $timestamps Their dates by position.
	 * @param string    $orderby    date or handle.
	 * @param string    $order      asc or desc.
	 * @return int[]
	 */
	private static function order( array $handles, array $timestamps, string $orderby, string $order ): array {
		$positions = array_keys( $handles );
		$direction = 'asc' === $order ? SORT_ASC : SORT_DESC;
		if ( 'handle' === $orderby ) {
			usort(
				$positions,
				static function ( $a, $b ) use ( $handles, $direction ) {
					$compared = strnatcasecmp( $handles[ $a ], $handles[ $b ] );
					return SORT_ASC === $direction ? $compared : -$compared;
				}
			);
			return $positions;
		}
		$dated  = array_map( 'is_int', $timestamps );
		$times  = array_map( 'intval', $timestamps );
		$sorted = $positions;
		array_multisort( $dated, SORT_DESC, $times, $direction, $positions, $direction, $sorted );
		return $sorted;
	}

	/**
	 * Whether a search term is in a row's handle or branch (case-insensitive).
	 *
	 * @param string $search   Term.
	 * @param string $handle   Handle.
	 * @param array  $metadata Stored metadata.
	 * @return bool
	 */
	private static function matches( string $search, string $handle, array $metadata ): bool {
		$branch = Origin_Session_Reader::normalize_value( isset( $metadata['branch'] ) ? $metadata['branch'] : null );
		return false !== stripos( $handle, $search ) || ( null !== $branch && false !== stripos( $branch, $search ) );
	}

	/**
	 * Whether a row is attributed: it holds a value of the runtime, or, without one, it has
	 * a primary id.
	 *
	 * @param array       $row     Row from row().
	 * @param string|null $runtime Runtime id, or null.
	 * @return bool
	 */
	private static function is_attributed( array $row, ?string $runtime ): bool {
		if ( null === $runtime ) {
			return null !== $row['origin_session']['primary_id'];
		}
		return isset( $row['origin_session']['ids'][ $runtime ] ) && null !== Origin_Session_Reader::first_value( $row['origin_session']['ids'][ $runtime ] );
	}

	/**
	 * Per runtime, the evidence in the records: how many worktrees carry a value of it,
	 * how many it gave the primary id, when last and which; and, for each runtime DMC reads now,
	 * whether any worktree recorded since it was published (the nearest time this plugin
	 * keeps is its `updated_at`, the last change) carries a value of it.
	 *
	 * @param array[]                $rows       Rows from read().
	 * @param string[]               $published  Runtime ids DMC reads now, in filter order.
	 * @param array<string, ?string> $changed_at Runtime id => ISO 8601 time of its last change (ours only).
	 * @return array[] See REST\Attribution_Summary_Controller::get_item_schema().
	 */
	public function runtime_summary( array $rows, array $published, array $changed_at ): array {
		$seen = array();
		foreach ( $rows as $row ) {
			foreach ( $row['origin_session']['ids'] as $runtime_id => $entry ) {
				if ( null !== Origin_Session_Reader::first_value( $entry ) ) {
					$seen[ $runtime_id ] = true;
				}
			}
		}
		$summary = array();
		foreach ( array_unique( array_merge( $published, array_map( 'strval', array_keys( $seen ) ) ) ) as $runtime_id ) {
			$is_published = in_array( $runtime_id, $published, true );
			$since        = $is_published && isset( $changed_at[ $runtime_id ] ) ? strtotime( $changed_at[ $runtime_id ] ) : false;
			$entry        = array(
				'id'                 => $runtime_id,
				'published'          => $is_published,
				'published_since'    => false === $since ? null : gmdate( 'c', $since ),
				'worktrees'          => 0,
				'primary'            => 0,
				'last_attributed_at' => null,
				'last_worktree'      => null,
				'worktrees_since'    => $is_published ? 0 : null,
				'attributed_since'   => $is_published ? 0 : null,
				'flag'               => null,
			);
			$last         = null;
			foreach ( $rows as $row ) {
				$captured = isset( $row['origin_session']['ids'][ $runtime_id ] ) && null !== Origin_Session_Reader::first_value( $row['origin_session']['ids'][ $runtime_id ] );
				if ( $captured ) {
					++$entry['worktrees'];
					// The newest; among equals the first, in the rows' order (newest first).
					if ( null !== $row['timestamp'] && ( null === $last || $row['timestamp'] > $last ) ) {
						$last                   = $row['timestamp'];
						$entry['last_worktree'] = $row['handle'];
					}
				}
				if ( $row['primary_runtime'] === $runtime_id ) {
					++$entry['primary'];
				}
				// A row without a readable date cannot be placed after the publication.
				if ( $is_published && null !== $row['timestamp'] && ( false === $since || $row['timestamp'] >= $since ) ) {
					++$entry['worktrees_since'];
					$entry['attributed_since'] += $captured ? 1 : 0;
				}
			}
			$entry['last_attributed_at'] = null === $last ? null : gmdate( 'c', $last );
			if ( $is_published && 0 === $entry['attributed_since'] ) {
				$entry['flag'] = 0 === $entry['worktrees_since'] ? 'no_worktrees_since' : 'unattributed';
			}
			$summary[] = $entry;
		}
		return $summary;
	}

	/**
	 * A row as the REST API returns it (without the sort keys).
	 *
	 * @param array $row Row from read().
	 * @return array
	 */
	public static function public_row( array $row ): array {
		unset( $row['timestamp'], $row['position'] );
		return $row;
	}

	/**
	 * One row read back.
	 *
	 * @param int|string $handle     Worktree handle: a key of DMC's option, so an integer when numeric (kept as it is).
	 * @param array      $metadata   Stored metadata.
	 * @param array      $signatures Cleaned signatures registered now.
	 * @param int        $position   Position in the option.
	 * @param ?int       $timestamp  Its `created_at` as a Unix time (timestamp()).
	 * @return array
	 */
	private function row( $handle, array $metadata, array $signatures, int $position, $timestamp ): array {
		$raw_session = isset( $metadata['origin_session'] ) && is_array( $metadata['origin_session'] ) ? $metadata['origin_session'] : array();
		$session     = Origin_Session_Reader::summarize_session( $raw_session, $signatures );
		return array(
			'handle'          => $handle,
			'repo'            => Origin_Session_Reader::normalize_value( isset( $metadata['repo'] ) ? $metadata['repo'] : null ),
			'branch'          => Origin_Session_Reader::normalize_value( isset( $metadata['branch'] ) ? $metadata['branch'] : null ),
			'created_at'      => null === $timestamp ? null : gmdate( 'c', $timestamp ),
			'origin_session'  => array(
				'primary_id' => $session['primary_id'],
				'ids'        => $session['ids'],
			),
			'primary_runtime' => $session['primary_runtime'],
			'primary_rule'    => $session['primary_rule'],
			'legacy'          => Origin_Session_Reader::has_legacy_keys( $raw_session ),
			'timestamp'       => $timestamp,
			'position'        => $position,
		);
	}

	/**
	 * A stored `created_at` as a Unix time: DMC writes `Y-m-d H:i:s` (UTC) or ISO 8601.
	 *
	 * @param mixed $created_at Stored value.
	 * @return int|null Null when absent or unreadable.
	 */
	private static function timestamp( $created_at ): ?int {
		if ( ! is_string( $created_at ) || 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/', $created_at ) ) {
			return null;
		}
		$has_zone  = 1 === preg_match( '/(Z|[+-]\d{2}:?\d{2})$/i', trim( $created_at ) );
		$timestamp = strtotime( $has_zone ? $created_at : $created_at . ' UTC' );
		return false === $timestamp ? null : $timestamp;
	}
}
