<?php
/**
 * A Site Health test: whether Data Machine Code can attribute worktrees to agent sessions.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Admin;

use Throwable;
use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Findings;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Foreign_Value;
use WP_Coding_Agents\Runtimes\DMC\Inventory_Limit;
use WP_Coding_Agents\Runtimes\DMC\Lock_Metadata_Budget;
use WP_Coding_Agents\Runtimes\DMC\Precedence_Warnings;
use WP_Coding_Agents\Runtimes\Evidence\Attribution_Evidence;
use WP_Coding_Agents\Runtimes\Evidence\Attribution_Status;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Tools → Site Health reports, without opening the plugin's screen, what would leave DMC
 * recording no session: DMC missing, nothing published, stored entries that cannot be
 * published, each runtime whose verdict (Attribution_Status, as the screen shows it) is a
 * warning — overridden by other code, variables no agent process exports, worktrees DMC
 * records without its values — with a link to that runtime on the screen, or an agent
 * process that exposed none of the variables;
 * and what would make it record the wrong one or lose it: a generic session variable ahead
 * of specific ones, and DMC's limits (the 8 KB lock metadata, the 191-character inventory
 * column for the primary id).
 */
final class Site_Health {

	/** The test's key in `site_status_tests`. */
	public const TEST = 'wpca_runtime_signatures';

	/**
	 * Registry.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Observations from agent processes.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $verification_log;

	/**
	 * Whether Data Machine Code is there.
	 *
	 * @var DMC_Detector
	 */
	private DMC_Detector $dmc;

	/**
	 * What the per-runtime verdicts are judged on.
	 *
	 * @var Attribution_Evidence
	 */
	private Attribution_Evidence $evidence;

	/**
	 * @param Signature_Store      $store            Registry.
	 * @param Filter_Publisher     $publisher        Filter publisher.
	 * @param Verification_Log     $verification_log Last verification.
	 * @param DMC_Detector         $dmc              DMC detection.
	 * @param Attribution_Evidence $evidence         The evidence of the verdicts.
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher, Verification_Log $verification_log, DMC_Detector $dmc, Attribution_Evidence $evidence ) {
		$this->store            = $store;
		$this->publisher        = $publisher;
		$this->verification_log = $verification_log;
		$this->dmc              = $dmc;
		$this->evidence         = $evidence;
	}

	/**
	 * `site_status_tests` filter.
	 *
	 * @param array $tests Tests by type; untyped (in and out), as a filter gets and passes on
	 *                     whatever the callbacks before it returned.
	 * @return array
	 */
	public function add_test( $tests ) {
		$tests['direct'][ self::TEST ] = array(
			'label' => __( 'Coding-agent runtime signatures', 'wp-coding-agents-runtimes' ),
			'test'  => array( $this, 'run' ),
		);
		return $tests;
	}

	/**
	 * The test result, in Site Health's shape.
	 *
	 * @return array
	 */
	public function run(): array {
		$result = array(
			'label'       => __( 'Data Machine Code can attribute worktrees to coding-agent sessions', 'wp-coding-agents-runtimes' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Coding agents', 'wp-coding-agents-runtimes' ),
				'color' => 'blue',
			),
			'description' => '',
			'actions'     => '',
			'test'        => self::TEST,
		);
		// Core's screen runs every test in one request: whatever goes wrong here is this test's finding, never that screen's error.
		try {
			$findings = $this->findings();
		} catch ( Throwable $error ) {
			$findings = array(
				array(
					'label'  => __( 'The coding-agent runtime signatures could not be checked', 'wp-coding-agents-runtimes' ),
					/* translators: 1: error class, 2: its message, 3: file:line. */
					'detail' => sprintf( __( 'Checking them failed: %1$s: %2$s (%3$s).', 'wp-coding-agents-runtimes' ), get_class( $error ), Foreign_Value::text( $error->getMessage() ), wp_basename( $error->getFile() ) . ':' . $error->getLine() ),
				),
			);
		}
		if ( array() === $findings ) {
			$result['description'] = '<p>' . esc_html(
				sprintf(
					/* translators: %s: runtime ids in precedence order. */
					__( 'Published runtime signatures, in precedence order: %s.', 'wp-coding-agents-runtimes' ),
					implode( ', ', array_keys( $this->store->published_signatures() ) )
				)
			) . '</p>';
			$dmc = $this->dmc->status();
			if ( null !== $dmc['version'] ) {
				$result['description'] .= '<p>' . esc_html(
					sprintf(
						/* translators: %s: DMC version. */
						__( 'Data Machine Code %s is active and reads them.', 'wp-coding-agents-runtimes' ),
						$dmc['version']
					)
				) . ( $dmc['consumes']['lock_owner'] ? '' : ' ' . esc_html__( 'Its workspace locks record no session ids: they read the signatures only in releases after 0.47.7.', 'wp-coding-agents-runtimes' ) ) . '</p>';
			}
		} else {
			$result['status'] = 'recommended';
			$result['label']  = $findings[0]['label'];
			$items            = array();
			foreach ( $findings as $finding ) {
				$items[] = esc_html( $finding['detail'] ) . ( isset( $finding['link'] ) && Capability::current_user_can_manage() ? ' ' . $finding['link'] : '' );
			}
			$result['description'] = '<ul><li>' . implode( '</li><li>', $items ) . '</li></ul>';
		}
		if ( Capability::current_user_can_manage() ) {
			$result['actions'] = sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url( Admin_Page::url() ),
				esc_html__( 'Manage agent runtimes', 'wp-coding-agents-runtimes' )
			);
		}
		return $result;
	}

	/**
	 * What keeps DMC from attributing worktrees, most fundamental first.
	 *
	 * @return array[] `{ label, detail }`: a short title and a sentence for the admin.
	 */
	private function findings(): array {
		$findings = array();
		$dmc      = $this->dmc_finding();
		if ( null !== $dmc ) {
			$findings[] = $dmc;
		}
		if ( array() === $this->store->published_signatures() ) {
			$findings[] = array(
				'label'  => __( 'No coding-agent runtime is published', 'wp-coding-agents-runtimes' ),
				'detail' => __( 'Data Machine Code records no agent session for new worktrees until a runtime signature is published. An agent installer registers its runtime, or an administrator enables one.', 'wp-coding-agents-runtimes' ),
			);
		}
		$problems = count( $this->store->problems() );
		if ( $problems ) {
			$findings[] = array(
				'label'  => __( 'Some stored runtime signatures cannot be published', 'wp-coding-agents-runtimes' ),
				'detail' => sprintf(
					/* translators: %d: number of entries. */
					_n(
						'%d stored runtime signature entry is not valid for Data Machine Code and is left out; repair it on the Agent Runtimes screen.',
						'%d stored runtime signature entries are not valid for Data Machine Code and are left out; repair them on the Agent Runtimes screen.',
						$problems,
						'wp-coding-agents-runtimes'
					),
					$problems
				),
			);
		}
		$inspection = $this->publisher->inspection();
		foreach ( ( new Filter_Findings() )->of( $inspection ) as $finding ) {
			if ( 'wpca_secret_env_name' === $finding['code'] ) {
				$findings[] = array(
					'label'  => __( 'A runtime signature names a variable that looks like a credential', 'wp-coding-agents-runtimes' ),
					'detail' => $finding['message'],
				);
			} elseif ( in_array( $finding['code'], Filter_Findings::CALLBACK_CODES, true ) ) {
				$findings[] = array(
					'label'  => __( 'Other code\'s callback on the runtime signatures filter fails', 'wp-coding-agents-runtimes' ),
					'detail' => $finding['message'],
				);
			}
		}
		foreach ( $this->runtime_findings() as $finding ) {
			$findings[] = $finding;
		}
		$findings = array_merge( $findings, $this->order_and_limit_findings() );
		$last     = $this->verification_log->last();
		if ( null !== $last && null === $last['primary_runtime'] && array() !== $last['declared'] ) {
			$findings[] = array(
				'label'  => __( 'The last agent verification found no session id', 'wp-coding-agents-runtimes' ),
				'detail' => sprintf(
					/* translators: %s: date and time of the verification. */
					__( 'The last verification from an agent process (%s) found no session id among the declared variables, so Data Machine Code would record no session for that agent. Check which variables the agent really sets.', 'wp-coding-agents-runtimes' ),
					wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), strtotime( $last['recorded_at'] ) )
				),
			);
		}
		return $findings;
	}

	/**
	 * One finding per runtime whose verdict is a warning, as the screen says it, linking to
	 * that runtime there. Not published entries are left to the findings about what is
	 * published, and a missing DMC to its own finding: each fact is said once.
	 *
	 * @return array[] `{ label, detail, link }`.
	 */
	private function runtime_findings(): array {
		$labels   = array(
			'overridden'   => __( 'Other code overrides a coding-agent runtime signature', 'wp-coding-agents-runtimes' ),
			'not_observed' => __( 'No agent process was seen exporting a published runtime\'s variables', 'wp-coding-agents-runtimes' ),
			'not_recorded' => __( 'Data Machine Code records worktrees without a published runtime\'s session', 'wp-coding-agents-runtimes' ),
		);
		$findings = array();
		foreach ( ( new Attribution_Status() )->evaluate( $this->evidence->gather( time() ) ) as $runtime ) {
			if ( 'warning' !== $runtime['severity'] || ! isset( $labels[ $runtime['verdict'] ] ) || 0 === strpos( (string) $runtime['cause'], 'dmc_' ) ) {
				continue;
			}
			$findings[] = array(
				'label'  => $labels[ $runtime['verdict'] ],
				/* translators: 1: runtime id, 2: why (a sentence). */
				'detail' => sprintf( __( 'Runtime "%1$s": %2$s', 'wp-coding-agents-runtimes' ), Foreign_Value::text( $runtime['id'] ), $runtime['reason'] ),
				'link'   => sprintf(
					'<a href="%s">%s</a>',
					esc_url( Admin_Page::url( 'runtimes', $runtime['id'] ) ),
					/* translators: %s: runtime id. */
					esc_html( sprintf( __( 'Show %s on the Agent Runtimes screen', 'wp-coding-agents-runtimes' ), $runtime['id'] ) )
				),
			);
		}
		return $findings;
	}

	/**
	 * Where DMC would record the wrong session or lose what it records: a generic session
	 * variable ahead of specific ones, signatures that could overflow the lock metadata,
	 * recorded primary ids too long for DMC's inventory column.
	 *
	 * @return array[] `{ label, detail }`.
	 */
	private function order_and_limit_findings() {
		$findings   = array();
		$resolver   = new Attribution_Resolver();
		$signatures = $resolver->clean( $this->publisher->effective()['signatures'] );
		foreach ( ( new Precedence_Warnings() )->of( $signatures ) as $warning ) {
			$findings[] = array(
				'label'  => __( 'A generic session variable comes before specific ones', 'wp-coding-agents-runtimes' ),
				'detail' => $warning['message'],
			);
		}
		$budget = ( new Lock_Metadata_Budget() )->worst_case( $signatures );
		if ( ! $budget['fits'] ) {
			$findings[] = array(
				'label'  => __( 'A workspace lock could lose its metadata', 'wp-coding-agents-runtimes' ),
				'detail' => sprintf(
					/* translators: 1: bytes, 2: budget in bytes. */
					__( 'The published signatures declare so many variables that, at 300 bytes a value (the most DMC keeps), a workspace lock\'s metadata could reach %1$d bytes, over DMC\'s %2$d. DMC would then lose the lock\'s whole metadata. Publish fewer variables.', 'wp-coding-agents-runtimes' ),
					$budget['total_bytes'],
					$budget['budget']
				),
			);
		}
		$limit    = new Inventory_Limit();
		$too_long = 0;
		foreach ( ( new DMC_Worktree_Records() )->read( $signatures )['rows'] as $row ) {
			if ( ! $limit->measure( $row['origin_session']['primary_id'] )['fits'] ) {
				++$too_long;
			}
		}
		if ( $too_long > 0 ) {
			$findings[] = array(
				'label'  => __( 'Primary ids too long for DMC\'s inventory', 'wp-coding-agents-runtimes' ),
				'detail' => sprintf(
					/* translators: 1: number of worktrees, 2: maximum length. */
					_n(
						'%1$d worktree DMC recorded has a primary id longer than %2$d characters, the size of DMC\'s inventory column: DMC 0.56 and later could not write its inventory row. Check which variable the runtime fills with such a long value.',
						'%1$d worktrees DMC recorded have a primary id longer than %2$d characters, the size of DMC\'s inventory column: DMC 0.56 and later could not write their inventory rows. Check which variable the runtime fills with such long values.',
						$too_long,
						'wp-coding-agents-runtimes'
					),
					$too_long,
					Inventory_Limit::MAX_LENGTH
				),
			);
		}
		return $findings;
	}

	/**
	 * What is missing when DMC cannot consume the signatures, or null.
	 *
	 * @return array|null `{ label, detail }`.
	 */
	private function dmc_finding(): ?array {
		$status = $this->dmc->status();
		$why    = __( 'Signatures are stored and published; nothing consumes them yet, so no worktree records which agent session created it.', 'wp-coding-agents-runtimes' );
		switch ( $status['state'] ) {
			case 'absent':
				return array(
					'label'  => __( 'Data Machine Code is not installed', 'wp-coding-agents-runtimes' ),
					/* translators: 1: plugin file, 2: why it matters. */
					'detail' => sprintf( __( 'Data Machine Code (%1$s) was not found. %2$s', 'wp-coding-agents-runtimes' ), DMC_Detector::PLUGIN_FILE, $why ),
				);
			case 'inactive':
				return array(
					'label'  => __( 'Data Machine Code is not active', 'wp-coding-agents-runtimes' ),
					/* translators: 1: version, 2: why it matters. */
					'detail' => sprintf( __( 'Data Machine Code %1$s is installed but not active on this site. %2$s', 'wp-coding-agents-runtimes' ), (string) $status['version'], $why ),
				);
			case 'too_old':
				return array(
					'label'  => __( 'Data Machine Code is too old to read runtime signatures', 'wp-coding-agents-runtimes' ),
					/* translators: 1: installed version, 2: first version that reads signatures, 3: why it matters. */
					'detail' => sprintf( __( 'Data Machine Code %1$s is active, but only %2$s and later read runtime signatures. %3$s', 'wp-coding-agents-runtimes' ), (string) $status['version'], DMC_Detector::ORIGIN_SESSION_SINCE, $why ),
				);
		}
		return null;
	}
}
