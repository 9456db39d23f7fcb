<?php
/**
 * Data Machine Code's storage budget for a workspace lock's metadata.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * DMC stores each lock's metadata as `substr( wp_json_encode( array_slice( $metadata, 0, 20, true ) ), 0, 8192 )`
 * (WorkspaceLockStore::encode_metadata()). A longer JSON is stored cut, no longer parses,
 * and reads back as an empty array: the lock loses all of its metadata, not only the
 * `runtime_ids` this plugin's signatures produce. The metadata is
 * `{ workspace_path, lock_path, request_id, owner_context }`, the owner context holding
 * host, pid, up to four `DATAMACHINE_*` values (300 bytes each), `runtime_ids` and
 * `wp_cli_args` (1,000 bytes). DMC's own keys are measured here at their largest, as
 * plain characters JSON does not escape (see MARGIN), and encoded with the same
 * wp_json_encode() DMC calls, so slashes, non-ASCII characters and a multibyte character
 * split by DMC's 300-byte cut count exactly as DMC stores them.
 */
class Lock_Metadata_Budget {

	/** DMC cuts the metadata JSON at this many bytes. */
	public const BUDGET = 8192;

	/** DMC encodes at most this many top-level metadata keys. */
	public const MAX_TOP_LEVEL_KEYS = 20;

	/** DMC's own keys at their assumed largest, in bytes of plain characters. */
	public const MARGIN = array(
		'host'               => 253, // The longest DNS host name.
		'pid'                => 7,   // Linux's largest pid, 4194304.
		'datamachine_values' => 300, // Each of DATAMACHINE_TASK_URL, _TASK_REF, _AGENT, _AGENT_NAME.
		'wp_cli_args'        => 1000,
		'path'               => 255, // Each of workspace_path and lock_path.
		'request_id'         => 24,  // 12 random bytes in hex.
	);

	/** DMC's own environment keys of the owner context. */
	public const DATAMACHINE_KEYS = array( 'datamachine_task_url', 'datamachine_task_ref', 'datamachine_agent', 'datamachine_agent_name' );

	/**
	 * The bytes the lock metadata takes with these `runtime_ids`.
	 *
	 * @param array $runtime_ids The lock owner's `runtime_ids` (values already cut to 300 bytes, as DMC cuts them).
	 * @return array{runtime_ids_bytes: int, reserved_bytes: int, total_bytes: int, budget: int, fits: bool}
	 */
	public function measure( array $runtime_ids ): array {
		$total = strlen( self::encode( self::metadata( $runtime_ids ) ) );
		return array(
			'runtime_ids_bytes' => array() === $runtime_ids ? 0 : strlen( (string) wp_json_encode( $runtime_ids ) ),
			'reserved_bytes'    => strlen( self::encode( self::metadata( array() ) ) ),
			'total_bytes'       => $total,
			'budget'            => self::BUDGET,
			'fits'              => $total <= self::BUDGET,
		);
	}

	/**
	 * The worst case of these signatures: every declared variable set to a value DMC keeps
	 * whole, 300 plain bytes.
	 *
	 * @param array<string, array<string, string>> $signatures Signatures as DMC cleans them.
	 * @return array See measure().
	 */
	public function worst_case( array $signatures ): array {
		$runtime_ids = array();
		foreach ( $signatures as $id => $fields ) {
			foreach ( array_keys( $fields ) as $subkey ) {
				$runtime_ids[ $id ][ $subkey ] = str_repeat( 'x', Attribution_Resolver::LOCK_OWNER_MAX_LENGTH );
			}
		}
		return $this->measure( $runtime_ids );
	}

	/**
	 * What DMC would store for a lock with these `runtime_ids` and its own keys at their largest.
	 *
	 * @param array $runtime_ids The lock owner's `runtime_ids`.
	 * @return string
	 */
	public static function stored( array $runtime_ids ): string {
		return substr( self::encode( self::metadata( $runtime_ids ) ), 0, self::BUDGET );
	}

	/**
	 * DMC's lock metadata, its own values at their largest.
	 *
	 * @param array $runtime_ids The lock owner's `runtime_ids`; left out when empty, as DMC does.
	 * @return array
	 */
	private static function metadata( array $runtime_ids ): array {
		$context = array(
			'host' => str_repeat( 'h', self::MARGIN['host'] ),
			'pid'  => str_repeat( '9', self::MARGIN['pid'] ),
		);
		foreach ( self::DATAMACHINE_KEYS as $key ) {
			$context[ $key ] = str_repeat( 'd', self::MARGIN['datamachine_values'] );
		}
		if ( array() !== $runtime_ids ) {
			$context['runtime_ids'] = $runtime_ids;
		}
		$context['wp_cli_args'] = str_repeat( 'w', self::MARGIN['wp_cli_args'] );
		return array(
			'workspace_path' => str_repeat( 'p', self::MARGIN['path'] ),
			'lock_path'      => str_repeat( 'l', self::MARGIN['path'] ),
			'request_id'     => str_repeat( 'r', self::MARGIN['request_id'] ),
			'owner_context'  => $context,
		);
	}

	/**
	 * DMC's encoding before the cut.
	 *
	 * @param array $metadata Metadata.
	 * @return string
	 */
	private static function encode( array $metadata ): string {
		$json = wp_json_encode( array_slice( $metadata, 0, self::MAX_TOP_LEVEL_KEYS, true ) );
		return false === $json ? '{}' : (string) $json;
	}
}
