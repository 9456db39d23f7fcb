<?php
/**
 * Reads what is stored in Data Machine Code's option, whoever wrote it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Storage;

use WP_Coding_Agents\Runtimes\Rules\Schema;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;

defined( 'ABSPATH' ) || exit;

/**
 * The published option is ours, but other code (a legacy mu-plugin, a hand edit, a
 * migration) can write anything into it. This reader splits a stored value into the
 * entries DMC can use, the entries it would drop, and the problems to show, and never
 * warns, whatever the value. Repairing means keeping only what this reader accepts.
 */
class Published_Option_Reader {

	/**
	 * The last stored value and its parse, reused while the value is unchanged.
	 *
	 * @var array{stored: mixed, parsed: array}|null
	 */
	private ?array $memo = null;

	/**
	 * A stored value, parsed once per distinct value.
	 *
	 * @param mixed $stored Raw option value (null when absent).
	 * @return array{valid: array, raw: array, invalid: array, problems: array} Valid entries
	 *         `id => fields`, their stored form `id => entry`, entries DMC cannot use
	 *         `key => entry`, and problems (without messages; see describe()).
	 */
	public function parse( $stored ): array {
		// DMC may call the filter many times per request; validating every pair each time
		// made the call ~150x a hard-coded callback at 64 runtimes (npm run bench).
		if ( null === $this->memo || $this->memo['stored'] !== $stored ) {
			$this->memo = array(
				'stored' => $stored,
				'parsed' => $this->parse_value( $stored ),
			);
		}
		return $this->memo['parsed'];
	}

	/**
	 * What is wrong with a stored value, with human-readable messages.
	 *
	 * @param mixed $stored Raw option value (null when absent).
	 * @return array[] Problems `{ id, subkey?, code, message }`.
	 */
	public function problems( $stored ): array {
		return array_map( array( $this, 'describe' ), $this->parse( $stored )['problems'] );
	}

	/**
	 * Splits a stored value (see parse()).
	 *
	 * @param mixed $stored Raw option value (null when absent).
	 * @return array{valid: array, raw: array, invalid: array, problems: array}
	 */
	private function parse_value( $stored ): array {
		$parsed = array(
			'valid'    => array(),
			'raw'      => array(),
			'invalid'  => array(),
			'problems' => array(),
		);
		if ( null === $stored || false === $stored || '' === $stored || array() === $stored ) {
			return $parsed;
		}
		if ( ! is_array( $stored ) ) {
			$parsed['problems'][] = array(
				'id'   => '',
				'code' => 'wpca_invalid_option',
				'type' => gettype( $stored ),
			);
			return $parsed;
		}

		foreach ( $stored as $id => $entry ) {
			$problem = null;
			if ( ! Signature_Rules::is_valid_id( $id ) ) {
				$problem = 'wpca_invalid_id';
			} elseif ( ! is_array( $entry ) ) {
				$problem = 'wpca_invalid_entry';
			} elseif ( count( $parsed['valid'] ) >= Schema::MAX_RUNTIMES ) {
				$problem = 'wpca_too_many_runtimes';
			}
			if ( null !== $problem ) {
				$parsed['invalid'][ $id ] = $entry;
				$parsed['problems'][]     = array(
					'id'   => (string) $id,
					'code' => $problem,
				);
				continue;
			}

			$fields = array();
			foreach ( $entry as $subkey => $env_name ) {
				$problem = null;
				if ( ! Signature_Rules::is_valid_subkey( $subkey ) ) {
					$problem = 'wpca_invalid_subkey';
				} elseif ( ! Signature_Rules::is_valid_env_name( $env_name ) ) {
					$problem = 'wpca_invalid_env_name';
				} elseif ( count( $fields ) >= Schema::MAX_FIELDS ) {
					$problem = 'wpca_too_many_fields';
				}
				if ( null !== $problem ) {
					$parsed['problems'][] = array(
						'id'     => $id,
						'subkey' => (string) $subkey,
						'code'   => $problem,
					);
					continue;
				}
				$fields[ $subkey ] = $env_name;
			}

			if ( array() === $fields ) {
				$parsed['invalid'][ $id ] = $entry;
				$parsed['problems'][]     = array(
					'id'   => $id,
					'code' => 'wpca_empty_entry',
				);
				continue;
			}
			$parsed['valid'][ $id ] = $fields;
			$parsed['raw'][ $id ]   = $entry;
		}
		return $parsed;
	}

	/**
	 * Adds the human-readable message to a problem found by parse().
	 *
	 * @param array $problem Problem without message.
	 * @return array `{ id, subkey?, code, message }`.
	 */
	private function describe( array $problem ): array {
		$id     = self::shorten( $problem['id'] );
		$subkey = isset( $problem['subkey'] ) ? self::shorten( $problem['subkey'] ) : '';
		switch ( $problem['code'] ) {
			case 'wpca_invalid_option':
				/* translators: %s: PHP type found. */
				$message = sprintf( __( 'The stored signatures are not a map of runtime ids (found a value of type %s); nothing from it is published.', 'wp-coding-agents-runtimes' ), $problem['type'] );
				break;
			case 'wpca_invalid_id':
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime id "%s" is not valid (lowercase letters, digits and single dashes, starting with a letter); the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
				break;
			case 'wpca_invalid_entry':
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime "%s" is not a map of subkeys to environment variable names; the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
				break;
			case 'wpca_too_many_runtimes':
				/* translators: 1: runtime id, 2: maximum number of runtimes. */
				$message = sprintf( __( 'Runtime "%1$s" is beyond the limit of %2$d runtimes; the entry is not published.', 'wp-coding-agents-runtimes' ), $id, Schema::MAX_RUNTIMES );
				break;
			case 'wpca_invalid_subkey':
				/* translators: 1: runtime id, 2: subkey. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" is not valid; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey );
				break;
			case 'wpca_invalid_env_name':
				/* translators: 1: runtime id, 2: subkey. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" does not name a valid environment variable; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey );
				break;
			case 'wpca_too_many_fields':
				/* translators: 1: runtime id, 2: subkey, 3: maximum number of subkeys. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" is beyond the limit of %3$d subkeys; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey, Schema::MAX_FIELDS );
				break;
			default:
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime "%s" has no valid subkey; the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
		}
		unset( $problem['type'] );
		$problem['message'] = $message;
		return $problem;
	}

	/**
	 * Keeps stored junk quoted in messages short.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	private static function shorten( string $text ): string {
		return mb_strlen( $text ) > 80 ? mb_substr( $text, 0, 80 ) . '…' : $text;
	}
}
