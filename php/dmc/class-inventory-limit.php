<?php
/**
 * Data Machine Code's inventory column for the primary id.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * DMC 0.56+ also writes each worktree record into its inventory table
 * (`{prefix}datamachine_code_worktrees`), the primary id alone in `origin_session`, a
 * `varchar(191)`. It writes the row with `$wpdb->replace()`, and wpdb refuses a value longer
 * than its column: the whole inventory row is not written (the record in DMC's option still
 * is). MySQL counts a varchar's length in characters, so this does too.
 */
class Inventory_Limit {

	/** Characters DMC's inventory keeps of a primary id. */
	public const MAX_LENGTH = 191;

	/**
	 * A primary id against the column.
	 *
	 * @param string|null $primary_id Primary id, or null when none.
	 * @return array{length: int|null, max_length: int, fits: bool}
	 */
	public function measure( $primary_id ) {
		$length = null === $primary_id ? null : mb_strlen( (string) $primary_id, 'UTF-8' );
		return array(
			'length'     => $length,
			'max_length' => self::MAX_LENGTH,
			'fits'       => null === $length || $length <= self::MAX_LENGTH,
		);
	}
}
