<?php
/**
 * What an environment variable's name says about who sets it.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * The one definition of a "generic" variable name, used by the catalogue (each variable's
 * `generic` flag) and by the order warnings (DMC_Precedence_Warnings).
 *
 * A name is generic when every word of it (the parts between underscores) is a common
 * word no runtime owns: `AGENT_SESSION_ID`, `SESSION_ID`, `THREAD_ID`. A name with any
 * other word, usually the runtime's own (`KIMAKI_SESSION_ID`, `CODEX_THREAD_ID`), is
 * specific. Why it matters: DMC takes the first `session_id` it finds in precedence order,
 * and a generic name may be set by any tool that happens to use it, so a runtime reading
 * one should come after the runtimes whose variables carry their own names.
 */
class Variable_Names {

	/** Words no runtime owns. */
	public const GENERIC_WORDS = array( 'AGENT', 'AI', 'ASSISTANT', 'CALL', 'CHAT', 'CODING', 'CONVERSATION', 'CURRENT', 'ID', 'LLM', 'PROCESS', 'RUN', 'SESSION', 'TASK', 'THREAD', 'TOOL', 'URL' );

	/**
	 * Whether a variable name is generic (see the class comment).
	 *
	 * @param string $name Environment variable name.
	 * @return bool
	 */
	public static function is_generic( string $name ): bool {
		$words = array_filter( explode( '_', strtoupper( (string) $name ) ), 'strlen' );
		return array() !== $words && array() === array_diff( $words, self::GENERIC_WORDS );
	}
}
