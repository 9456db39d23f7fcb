<?php
/**
 * The catalogue of known runtimes: built in, and extended by other code.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

use Throwable;
use WP_Coding_Agents\Runtimes\DMC\Filter_Inspector;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Every runtime this site knows of, whether or not it is registered: the built-in entries
 * (Known_Runtimes) and those other code adds through the filter `wpca_runtime_catalogue`
 * (docs/catalogue.md). Nothing in the catalogue is published: a runtime reaches DMC only
 * once an admin adds it or an installer registers it (`PUT /runtimes/<id>` with
 * `{"preset": "<id>"}`), and then it is a runtime like any other.
 *
 * Other code is a neighbour, not trusted: each callback of the filter runs on its own, so
 * one that throws or returns something else than an array loses only its own change; every
 * entry is validated (Catalogue_Entry) and a bad one is dropped with the reason, naming the
 * file that added it; built-in entries cannot be changed or removed.
 */
class Runtime_Catalogue {

	public const FILTER = 'wpca_runtime_catalogue';

	/**
	 * Entries by id, in catalogue order (built-in first), while read() builds them.
	 *
	 * @var array<string, array>
	 */
	private $entries = array();

	/**
	 * What other code tried to add and was dropped, while read() builds it.
	 *
	 * @var array[]
	 */
	private $rejected = array();

	/**
	 * Every entry, built-in ones first, each in the shape of Catalogue_Entry::from(), and
	 * what the filter's callbacks tried and was dropped: `{ id, code, message, added_by }`,
	 * `id` null when a callback failed as a whole. Read afresh each time: the filter's
	 * callbacks may change within a request (they do in tests), and a request reads it once.
	 *
	 * @return array{entries: array<string, array>, rejected: array[]}
	 */
	public function read(): array {
		$this->entries  = array();
		$this->rejected = array();
		$this->build();
		return array(
			'entries'  => $this->entries,
			'rejected' => $this->rejected,
		);
	}

	/**
	 * One entry, or null.
	 *
	 * @param string $id Runtime id.
	 * @return array|null
	 */
	public function get( $id ): ?array {
		$entries = $this->read()['entries'];
		return is_string( $id ) && isset( $entries[ $id ] ) ? $entries[ $id ] : null;
	}

	/**
	 * What registering a runtime from the catalogue writes: its fields and label.
	 *
	 * @param string $id     The runtime being registered (valid).
	 * @param mixed  $preset The `preset` of the request body.
	 * @return array{fields: array<string, string>, label: string}|WP_Error
	 */
	public function preset_changes( string $id, $preset ) {
		if ( ! is_string( $preset ) || $preset !== $id ) {
			return Signature_Rules::error(
				'wpca_invalid_preset',
				'preset',
				sprintf(
					/* translators: %s: runtime id. */
					__( 'Invalid preset: it must be the id of the runtime being registered, here "%s" (GET /catalogue lists them).', 'wp-coding-agents-runtimes' ),
					$id
				)
			);
		}
		$entry = $this->get( $id );
		if ( null === $entry ) {
			return Signature_Rules::error(
				'wpca_unknown_preset',
				'preset',
				sprintf(
					/* translators: 1: runtime id, 2: catalogue ids. */
					__( 'Unknown preset "%1$s": the catalogue holds %2$s.', 'wp-coding-agents-runtimes' ),
					$id,
					implode( ', ', array_keys( $this->read()['entries'] ) )
				)
			);
		}
		if ( ! $entry['attributable'] ) {
			return Signature_Rules::error(
				'wpca_preset_unattributable',
				'preset',
				sprintf(
					/* translators: %s: runtime name. */
					__( '%s exports no variable that identifies its session, so there is nothing Data Machine Code could record for it; nothing was saved.', 'wp-coding-agents-runtimes' ),
					$entry['label']
				)
			);
		}
		return array(
			'fields' => $entry['fields'],
			'label'  => $entry['label'],
		);
	}

	/**
	 * Builds the catalogue: the built-in entries, then what the filter's callbacks add.
	 */
	private function build(): void {
		$built_in = Known_Runtimes::entries();
		foreach ( $built_in as $id => $raw ) {
			$entry = Catalogue_Entry::from( $id, $raw, Known_Runtimes::SIGNATURES[ $id ]['default'] );
			if ( ! is_wp_error( $entry ) ) {
				$this->entries[ $id ] = $entry;
			}
		}
		list( $value, $added_by ) = $this->apply_filter( $built_in );

		foreach ( $value as $id => $raw ) {
			$by = isset( $added_by[ $id ] ) ? $added_by[ $id ] : null;
			if ( isset( $built_in[ $id ] ) ) {
				if ( $raw !== $built_in[ $id ] ) {
					$this->reject( $id, 'wpca_catalogue_built_in', __( 'A built-in entry cannot be changed; the change is ignored. Add a runtime under an id of your own.', 'wp-coding-agents-runtimes' ), $by );
				}
				continue;
			}
			if ( ! is_string( $id ) || ! Signature_Rules::is_valid_id( $id ) ) {
				/* translators: %s: pattern. */
				$this->reject( (string) $id, 'wpca_catalogue_invalid_id', sprintf( __( 'Not a runtime id: ids match %s (never all digits).', 'wp-coding-agents-runtimes' ), Schema::ID_PATTERN ), $by );
				continue;
			}
			if ( count( $this->entries ) >= Schema::MAX_RUNTIMES ) {
				/* translators: %d: maximum number of entries. */
				$this->reject( $id, 'wpca_catalogue_full', sprintf( __( 'The catalogue holds at most %d runtimes.', 'wp-coding-agents-runtimes' ), Schema::MAX_RUNTIMES ), $by );
				continue;
			}
			// Every id beyond the built-in ones came from a callback, so $by names it.
			$entry = Catalogue_Entry::from( $id, $raw, false, $by );
			if ( is_wp_error( $entry ) ) {
				/* translators: %s: what is wrong. */
				$this->reject( $id, $entry->get_error_code(), sprintf( __( 'Dropped: %s.', 'wp-coding-agents-runtimes' ), $entry->get_error_message() ), $by );
				continue;
			}
			$this->entries[ $id ] = $entry;
		}
		foreach ( array_diff_key( $built_in, $value ) as $id => $raw ) {
			$this->reject( $id, 'wpca_catalogue_built_in', __( 'A built-in entry cannot be removed; it is kept.', 'wp-coding-agents-runtimes' ), null );
		}
	}

	/**
	 * Runs the filter's callbacks one by one, in the order WordPress would, each isolated:
	 * a callback that throws, or returns anything but an array, is reported and its result
	 * ignored, so it costs no other callback its entries.
	 *
	 * @param array $value The built-in entries.
	 * @return array{0: array, 1: array<string, array>} The filtered value, and who last added or changed each id.
	 */
	private function apply_filter( array $value ): array {
		global $wp_filter, $wp_current_filter;
		$added_by = array();
		if ( ! isset( $wp_filter[ self::FILTER ] ) ) {
			return array( $value, $added_by );
		}
		// current_filter() and doing_filter() answer inside the callbacks as with apply_filters().
		$wp_current_filter[] = self::FILTER;
		try {
			foreach ( $wp_filter[ self::FILTER ]->callbacks as $priority => $callbacks ) {
				foreach ( $callbacks as $callback ) {
					$where = Filter_Inspector::describe( $callback['function'], (int) $priority );
					try {
						$result = 0 === (int) $callback['accepted_args'] ? call_user_func( $callback['function'] ) : call_user_func( $callback['function'], $value );
					} catch ( Throwable $thrown ) {
						/* translators: 1: exception class, 2: its message. */
						$this->reject( null, 'wpca_catalogue_callback_failed', sprintf( __( 'The callback threw %1$s (%2$s); what it added is ignored.', 'wp-coding-agents-runtimes' ), get_class( $thrown ), mb_substr( $thrown->getMessage(), 0, 200 ) ), $where );
						continue;
					}
					if ( ! is_array( $result ) ) {
						/* translators: %s: PHP type. */
						$this->reject( null, 'wpca_catalogue_callback_failed', sprintf( __( 'The callback returned %s instead of the catalogue array; its result is ignored.', 'wp-coding-agents-runtimes' ), gettype( $result ) ), $where );
						continue;
					}
					foreach ( $result as $id => $entry ) {
						if ( ! array_key_exists( $id, $value ) || $value[ $id ] !== $entry ) {
							$added_by[ $id ] = $where;
						}
					}
					$value = $result;
				}
			}
		} finally {
			array_pop( $wp_current_filter );
		}
		return array( $value, $added_by );
	}

	/**
	 * Notes a dropped entry or a failed callback.
	 *
	 * @param string|null $id       Entry id, or null for a callback as a whole.
	 * @param string      $code     Code.
	 * @param string      $message  Why.
	 * @param array|null  $added_by Who (Filter_Inspector::describe()).
	 */
	private function reject( ?string $id, string $code, string $message, ?array $added_by ): void {
		$this->rejected[] = array(
			'id'       => $id,
			'code'     => $code,
			'message'  => $message,
			'added_by' => $added_by,
		);
	}
}
