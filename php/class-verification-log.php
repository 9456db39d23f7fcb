<?php
/**
 * The last verification recorded from an agent process.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps one report in the non-autoloaded option `wpca_last_verification`: which declared
 * variables an agent process had (`bin/runtime-signature verify`) and the primary id DMC
 * would record. Only variable names and the primary id are stored, never other values.
 * Each report replaces the previous one whole, so no lock is needed.
 */
class Verification_Log {

	const OPTION = 'wpca_last_verification';

	/**
	 * Stores a preview's result as the last verification.
	 *
	 * @param array       $preview         Attribution_Resolver::preview() output.
	 * @param string|null $primary_runtime The runtime whose value became the primary id.
	 * @return array The stored report.
	 */
	public function record( array $preview, $primary_runtime ) {
		$actor  = Signature_Store::current_actor();
		$report = array(
			'recorded_at'     => gmdate( 'c' ),
			'recorded_by'     => $actor['user'],
			'source'          => $actor['source'],
			'declared'        => $preview['declared'],
			'found'           => $preview['found'],
			'missing'         => $preview['missing'],
			'primary_id'      => null === $preview['origin_session'] ? null : $preview['origin_session']['primary_id'],
			'primary_runtime' => $primary_runtime,
		);
		update_option( self::OPTION, $report, false );
		return $report;
	}

	/**
	 * The last report, read defensively: a stored value this plugin cannot read counts as none.
	 *
	 * @return array|null
	 */
	public function last() {
		$stored = get_option( self::OPTION, null );
		if ( ! is_array( $stored ) || ! isset( $stored['recorded_at'] ) || ! is_string( $stored['recorded_at'] ) ) {
			return null;
		}
		return array(
			'recorded_at'     => $stored['recorded_at'],
			'recorded_by'     => self::string_or_null( $stored, 'recorded_by' ),
			'source'          => isset( $stored['source'] ) && in_array( $stored['source'], Schema::VERIFICATION_SOURCES, true ) ? $stored['source'] : 'admin',
			'declared'        => self::names( $stored, 'declared' ),
			'found'           => self::names( $stored, 'found' ),
			'missing'         => self::names( $stored, 'missing' ),
			'primary_id'      => self::string_or_null( $stored, 'primary_id' ),
			'primary_runtime' => self::string_or_null( $stored, 'primary_runtime' ),
		);
	}

	/**
	 * A stored string, or null.
	 *
	 * @param array  $stored Stored report.
	 * @param string $key    Key.
	 * @return string|null
	 */
	private static function string_or_null( array $stored, $key ) {
		return isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ? $stored[ $key ] : null;
	}

	/**
	 * A stored list of variable names (strings only).
	 *
	 * @param array  $stored Stored report.
	 * @param string $key    Key.
	 * @return string[]
	 */
	private static function names( array $stored, $key ) {
		if ( ! isset( $stored[ $key ] ) || ! is_array( $stored[ $key ] ) ) {
			return array();
		}
		return array_values( array_filter( $stored[ $key ], 'is_string' ) );
	}
}
