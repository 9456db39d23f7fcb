<?php
/**
 * Everything the plugin keeps about whether attribution works, read in one place.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Evidence;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Collects, for Attribution_Status, what the registry, the filter (the publisher's inspection),
 * the observation history and its window, the DMC detector and DMC's worktree records say
 * now. Reads only; the REST route, Site Health and the ability share it.
 */
class Attribution_Evidence {

	/**
	 * Registry.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * DMC detection.
	 *
	 * @var DMC_Detector
	 */
	private DMC_Detector $dmc;

	/**
	 * DMC's worktree records.
	 *
	 * @var DMC_Worktree_Records
	 */
	private DMC_Worktree_Records $records;

	/**
	 * @param Signature_Store      $store     Registry.
	 * @param Filter_Publisher     $publisher Publisher.
	 * @param Verification_Log     $log       Observation history.
	 * @param DMC_Detector         $dmc       DMC detection.
	 * @param DMC_Worktree_Records $records   DMC's worktree records.
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher, Verification_Log $log, DMC_Detector $dmc, DMC_Worktree_Records $records ) {
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->log       = $log;
		$this->dmc       = $dmc;
		$this->records   = $records;
	}

	/**
	 * The evidence now.
	 *
	 * @param int $now Unix time the observation window is measured from.
	 * @return array{now: int, window_days: int, dmc: array, runtimes: array[], signatures: array, filter_ids: array, collisions: array, declarers: array, observations: array[], observed_variables: array[], records: array}
	 */
	public function gather( int $now ): array {
		$effective  = $this->publisher->inspection();
		$signatures = ( new Attribution_Resolver() )->clean( $effective['signatures'] );
		$runtimes   = $this->store->list_items();
		$window     = $this->log->window_days();
		$history    = $this->log->observations();
		$observed   = ( new Observation_Summary() )->summarize( $signatures, $history, $window, $now );
		$collisions = array();
		foreach ( $effective['collisions'] as $collision ) {
			$collisions[ (string) $collision['id'] ] = $collision;
		}
		$changed_at = array();
		foreach ( $runtimes as $item ) {
			if ( $item['enabled'] ) {
				$changed_at[ $item['id'] ] = $item['updated_at'];
			}
		}
		$records = array();
		$read    = $this->records->read( $signatures );
		foreach ( $this->records->runtime_summary( $read['rows'], array_map( 'strval', array_keys( $signatures ) ), $changed_at ) as $summary ) {
			$records[ $summary['id'] ] = $summary;
		}
		return array(
			'now'                => $now,
			'window_days'        => $window,
			'dmc'                => $this->dmc->status(),
			'runtimes'           => $runtimes,
			'signatures'         => $signatures,
			'filter_ids'         => is_array( $effective['signatures'] ) ? array_fill_keys( array_map( 'strval', array_keys( $effective['signatures'] ) ), true ) : array(),
			'collisions'         => $collisions,
			'declarers'          => $effective['declarers'],
			'observations'       => $history,
			'observed_variables' => $observed['variables'],
			'records'            => $records,
		);
	}
}
