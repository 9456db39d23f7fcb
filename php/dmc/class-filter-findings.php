<?php
/**
 * What an admin should know about DMC's filter beyond what it holds.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Secret_Names;

defined( 'ABSPATH' ) || exit;

/**
 * Turns one inspection of the filter (Filter_Publisher::inspection()) into findings, each
 * with a message: other code's callbacks that throw, warn, print or return something other
 * than a map (named by file and line), variable names that look like credentials (DMC
 * would store their values; Secret_Names), and more entries than the screen shows. The
 * REST API (GET /signatures, `findings`), the screen and Site Health show the same list.
 */
final class Filter_Findings {

	/** Codes of other code's callbacks failing. */
	public const CALLBACK_CODES = array( 'wpca_callback_threw', 'wpca_callback_warned', 'wpca_callback_printed', 'wpca_callback_not_map' );

	/** Every code of(): the callbacks', a variable that looks like a credential, more entries than shown. */
	public const CODES = array( 'wpca_callback_threw', 'wpca_callback_warned', 'wpca_callback_printed', 'wpca_callback_not_map', 'wpca_secret_env_name', 'wpca_filter_truncated' );

	/**
	 * The findings of an inspection, callbacks' failures first.
	 *
	 * @param array $inspection Filter_Inspector::inspect() result.
	 * @return array[] `{ code, message, id, subkey, variable, declared_by }` (null where not applicable;
	 *                 `declared_by` `{ file, line, priority, callback }`).
	 */
	public function of( array $inspection ): array {
		$findings = array();
		foreach ( $inspection['failures'] as $failure ) {
			$findings[] = self::finding( $failure['code'], self::failure_message( $failure ), array( 'declared_by' => $failure['declared_by'] ) );
		}
		$clean     = ( new Attribution_Resolver() )->clean( $inspection['signatures'] );
		$variables = count( Attribution_Resolver::declared( $clean ) );
		foreach ( $clean as $id => $fields ) {
			foreach ( $fields as $subkey => $variable ) {
				$reason = Secret_Names::reason( $variable );
				if ( null === $reason ) {
					continue;
				}
				$declarer   = isset( $inspection['declarers'][ $id ] ) ? end( $inspection['declarers'][ $id ] ) : null;
				$findings[] = self::finding(
					'wpca_secret_env_name',
					sprintf(
						/* translators: 1: runtime id, 2: environment variable name, 3: the part of the name that looks like a credential, 4: who declares it. */
						__( 'Runtime "%1$s" names %2$s, which looks like a credential (%3$s): Data Machine Code would store this value in worktree records. %4$s bin/runtime-signature verify never sends its value.', 'wp-coding-agents-runtimes' ),
						Foreign_Value::text( (string) $id ),
						Foreign_Value::text( $variable ),
						$reason,
						null === $declarer
							? __( 'Change the registration to the variable that carries the session id.', 'wp-coding-agents-runtimes' )
							/* translators: %s: file:line of the code declaring the entry. */
							: sprintf( __( 'It is declared by other code (%s); remove it there.', 'wp-coding-agents-runtimes' ), self::where( $declarer ) )
					),
					array(
						'id'          => Foreign_Value::text( (string) $id ),
						'subkey'      => Foreign_Value::text( (string) $subkey ),
						'variable'    => Foreign_Value::text( $variable ),
						'declared_by' => false === $declarer ? null : $declarer,
					)
				);
			}
		}
		$entries = is_array( $inspection['signatures'] ) ? count( $inspection['signatures'] ) : 0;
		if ( $entries > Foreign_Value::MAX_ENTRIES || $variables > Schema::ENV_MAX_VARIABLES ) {
			$findings[] = self::finding(
				'wpca_filter_truncated',
				sprintf(
					/* translators: 1: number of entries, 2: number of variables, 3: entries shown, 4: variables shown. */
					__( 'Data Machine Code receives %1$d entries naming %2$d variables from the filter; the first %3$d entries and %4$d variables are shown, and bin/runtime-signature verify checks at most that many.', 'wp-coding-agents-runtimes' ),
					$entries,
					$variables,
					Foreign_Value::MAX_ENTRIES,
					Schema::ENV_MAX_VARIABLES
				)
			);
		}
		return $findings;
	}

	/**
	 * The variable names whose values must not leave an agent process (the credential findings').
	 *
	 * @param array[] $findings of().
	 * @return string[]
	 */
	public static function secret_variables( array $findings ): array {
		$names = array();
		foreach ( $findings as $finding ) {
			if ( 'wpca_secret_env_name' === $finding['code'] ) {
				$names[ $finding['variable'] ] = true;
			}
		}
		return array_map( 'strval', array_keys( $names ) );
	}

	/**
	 * What a failing callback does, in words.
	 *
	 * @param array $failure Filter_Inspector failure.
	 * @return string
	 */
	private static function failure_message( array $failure ): string {
		$who    = self::where( $failure['declared_by'] );
		$detail = Foreign_Value::text( $failure['detail'] );
		switch ( $failure['code'] ) {
			case 'wpca_callback_threw':
				/* translators: 1: callback and where it is defined, 2: the error. */
				return sprintf( __( 'A callback on Data Machine Code\'s signatures filter throws an error: %1$s: %2$s. Whenever Data Machine Code reads the signatures, this error reaches it.', 'wp-coding-agents-runtimes' ), $who, $detail );
			case 'wpca_callback_warned':
				/* translators: 1: callback and where it is defined, 2: the warnings. */
				return sprintf( __( 'A callback on Data Machine Code\'s signatures filter raises PHP warnings: %1$s: %2$s.', 'wp-coding-agents-runtimes' ), $who, $detail );
			case 'wpca_callback_printed':
				/* translators: 1: callback and where it is defined, 2: number of bytes. */
				return sprintf( __( 'A callback on Data Machine Code\'s signatures filter prints output (%2$s bytes): %1$s. It was discarded here; it reaches whatever Data Machine Code is answering when it reads the signatures.', 'wp-coding-agents-runtimes' ), $who, $detail );
			default:
				/* translators: 1: callback and where it is defined, 2: what it returns. */
				return sprintf( __( 'A callback on Data Machine Code\'s signatures filter returns %2$s instead of a map of signatures: %1$s. Data Machine Code then reads no signature at all, unless a later callback returns a map again.', 'wp-coding-agents-runtimes' ), $who, $detail );
		}
	}

	/**
	 * A callback and where it is defined: `Closure (wp-content/mu-plugins/x.php:3, priority 10)`.
	 *
	 * @param array $where `{ file, line, priority, callback }`.
	 * @return string
	 */
	private static function where( array $where ): string {
		return sprintf(
			'%s (%s%s, priority %d)',
			$where['callback'],
			null === $where['file'] ? __( 'unknown file', 'wp-coding-agents-runtimes' ) : Foreign_Value::text( $where['file'] ),
			null === $where['line'] ? '' : ':' . $where['line'],
			$where['priority']
		);
	}

	/**
	 * A finding with every property present.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 * @param array  $more    Further properties.
	 * @return array
	 */
	private static function finding( string $code, string $message, array $more = array() ): array {
		return array_merge(
			array(
				'code'        => $code,
				'message'     => $message,
				'id'          => null,
				'subkey'      => null,
				'variable'    => null,
				'declared_by' => null,
			),
			$more
		);
	}
}
