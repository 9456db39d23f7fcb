<?php
/**
 * Publishes the stored signatures through Data Machine Code's filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

defined( 'ABSPATH' ) || exit;

/**
 * DMC calls `apply_filters( 'datamachine_code_worktree_runtime_signatures', array() )` and
 * reads nothing from the database: this callback is how stored signatures reach it.
 * It only appends; entries other code put there are never removed or overwritten.
 *
 * DMC may call the filter many times per request, so the published map is read from the
 * store once per request and kept until the options it comes from change (their own
 * add/update/delete hooks) or another site is switched to: each call then costs what a
 * callback returning a hard-coded array costs, whatever the registry's size. Another
 * process's change is seen by the next request, which starts with nothing kept.
 */
class Filter_Publisher {

	public const HOOK = 'datamachine_code_worktree_runtime_signatures';

	public const PRIORITY = 10;

	/** The options what is published is read from: a change to any of them forgets the kept map. */
	public const SOURCE_OPTIONS = array( Signature_Store::OPTION, Signature_Store::META_OPTION );

	/**
	 * Store holding the published signatures.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * The published map, read once from the store; null until needed or after a change.
	 *
	 * @var array<string, array<string, string>>|null
	 */
	private ?array $published = null;

	/**
	 * Whether the hooks that forget the kept map are on.
	 *
	 * @var bool
	 */
	private bool $watching = false;

	/**
	 * Runs the filter's callbacks for the plugin's own look at it.
	 *
	 * @var Filter_Inspector
	 */
	private Filter_Inspector $inspector;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store       $store     Store.
	 * @param Filter_Inspector|null $inspector Runs the filter for effective() (default: its own).
	 */
	public function __construct( Signature_Store $store, $inspector = null ) {
		$this->store     = $store;
		$this->inspector = $inspector instanceof Filter_Inspector ? $inspector : new Filter_Inspector();
	}

	/**
	 * Filter callback: appends our valid signatures, in precedence order (see append()).
	 *
	 * @param mixed $signatures Value so far; anything but an array counts as empty.
	 * @return array
	 */
	public function publish( $signatures ): array {
		return self::append( $this->published ?? $this->read_published(), $signatures );
	}

	/**
	 * What publish() returns for a value: the value with our entries appended, except those
	 * whose id is already there (a collision: theirs is kept).
	 *
	 * @param array<string, array<string, string>> $published  Our entries.
	 * @param mixed                                $signatures Value so far; anything but an array counts as empty.
	 * @return array
	 */
	public static function append( array $published, $signatures ): array {
		// DMC's own call passes an empty array: the kept map is the answer, as it is.
		if ( array() === $signatures || ! is_array( $signatures ) ) {
			return $published;
		}
		foreach ( $published as $id => $fields ) {
			if ( ! array_key_exists( $id, $signatures ) ) {
				$signatures[ $id ] = $fields;
			}
		}
		return $signatures;
	}

	/**
	 * What DMC sees, and where our entries do not take effect: one isolated run of the
	 * filter's callbacks per request (Filter_Inspector), without applying the filter, so a
	 * neighbour's broken callback is a finding rather than a failed request.
	 *
	 * @return array{signatures: mixed, collisions: array[]} Collisions `{ id, ours, theirs }` include
	 *               entries a later callback overwrote or removed (`theirs` null when removed).
	 */
	public function effective(): array {
		$inspection = $this->inspection();
		return array(
			'signatures' => $inspection['signatures'],
			'collisions' => $inspection['collisions'],
		);
	}

	/**
	 * The whole run behind effective(): also who declares each entry of other code and
	 * which of its callbacks fail (Filter_Inspector::inspect()).
	 *
	 * @return array
	 */
	public function inspection(): array {
		return $this->inspector->inspect( $this->published ?? $this->read_published() );
	}

	/**
	 * Reads the published map from the store and keeps it, watching its options from now on.
	 *
	 * @return array<string, array<string, string>>
	 */
	private function read_published(): array {
		if ( ! $this->watching ) {
			$this->watching = true;
			foreach ( self::SOURCE_OPTIONS as $option ) {
				add_action( "add_option_{$option}", array( $this, 'forget_published' ) );
				add_action( "update_option_{$option}", array( $this, 'forget_published' ) );
				add_action( "delete_option_{$option}", array( $this, 'forget_published' ) );
			}
			add_action( 'switch_blog', array( $this, 'forget_published' ) );
		}
		$this->published = $this->store->published_signatures();
		return $this->published;
	}

	/**
	 * Forgets the kept map (option hooks, `switch_blog`); the next call reads the store again.
	 */
	public function forget_published(): void {
		$this->published = null;
	}
}
