<?php
/**
 * Orders in which a generic session variable can win over specific ones.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use WP_Coding_Agents\Runtimes\Rules\Variable_Names;

defined( 'ABSPATH' ) || exit;

/**
 * DMC takes the first `session_id` it finds, scanning runtimes in filter order. A runtime
 * whose `session_id` reads a generic name (Variable_Names: `AGENT_SESSION_ID`) ahead of
 * runtimes whose session variables carry their own names wins wherever that generic
 * variable is set — by its runtime or by any other tool using the name — so such an order
 * is flagged, on the screen, in Site Health and in GET /catalogue.
 */
class Precedence_Warnings {

	/**
	 * The warnings for the signatures DMC sees.
	 *
	 * @param array<string, array<string, string>> $signatures Cleaned effective signatures, in filter order.
	 * @return array[] `{ code, runtime, variable, ahead_of: string[], message }`, one per generic runtime placed too early.
	 */
	public function of( array $signatures ) {
		$warnings = array();
		$ids      = array_map( 'strval', array_keys( $signatures ) );
		foreach ( $ids as $position => $id ) {
			$variable = isset( $signatures[ $id ]['session_id'] ) ? $signatures[ $id ]['session_id'] : null;
			if ( null === $variable || ! Variable_Names::is_generic( $variable ) ) {
				continue;
			}
			$ahead_of = array();
			foreach ( array_slice( $ids, $position + 1 ) as $later ) {
				$theirs = isset( $signatures[ $later ]['session_id'] ) ? $signatures[ $later ]['session_id'] : null;
				if ( null !== $theirs && ! Variable_Names::is_generic( $theirs ) ) {
					$ahead_of[] = $later;
				}
			}
			if ( array() === $ahead_of ) {
				continue;
			}
			$warnings[] = array(
				'code'     => 'wpca_generic_session_first',
				'runtime'  => $id,
				'variable' => $variable,
				'ahead_of' => $ahead_of,
				'message'  => sprintf(
					/* translators: 1: runtime id, 2: variable name, 3: runtime ids. */
					__( '%1$s reads its session id from %2$s, a generic name, and comes before %3$s. DMC records the first session id it finds in this order, so wherever %2$s is set — by %1$s or by any other tool using that name — it wins over theirs. Move %1$s after them.', 'wp-coding-agents-runtimes' ),
					$id,
					$variable,
					implode( ', ', $ahead_of )
				),
			);
		}
		return $warnings;
	}
}
