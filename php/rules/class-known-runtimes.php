<?php
/**
 * The runtimes this plugin knows, and what their processes really export.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * Built-in catalogue data. The only place vendor names live in PHP: Data Machine Code names
 * no runtime itself, the integration layer does. Runtime_Catalogue adds what other code
 * adds through `wpca_runtime_catalogue` and validates everything alike.
 *
 * What each runtime exports was read in its upstream sources in late 2026; `version` is the
 * release the statement is pinned to, null where the sources read were not tied to one.
 * Nothing here claims what this site observed: that comes from the observation history
 * (Catalogue_Evidence).
 */
class Known_Runtimes {

	/**
	 * What a registration publishes, per runtime, in catalogue order; `default`: one of the
	 * defaults, listed among the runtimes before anyone registers it (Presets). Kept apart
	 * from entries() so the registry reads it without building translated text.
	 */
	public const SIGNATURES = array(
		'kimaki'      => array(
			'label'   => 'Kimaki',
			'default' => true,
			'fields'  => array(
				'session_id' => 'KIMAKI_SESSION_ID',
				'thread_id'  => 'KIMAKI_THREAD_ID',
				'thread_url' => 'KIMAKI_THREAD_URL',
			),
		),
		'opencode'    => array(
			'label'   => 'OpenCode',
			'default' => true,
			'fields'  => array(
				'session_id' => 'OPENCODE_SESSION_ID',
				'run_id'     => 'OPENCODE_RUN_ID',
			),
		),
		'claude-code' => array(
			'label'   => 'Claude Code',
			'default' => false,
			'fields'  => array( 'session_id' => 'CLAUDE_CODE_SESSION_ID' ),
		),
		'codex'       => array(
			'label'   => 'Codex',
			'default' => false,
			'fields'  => array( 'session_id' => 'CODEX_THREAD_ID' ),
		),
		'goose'       => array(
			'label'   => 'goose',
			'default' => false,
			'fields'  => array( 'session_id' => 'AGENT_SESSION_ID' ),
		),
		'gemini-cli'  => array(
			'label'   => 'Gemini CLI',
			'default' => false,
			'fields'  => array(),
		),
	);

	/**
	 * The built-in entries in the shape `wpca_runtime_catalogue` hands to other code
	 * (docs/catalogue.md): SIGNATURES plus a description, notes, and per variable what it
	 * identifies, who sets it and where upstream says so.
	 *
	 * @return array<string, array>
	 */
	public static function entries(): array {
		$details = array(
			'kimaki'      => array(
				'description' => __( 'A Discord bridge that runs agent sessions in Discord threads.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'kimaki 0.26 exports no per-session variable of its own: only KIMAKI=1, its data directory and its lock ports. KIMAKI_SESSION_ID, KIMAKI_THREAD_ID and KIMAKI_THREAD_URL reach an agent process only when a bridge exports them (kimaki issue #137 asks kimaki to).', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'KIMAKI_SESSION_ID' => self::variable( 'session', 'bridge', 'kimaki', '0.26', __( 'Not set by kimaki itself; a bridge around it has to export it.', 'wp-coding-agents-runtimes' ) ),
					'KIMAKI_THREAD_ID'  => self::variable( 'thread', 'bridge', 'kimaki', '0.26', __( 'Not set by kimaki itself; a bridge around it has to export it.', 'wp-coding-agents-runtimes' ) ),
					'KIMAKI_THREAD_URL' => self::variable( 'thread', 'bridge', 'kimaki', '0.26', __( 'Not set by kimaki itself; a bridge around it has to export it. DMC keeps it only when it starts with http:// or https://.', 'wp-coding-agents-runtimes' ) ),
					'KIMAKI'            => self::variable( 'runtime', 'runtime', 'kimaki', '0.26', __( 'Says a process runs under kimaki; identifies no session.', 'wp-coding-agents-runtimes' ), '1' ),
				),
			),
			'opencode'    => array(
				'description' => __( 'An agent runtime with a terminal interface and a server that serves many threads.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'OPENCODE_RUN_ID is one random value per opencode process: every thread one opencode process serves shares it, so it identifies a process, not a thread.', 'wp-coding-agents-runtimes' ),
					__( 'OPENCODE_SESSION_ID is declared in opencode\'s code but never set: as the session id it captures nothing unless something else exports it.', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'OPENCODE_SESSION_ID' => self::variable( 'session', 'never', 'opencode', null, __( 'Declared in opencode\'s code, never set.', 'wp-coding-agents-runtimes' ) ),
					'OPENCODE_RUN_ID'     => self::variable( 'process', 'runtime', 'opencode', null, __( 'One random value per opencode process, shared by every thread it serves.', 'wp-coding-agents-runtimes' ), null, __( 'the processes opencode starts', 'wp-coding-agents-runtimes' ) ),
				),
			),
			'claude-code' => array(
				'description' => __( 'Anthropic\'s coding agent for the terminal.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'Claude Code exports its session id to the commands its Bash tool runs (since 2.1.132), so DMC sees it when the agent creates a worktree from a shell command.', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'CLAUDE_CODE_SESSION_ID' => self::variable( 'session', 'runtime', 'Claude Code', '2.1.132', __( 'Since Claude Code 2.1.132.', 'wp-coding-agents-runtimes' ), null, __( 'the commands its Bash tool runs', 'wp-coding-agents-runtimes' ) ),
					'CLAUDECODE'             => self::variable( 'runtime', 'runtime', 'Claude Code', null, __( 'Says a process runs under Claude Code; identifies no session.', 'wp-coding-agents-runtimes' ), '1' ),
				),
			),
			'codex'       => array(
				'description' => __( 'OpenAI\'s coding agent for the terminal.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'Codex calls its sessions threads (the id codex resume takes). It exports CODEX_THREAD_ID to the commands it runs even when environment inheritance is off, so it is published as the session id.', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'CODEX_THREAD_ID' => self::variable( 'thread', 'runtime', 'Codex', null, __( 'Set even when shell environment inheritance is off.', 'wp-coding-agents-runtimes' ), null, __( 'the commands it runs', 'wp-coding-agents-runtimes' ) ),
				),
			),
			'goose'       => array(
				'description' => __( 'Block\'s open-source agent.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'goose exports AGENT_SESSION_ID into the environment of each tool call. The name is generic: other tools may set it too, so keep goose after runtimes whose variables carry their own names.', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'AGENT_SESSION_ID' => self::variable( 'session', 'runtime', 'goose', null, __( 'A generic name: other tools may set it too.', 'wp-coding-agents-runtimes' ), null, __( 'each tool call', 'wp-coding-agents-runtimes' ) ),
					'AGENT'            => self::variable( 'runtime', 'runtime', 'goose', null, __( 'Says a process runs under goose; identifies no session.', 'wp-coding-agents-runtimes' ), 'goose', __( 'each tool call', 'wp-coding-agents-runtimes' ) ),
				),
			),
			'gemini-cli'  => array(
				'description' => __( 'Google\'s coding agent for the terminal.', 'wp-coding-agents-runtimes' ),
				'notes'       => array(
					__( 'Gemini CLI exports only GEMINI_CLI=1: no variable identifies its session, so DMC cannot attribute its worktrees, and there is nothing to add.', 'wp-coding-agents-runtimes' ),
				),
				'variables'   => array(
					'GEMINI_CLI' => self::variable( 'runtime', 'runtime', 'Gemini CLI', null, __( 'Says a process runs under Gemini CLI; identifies no session.', 'wp-coding-agents-runtimes' ), '1' ),
				),
			),
		);
		$entries = array();
		foreach ( self::SIGNATURES as $id => $signature ) {
			$entries[ $id ] = array(
				'label'  => $signature['label'],
				'fields' => $signature['fields'],
			) + $details[ $id ];
		}
		return $entries;
	}

	/**
	 * One variable's description in the filter's shape.
	 *
	 * @param string      $identifies  What its value identifies (Catalogue_Entry::IDENTIFIES).
	 * @param string      $set_by      Who sets it (Catalogue_Entry::SET_BY).
	 * @param string      $project     Upstream project that says so.
	 * @param string|null $version     Release the statement is pinned to.
	 * @param string      $note        One sentence.
	 * @param string|null $value       The value a marker variable holds.
	 * @param string|null $exported_to Which processes get it.
	 * @return array
	 */
	private static function variable( string $identifies, string $set_by, string $project, ?string $version, string $note, ?string $value = null, ?string $exported_to = null ): array {
		return array(
			'identifies'  => $identifies,
			'set_by'      => $set_by,
			'exported_to' => $exported_to,
			'value'       => $value,
			'upstream'    => array(
				'project' => $project,
				'version' => $version,
			),
			'note'        => $note,
		);
	}
}
