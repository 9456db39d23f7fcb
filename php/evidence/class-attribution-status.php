<?php
/**
 * One answer per runtime: is attribution working, why not, and what fixes it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Evidence;

use WP_Coding_Agents\Runtimes\DMC\Foreign_Value;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: reads the evidence Attribution_Evidence::gather() collects and, for every runtime
 * (this plugin's, and the entries other code adds to DMC's filter), follows the chain
 * declared → published to DMC → seen in agent processes → recorded by DMC to the first
 * link that does not hold. That link is the verdict, with its reason and the one action
 * that fixes it; the chain is kept with each link's evidence and time. The screen, Site
 * Health, `GET /attribution/status` and the `attribution-status` ability all show this.
 *
 * Over 400 lines: the decisions and the sentences saying them belong together, and each
 * verdict's sentences are short; splitting them would put a verdict's rule and its words
 * in two files.
 */
class Attribution_Status {

	/** Verdicts, from the link of the chain that breaks first to "it all holds". */
	public const VERDICTS = array( 'not_published', 'overridden', 'waiting', 'not_observed', 'not_recorded', 'working' );

	/** What each verdict means for the site: good, info (nothing wrong yet) or warning. */
	public const SEVERITIES = array( 'good', 'info', 'warning' );

	/** The chain's links, in order. */
	public const STEPS = array( 'declared', 'published', 'seen', 'recorded' );

	/** A link's state: holds (done), breaks (failed), not yet known (waiting), not reached (skipped). */
	public const STEP_STATES = array( 'done', 'failed', 'waiting', 'skipped' );

	/** What the action asks of the admin; `view` names where on the screen it is done. */
	public const ACTIONS = array( 'publish', 'repair', 'resolve_override', 'fix_other_code', 'verify', 'edit', 'dmc_plugin', 'create_worktree', 'check_creator' );

	/**
	 * The evidence being read (Attribution_Evidence::gather()).
	 *
	 * @var array
	 */
	private array $evidence;

	/**
	 * Unix time the observation window starts.
	 *
	 * @var int
	 */
	private int $window_start;

	/**
	 * Every runtime's verdict: this plugin's in its list order, then other code's in filter order.
	 *
	 * @param array $evidence See Attribution_Evidence::gather().
	 * @return array[] See REST\Status_Controller::get_item_schema() (`runtimes`).
	 */
	public function evaluate( array $evidence ): array {
		$this->evidence     = $evidence;
		$this->window_start = $evidence['now'] - $evidence['window_days'] * DAY_IN_SECONDS;
		$verdicts           = array();
		$ours               = array();
		foreach ( $evidence['runtimes'] as $item ) {
			$ours[ $item['id'] ] = true;
			$verdicts[]          = $this->ours( $item );
		}
		$others = array_merge( array_keys( $evidence['filter_ids'] ), array_keys( $evidence['declarers'] ) );
		$others = array_diff( array_unique( array_map( 'strval', $others ) ), array_keys( $ours ) );
		// Other code's ids are shown as Foreign_Value shows any of its text, and as many.
		foreach ( array_slice( $others, 0, Foreign_Value::MAX_ENTRIES ) as $id ) {
			$verdict          = $this->other_code( $id );
			$verdict['id']    = Foreign_Value::text( $id );
			$verdict['label'] = $verdict['id'];
			$verdicts[]       = $verdict;
		}
		return $verdicts;
	}

	/**
	 * A runtime of this plugin's registry (or an unregistered preset).
	 *
	 * @param array $item Registry item.
	 * @return array
	 */
	private function ours( array $item ): array {
		$id       = $item['id'];
		$declared = $this->step( 'declared', 'done', $item['updated_at'], $this->declared_text( $item ) );
		if ( ! $item['enabled'] ) {
			return $this->verdict(
				$item,
				'not_published',
				$item['registered'] ? 'disabled' : 'preset',
				__( 'Not published', 'wp-coding-agents-runtimes' ),
				__( 'DMC does not read this runtime: it is turned off here.', 'wp-coding-agents-runtimes' ),
				$this->action( 'publish', __( 'Turn on “Published to DMC”', 'wp-coding-agents-runtimes' ), 'runtimes' ),
				array( $declared, $this->step( 'published', 'failed', null, __( 'Not published: turned off.', 'wp-coding-agents-runtimes' ) ) )
			);
		}
		if ( isset( $this->evidence['collisions'][ $id ] ) ) {
			$where = $this->declarer_text( $id );
			$text  = null === $this->evidence['collisions'][ $id ]['theirs']
				/* translators: %s: file and line of the other code, or "other code". */
				? sprintf( __( 'Other code (%s) removes it from the filter, so DMC does not read it.', 'wp-coding-agents-runtimes' ), $where )
				/* translators: %s: file and line of the other code, or "other code". */
				: sprintf( __( 'Other code (%s) puts its own entry under this id, so DMC reads that one instead.', 'wp-coding-agents-runtimes' ), $where );
			return $this->verdict(
				$item,
				'overridden',
				null,
				__( 'Overridden by other code', 'wp-coding-agents-runtimes' ),
				$text,
				$this->action( 'resolve_override', __( 'See the other code’s entry', 'wp-coding-agents-runtimes' ), 'dmc' ),
				array( $declared, $this->step( 'published', 'failed', null, $text ) )
			);
		}
		if ( ! isset( $this->evidence['signatures'][ $id ] ) ) {
			$text = __( 'Its stored entry is not valid for DMC, so it is left out of the filter.', 'wp-coding-agents-runtimes' );
			return $this->verdict(
				$item,
				'not_published',
				'invalid',
				__( 'Not published', 'wp-coding-agents-runtimes' ),
				$text,
				$this->action( 'repair', __( 'Repair the stored signatures', 'wp-coding-agents-runtimes' ), 'dmc' ),
				array( $declared, $this->step( 'published', 'failed', null, $text ) )
			);
		}
		return $this->read_by_dmc( $item, $declared, $item['updated_at'] );
	}

	/**
	 * An entry other code adds to DMC's filter.
	 *
	 * @param string $id Runtime id.
	 * @return array
	 */
	private function other_code( string $id ): array {
		$item     = array(
			'id'    => $id,
			'label' => $id,
			'owner' => 'other_code',
		);
		$declared = $this->step(
			'declared',
			'done',
			null,
			/* translators: %s: file and line of the other code, or "other code". */
			sprintf( __( 'Declared by other code: %s.', 'wp-coding-agents-runtimes' ), $this->declarer_text( $id ) )
		);
		if ( ! isset( $this->evidence['signatures'][ $id ] ) ) {
			$text = isset( $this->evidence['filter_ids'][ $id ] )
				? __( 'DMC skips this entry: its id or its pairs are not the non-empty strings DMC reads.', 'wp-coding-agents-runtimes' )
				: __( 'It does not reach DMC: a later callback of the filter drops it.', 'wp-coding-agents-runtimes' );
			return $this->verdict(
				$item,
				'not_published',
				'ignored_by_dmc',
				__( 'Not read by DMC', 'wp-coding-agents-runtimes' ),
				$text,
				$this->action( 'fix_other_code', __( 'Fix the entry in the other code', 'wp-coding-agents-runtimes' ), 'dmc' ),
				array( $declared, $this->step( 'published', 'failed', null, $text ) )
			);
		}
		return $this->read_by_dmc( $item, $declared, null );
	}

	/**
	 * A runtime DMC reads: is it seen in agent processes, is it recorded?
	 *
	 * @param array       $item         Registry item, or `{ id, label, owner }` for other code's.
	 * @param array       $declared     The declared link.
	 * @param string|null $published_at When it was published (its last change here), if known.
	 * @return array
	 */
	private function read_by_dmc( array $item, array $declared, ?string $published_at ): array {
		$id        = $item['id'];
		$position  = array_search( $id, array_map( 'strval', array_keys( $this->evidence['signatures'] ) ), true ) + 1;
		$count     = count( $this->evidence['signatures'] );
		$published = $this->step(
			'published',
			'done',
			$published_at,
			/* translators: 1: position, 2: number of runtimes DMC reads. */
			sprintf( __( 'DMC reads it in position %1$d of %2$d.', 'wp-coding-agents-runtimes' ), $position, $count )
		);
		$names      = array_values( $this->evidence['signatures'][ $id ] );
		$record     = isset( $this->evidence['records'][ $id ] ) ? $this->evidence['records'][ $id ] : null;
		$last_seen  = $this->last_seen( $id );
		$recorded   = null !== $record && $this->is_within( $record['last_attributed_at'] );
		$seen       = $recorded || $this->is_within( $last_seen['at'] );
		$dmc_active = 'active' === $this->evidence['dmc']['state'];
		$chain      = array( $declared, $published );

		if ( $recorded && $dmc_active ) {
			$chain[] = $this->seen_step( $last_seen, true );
			$chain[] = $this->step( 'recorded', 'done', $record['last_attributed_at'], $this->recorded_text( $record ) );
			return $this->verdict(
				$item,
				'working',
				null,
				__( 'Working', 'wp-coding-agents-runtimes' ),
				$this->recorded_text( $record ),
				null,
				$chain,
				$position
			);
		}
		if ( $seen ) {
			$chain[] = $this->seen_step( $last_seen, $recorded );
			return $this->not_recorded( $item, $chain, $record, $position );
		}
		return $this->not_seen( $item, $chain, $names, $last_seen, $published_at, $position, $record );
	}

	/**
	 * Seen in agent processes, nothing recorded by DMC (within the window).
	 *
	 * @param array      $item     Runtime.
	 * @param array[]    $chain    Links so far.
	 * @param array|null $record   Its evidence in DMC's records.
	 * @param int        $position Position in the filter.
	 * @return array
	 */
	private function not_recorded( array $item, array $chain, ?array $record, int $position ): array {
		$dmc = $this->evidence['dmc'];
		if ( 'active' !== $dmc['state'] ) {
			$missing = array(
				'absent'   => array( 'dmc_absent', __( 'Data Machine Code is not installed, so nothing records worktree sessions.', 'wp-coding-agents-runtimes' ), __( 'Install Data Machine Code', 'wp-coding-agents-runtimes' ) ),
				'inactive' => array( 'dmc_inactive', __( 'Data Machine Code is not active, so nothing records worktree sessions.', 'wp-coding-agents-runtimes' ), __( 'Activate Data Machine Code', 'wp-coding-agents-runtimes' ) ),
				/* translators: %s: DMC version. */
				'too_old'  => array( 'dmc_too_old', sprintf( __( 'Data Machine Code %s is too old to read runtime signatures (0.45 and later do).', 'wp-coding-agents-runtimes' ), (string) $dmc['version'] ), __( 'Update Data Machine Code', 'wp-coding-agents-runtimes' ) ),
			);
			list( $cause, $text, $label ) = $missing[ $dmc['state'] ];
			$chain[]                      = $this->step( 'recorded', 'failed', null, $text );
			return $this->verdict( $item, 'not_recorded', $cause, __( 'Seen, but DMC records nothing', 'wp-coding-agents-runtimes' ), $text, $this->action( 'dmc_plugin', $label, null ), $chain, $position );
		}
		$since = null !== $record && null !== $record['published_since'] ? $this->when( $record['published_since'] ) : null;
		if ( null !== $record && $record['worktrees_since'] > 0 && 0 === $record['attributed_since'] ) {
			$text = null === $since
				/* translators: %d: number of worktrees. */
				? sprintf( _n( 'DMC recorded %d worktree and it holds none of its values: the process that created it did not export its variables.', 'DMC recorded %d worktrees and none holds any of its values: the processes that created them did not export its variables.', $record['worktrees_since'], 'wp-coding-agents-runtimes' ), $record['worktrees_since'] )
				/* translators: 1: number of worktrees, 2: date and time. */
				: sprintf( _n( 'DMC recorded %1$d worktree since %2$s and it holds none of its values: the process that created it did not export its variables.', 'DMC recorded %1$d worktrees since %2$s and none holds any of its values: the processes that created them did not export its variables.', $record['worktrees_since'], 'wp-coding-agents-runtimes' ), $record['worktrees_since'], $since );
			$chain[] = $this->step( 'recorded', 'failed', null, $text );
			return $this->verdict( $item, 'not_recorded', 'unattributed', __( 'Seen, but DMC records nothing', 'wp-coding-agents-runtimes' ), $text, $this->action( 'check_creator', __( 'Check which process creates the worktrees', 'wp-coding-agents-runtimes' ), 'records' ), $chain, $position );
		}
		if ( null !== $record && null !== $record['last_attributed_at'] ) {
			/* translators: 1: number of days, 2: date and time. */
			$text    = sprintf( __( 'DMC has recorded none of its values in the last %1$d days (last %2$s).', 'wp-coding-agents-runtimes' ), $this->evidence['window_days'], $this->when( $record['last_attributed_at'] ) );
			$chain[] = $this->step( 'recorded', 'failed', $record['last_attributed_at'], $text );
			return $this->verdict( $item, 'not_recorded', 'not_in_window', __( 'Seen, but not recorded lately', 'wp-coding-agents-runtimes' ), $text, $this->action( 'create_worktree', __( 'Create a worktree from an agent session', 'wp-coding-agents-runtimes' ), 'records' ), $chain, $position );
		}
		$text = null === $since
			? __( 'DMC has recorded no worktree yet.', 'wp-coding-agents-runtimes' )
			/* translators: %s: date and time. */
			: sprintf( __( 'DMC has recorded no worktree since it was published (%s).', 'wp-coding-agents-runtimes' ), $since );
		$chain[] = $this->step( 'recorded', 'waiting', null, $text );
		return $this->verdict( $item, 'not_recorded', 'no_worktree_since', __( 'Seen, no worktree recorded yet', 'wp-coding-agents-runtimes' ), $text, $this->action( 'create_worktree', __( 'Create a worktree from an agent session', 'wp-coding-agents-runtimes' ), 'records' ), $chain, $position );
	}

	/**
	 * Not seen in an agent process within the window, nor recorded.
	 *
	 * @param array       $item         Runtime.
	 * @param array[]     $chain        Links so far.
	 * @param string[]    $names        Its variables.
	 * @param array       $last_seen    last_seen().
	 * @param string|null $published_at When it was published, if known.
	 * @param int         $position     Position in the filter.
	 * @param array|null  $record       Its evidence in DMC's records.
	 * @return array
	 */
	private function not_seen( array $item, array $chain, array $names, array $last_seen, ?string $published_at, int $position, ?array $record ): array {
		$id    = $item['id'];
		$list  = implode( ', ', $names );
		$ours  = ! isset( $item['owner'] );
		$edit  = $ours
			? $this->action( 'edit', __( 'Edit its variables to the ones the runtime exports', 'wp-coding-agents-runtimes' ), 'runtimes' )
			: $this->action( 'fix_other_code', __( 'Change its variables in the other code', 'wp-coding-agents-runtimes' ), 'dmc' );
		$lacks = $this->process_lacked( $id, $names, $published_at );
		if ( null !== $lacks ) {
			/* translators: 1: date and time, 2: variable names. */
			$text    = sprintf( __( 'An agent process that says it is this runtime reported on %1$s without any of %2$s.', 'wp-coding-agents-runtimes' ), $this->when( $lacks ), $list );
			$chain[] = $this->step( 'seen', 'failed', $lacks, $text );
			$chain[] = $this->records_so_far( $record );
			return $this->verdict( $item, 'not_observed', 'process_lacked', __( 'Variables not exported', 'wp-coding-agents-runtimes' ), $text, $edit, $chain, $position );
		}
		$fresh = null !== $published_at && $this->is_within( $published_at );
		if ( $fresh || array() === $this->evidence['observations'] ) {
			$text = $fresh
				/* translators: %s: date and time. */
				? sprintf( __( 'Published %s; no agent process has reported it since and DMC has recorded none of its values.', 'wp-coding-agents-runtimes' ), $this->when( $published_at ) )
				: __( 'No agent process has reported yet (bin/runtime-signature verify has not run on this site) and DMC has recorded none of its values.', 'wp-coding-agents-runtimes' );
			$chain[] = $this->step( 'seen', 'waiting', null, $text );
			$chain[] = $this->records_so_far( $record );
			return $this->verdict(
				$item,
				'waiting',
				$fresh ? 'just_published' : 'no_reports',
				__( 'Waiting for the first agent process', 'wp-coding-agents-runtimes' ),
				$text,
				/* translators: %s: runtime id. */
				$this->action( 'verify', sprintf( __( 'Run bin/runtime-signature verify --runtime %s in an agent process', 'wp-coding-agents-runtimes' ), $id ), 'processes' ),
				$chain,
				$position
			);
		}
		$text = null === $last_seen['at']
			/* translators: %s: variable names. */
			? sprintf( __( 'None of %s was ever seen in an agent process, so DMC probably records nothing for it.', 'wp-coding-agents-runtimes' ), $list )
			/* translators: 1: variable names, 2: number of days, 3: date and time. */
			: sprintf( __( 'None of %1$s was seen in an agent process in the last %2$d days (last %3$s).', 'wp-coding-agents-runtimes' ), $list, $this->evidence['window_days'], $this->when( $last_seen['at'] ) );
		$chain[] = $this->step( 'seen', 'failed', $last_seen['at'], $text );
		$chain[] = $this->records_so_far( $record );
		return $this->verdict(
			$item,
			'not_observed',
			null === $last_seen['at'] ? 'never' : 'not_in_window',
			null === $last_seen['at'] ? __( 'Variables never observed', 'wp-coding-agents-runtimes' ) : __( 'Variables not seen lately', 'wp-coding-agents-runtimes' ),
			$text,
			$edit,
			$chain,
			$position
		);
	}

	/**
	 * One runtime's answer.
	 *
	 * @param array       $item     Registry item, or `{ id, label, owner }`.
	 * @param string      $verdict  One of VERDICTS.
	 * @param string|null $cause    Which way it fails, finer than the verdict.
	 * @param string      $headline A few words.
	 * @param string      $reason   One sentence.
	 * @param array|null  $action   action(), or null when nothing is to be done.
	 * @param array[]     $chain    Links so far (the rest are added as skipped).
	 * @param int|null    $position Position in the filter DMC reads, if it reads it.
	 * @return array
	 */
	private function verdict( array $item, string $verdict, ?string $cause, string $headline, string $reason, ?array $action, array $chain, ?int $position = null ): array {
		$steps = array_column( $chain, 'step' );
		foreach ( self::STEPS as $step ) {
			if ( ! in_array( $step, $steps, true ) ) {
				$chain[] = $this->step( $step, 'skipped', null, '' );
			}
		}
		$id = $item['id'];
		return array(
			'id'        => $id,
			'label'     => '' !== (string) $item['label'] ? (string) $item['label'] : $id,
			'owner'     => isset( $item['owner'] ) ? $item['owner'] : 'plugin',
			'verdict'   => $verdict,
			'cause'     => $cause,
			'severity'  => self::severity( $verdict, $cause ),
			'headline'  => $headline,
			'reason'    => $reason,
			'action'    => $action,
			'position'  => $position,
			'variables' => $this->variables( $id ),
			'chain'     => $chain,
		);
	}

	/**
	 * How much a verdict matters: good, info (nothing is wrong yet) or warning.
	 *
	 * @param string      $verdict Verdict.
	 * @param string|null $cause   Cause.
	 * @return string
	 */
	public static function severity( string $verdict, ?string $cause ): string {
		switch ( $verdict ) {
			case 'working':
				return 'good';
			case 'waiting':
				return 'info';
			case 'not_published':
				return in_array( $cause, array( 'disabled', 'preset' ), true ) ? 'info' : 'warning';
			case 'not_recorded':
				return in_array( $cause, array( 'no_worktree_since', 'not_in_window' ), true ) ? 'info' : 'warning';
		}
		return 'warning';
	}

	/**
	 * One link of the chain.
	 *
	 * @param string      $step  One of STEPS.
	 * @param string      $state One of STEP_STATES.
	 * @param string|null $at    When its evidence dates from, ISO 8601 UTC.
	 * @param string      $text  What it says ('' when skipped).
	 * @return array
	 */
	private function step( string $step, string $state, ?string $at, string $text ): array {
		return array(
			'step'  => $step,
			'state' => $state,
			'at'    => $at,
			'text'  => $text,
		);
	}

	/**
	 * An action.
	 *
	 * @param string      $kind  One of ACTIONS.
	 * @param string      $label What to do, in a few words.
	 * @param string|null $view  The screen's view where it is done, or null (elsewhere).
	 * @return array
	 */
	private function action( string $kind, string $label, ?string $view ): array {
		return array(
			'kind'  => $kind,
			'label' => $label,
			'view'  => $view,
		);
	}

	/**
	 * The seen link when it holds: the newest observation, or DMC's records as the proof.
	 *
	 * @param array $last_seen last_seen().
	 * @param bool  $recorded  Whether DMC recorded its values within the window.
	 * @return array
	 */
	private function seen_step( array $last_seen, bool $recorded ): array {
		if ( $this->is_within( $last_seen['at'] ) ) {
			$text = null === $last_seen['host']
				/* translators: 1: variable name, 2: date and time. */
				? sprintf( __( '%1$s seen in an agent process %2$s.', 'wp-coding-agents-runtimes' ), $last_seen['name'], $this->when( $last_seen['at'] ) )
				/* translators: 1: variable name, 2: date and time, 3: host name. */
				: sprintf( __( '%1$s seen in an agent process %2$s on %3$s.', 'wp-coding-agents-runtimes' ), $last_seen['name'], $this->when( $last_seen['at'] ), $last_seen['host'] );
			return $this->step( 'seen', 'done', $last_seen['at'], $text );
		}
		return $this->step( 'seen', $recorded ? 'done' : 'waiting', null, __( 'No agent process reported it; DMC’s records show its values.', 'wp-coding-agents-runtimes' ) );
	}

	/**
	 * "In N worktrees, last <handle> on <date>."
	 *
	 * @param array $record Its evidence in DMC's records.
	 * @return string
	 */
	private function recorded_text( array $record ): string {
		return sprintf(
			/* translators: 1: number of worktrees, 2: worktree handle, 3: date and time, 4: of how many it gave the primary ID. */
			_n( 'DMC recorded its session in %1$d worktree: %2$s, %3$s (its primary ID in %4$d).', 'DMC recorded its session in %1$d worktrees, the last %2$s, %3$s (their primary ID in %4$d).', $record['worktrees'], 'wp-coding-agents-runtimes' ),
			$record['worktrees'],
			(string) $record['last_worktree'],
			$this->when( $record['last_attributed_at'] ),
			$record['primary']
		);
	}

	/**
	 * The recorded link while nothing is seen: what DMC's records say, as evidence to read
	 * (not a failure of its own: the agent may not have run).
	 *
	 * @param array|null $record Its evidence in DMC's records.
	 * @return array
	 */
	private function records_so_far( ?array $record ): array {
		if ( null === $record || null === $record['worktrees_since'] || 0 === $record['worktrees_since'] ) {
			return $this->step( 'recorded', 'skipped', null, '' );
		}
		$since = null === $record['published_since'] ? null : $this->when( $record['published_since'] );
		$text  = null === $since
			/* translators: 1: number of worktrees, 2: of them, holding its values. */
			? sprintf( _n( 'DMC recorded %1$d worktree; %2$d holds its values.', 'DMC recorded %1$d worktrees; %2$d hold its values.', $record['worktrees_since'], 'wp-coding-agents-runtimes' ), $record['worktrees_since'], $record['attributed_since'] )
			/* translators: 1: number of worktrees, 2: date and time, 3: of them, holding its values. */
			: sprintf( _n( 'DMC recorded %1$d worktree since %2$s; %3$d holds its values.', 'DMC recorded %1$d worktrees since %2$s; %3$d hold its values.', $record['worktrees_since'], 'wp-coding-agents-runtimes' ), $record['worktrees_since'], $since, $record['attributed_since'] );
		return $this->step( 'recorded', 'waiting', null, $text );
	}

	/**
	 * Who declared one of this plugin's runtimes, and when.
	 *
	 * @param array $item Registry item.
	 * @return string
	 */
	private function declared_text( array $item ): string {
		$by = null === $item['updated_by'] ? '' : $item['updated_by'];
		switch ( $item['source'] ) {
			case 'preset':
				return __( 'A preset of this plugin, not registered yet.', 'wp-coding-agents-runtimes' );
			case 'external':
				return __( 'Stored in the option by other code, without this plugin’s metadata.', 'wp-coding-agents-runtimes' );
			case 'installer':
				/* translators: 1: user login, 2: date and time. */
				return sprintf( __( 'Registered by an installer (%1$s), %2$s.', 'wp-coding-agents-runtimes' ), $by, $this->when( $item['updated_at'] ) );
			case 'adopted':
				/* translators: 1: user login, 2: date and time. */
				return sprintf( __( 'Adopted from other code by %1$s, %2$s.', 'wp-coding-agents-runtimes' ), $by, $this->when( $item['updated_at'] ) );
		}
		/* translators: 1: user login, 2: date and time. */
		return sprintf( __( 'Set on this screen by %1$s, %2$s.', 'wp-coding-agents-runtimes' ), $by, $this->when( $item['updated_at'] ) );
	}

	/**
	 * The file and line of the first other code declaring an id, or "other code".
	 *
	 * @param string $id Runtime id.
	 * @return string
	 */
	private function declarer_text( string $id ): string {
		if ( empty( $this->evidence['declarers'][ $id ] ) ) {
			return __( 'other code', 'wp-coding-agents-runtimes' );
		}
		$first = $this->evidence['declarers'][ $id ][0];
		if ( null === $first['file'] ) {
			return Foreign_Value::text( (string) $first['callback'] );
		}
		return Foreign_Value::text( null === $first['line'] ? $first['file'] : $first['file'] . ':' . $first['line'] );
	}

	/**
	 * Its variables as agent processes reported them.
	 *
	 * @param string $id Runtime id.
	 * @return array[] `{ subkey, name, last_seen_at, last_seen_host }`, in the entry's order.
	 */
	private function variables( string $id ): array {
		$variables = array();
		foreach ( $this->evidence['observed_variables'] as $variable ) {
			if ( $variable['runtime'] === $id ) {
				$variables[] = array(
					'subkey'         => $variable['subkey'],
					'name'           => $variable['name'],
					'last_seen_at'   => $variable['last_seen_at'],
					'last_seen_host' => $variable['last_seen_host'],
				);
			}
		}
		return $variables;
	}

	/**
	 * The newest sighting of any of its variables.
	 *
	 * @param string $id Runtime id.
	 * @return array{at: string|null, host: string|null, name: string|null}
	 */
	private function last_seen( string $id ): array {
		$last = array(
			'at'   => null,
			'host' => null,
			'name' => null,
		);
		foreach ( $this->variables( $id ) as $variable ) {
			if ( null !== $variable['last_seen_at'] && ( null === $last['at'] || strtotime( $variable['last_seen_at'] ) > strtotime( $last['at'] ) ) ) {
				$last = array(
					'at'   => $variable['last_seen_at'],
					'host' => $variable['last_seen_host'],
					'name' => $variable['name'],
				);
			}
		}
		return $last;
	}

	/**
	 * When an agent process that names itself this runtime reported, since its publication
	 * and within the window, without any of its variables; null when none did.
	 *
	 * @param string      $id           Runtime id.
	 * @param string[]    $names        Its variables.
	 * @param string|null $published_at When it was published, if known.
	 * @return string|null ISO 8601 time of the newest such report.
	 */
	private function process_lacked( string $id, array $names, ?string $published_at ): ?string {
		$since = null === $published_at ? $this->window_start : max( $this->window_start, (int) strtotime( $published_at ) );
		foreach ( $this->evidence['observations'] as $observation ) {
			$time = strtotime( $observation['observed_at'] );
			if ( $id === $observation['runtime'] && false !== $time && $time >= $since && array() === array_intersect( $names, $observation['found'] ) ) {
				return $observation['observed_at'];
			}
		}
		return null;
	}

	/**
	 * Whether a moment is within the observation window (a clock ahead counts as within).
	 *
	 * @param string|null $moment ISO 8601 time, or null for never.
	 * @return bool
	 */
	private function is_within( ?string $moment ): bool {
		if ( null === $moment ) {
			return false;
		}
		$time = strtotime( $moment );
		return false !== $time && $time >= $this->window_start;
	}

	/**
	 * A moment in the site's formats and timezone, as the screen shows dates.
	 *
	 * @param string|null $moment ISO 8601 time.
	 * @return string
	 */
	private function when( ?string $moment ): string {
		$time = null === $moment ? false : strtotime( $moment );
		if ( false === $time ) {
			return __( 'at an unknown time', 'wp-coding-agents-runtimes' );
		}
		return sprintf(
			/* translators: 1: date, 2: time (the site's formats). */
			__( '%1$s at %2$s', 'wp-coding-agents-runtimes' ),
			wp_date( (string) get_option( 'date_format' ), $time ),
			wp_date( (string) get_option( 'time_format' ), $time )
		);
	}
}
