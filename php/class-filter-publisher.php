<?php
/**
 * Publishes the stored signatures through Data Machine Code's filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

defined( 'ABSPATH' ) || exit;

/**
 * DMC calls `apply_filters( 'datamachine_code_worktree_runtime_signatures', array() )` and
 * reads nothing from the database: this callback is how stored signatures reach it.
 * It only appends; entries other code put there are never removed or overwritten.
 */
class Filter_Publisher {

	const HOOK = 'datamachine_code_worktree_runtime_signatures';

	const PRIORITY = 10;

	/**
	 * Store holding the published signatures.
	 *
	 * @var Signature_Store
	 */
	private $store;

	/**
	 * Collisions seen by the last run of publish(): id => `{ id, ours, theirs }`.
	 *
	 * @var array
	 */
	private $collisions = array();

	/**
	 * Constructor.
	 *
	 * @param Signature_Store $store Store.
	 */
	public function __construct( Signature_Store $store ) {
		$this->store = $store;
	}

	/**
	 * Filter callback: appends our valid signatures, in precedence order. An id that is
	 * already present is a collision: theirs is kept.
	 *
	 * @param mixed $signatures Value so far; anything but an array counts as empty.
	 * @return array
	 */
	public function publish( $signatures ) {
		if ( ! is_array( $signatures ) ) {
			$signatures = array();
		}
		$this->collisions = array();
		foreach ( $this->store->published_signatures() as $id => $fields ) {
			if ( array_key_exists( $id, $signatures ) ) {
				$this->collisions[ $id ] = array(
					'id'     => $id,
					'ours'   => $fields,
					'theirs' => $signatures[ $id ],
				);
				continue;
			}
			$signatures[ $id ] = $fields;
		}
		return $signatures;
	}

	/**
	 * What DMC sees, and where our entries do not take effect.
	 *
	 * @return array{signatures: mixed, collisions: array[]} Collisions `{ id, ours, theirs }` include
	 *               entries a later callback overwrote or removed (`theirs` null when removed).
	 */
	public function effective() {
		$this->collisions = array();
		$signatures       = apply_filters( self::HOOK, array() );
		$collisions       = $this->collisions;

		$output = is_array( $signatures ) ? $signatures : array();
		foreach ( $this->store->published_signatures() as $id => $fields ) {
			if ( isset( $collisions[ $id ] ) ) {
				continue;
			}
			$theirs = array_key_exists( $id, $output ) ? $output[ $id ] : null;
			if ( $theirs !== $fields ) {
				$collisions[ $id ] = array(
					'id'     => $id,
					'ours'   => $fields,
					'theirs' => $theirs,
				);
			}
		}
		return array(
			'signatures' => $signatures,
			'collisions' => array_values( $collisions ),
		);
	}
}
