<?php
/**
 * The screen's Help tab.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Admin;

use WP_Screen;

defined( 'ABSPATH' ) || exit;

/**
 * Contextual help, as core screens have it (the Help tab at the top right): what the
 * screen is for, what each verdict means and what fixes it, and the terms the screen
 * uses — subkey, primary ID, precedence, lock owner and runtime_ids, observations and
 * value hashes — in words a first-time admin knows. Added on the page's `load-` hook.
 */
final class Screen_Help {

	/**
	 * Adds the tabs to the screen.
	 *
	 * @param WP_Screen $screen The Agent Runtimes screen.
	 */
	public static function add( WP_Screen $screen ): void {
		foreach ( self::tabs() as $id => list( $title, $paragraphs ) ) {
			$screen->add_help_tab(
				array(
					'id'      => 'wpca-help-' . $id,
					'title'   => $title,
					'content' => self::html( $paragraphs ),
				)
			);
		}
		$screen->set_help_sidebar(
			'<p><strong>' . esc_html__( 'For installers', 'wp-coding-agents-runtimes' ) . '</strong></p><p>' .
			esc_html__( 'bin/runtime-signature registers a runtime, removes it, and verifies from inside an agent process what it exports. Run it with --help.', 'wp-coding-agents-runtimes' ) . '</p>'
		);
	}

	/**
	 * Paragraphs as HTML: escaped, with `<code>` kept.
	 *
	 * @param string[] $paragraphs Paragraphs; a leading "term: " is set in bold.
	 * @return string
	 */
	private static function html( array $paragraphs ): string {
		$html = '';
		foreach ( $paragraphs as $paragraph ) {
			$html .= '<p>' . wp_kses( $paragraph, array( 'code' => array(), 'strong' => array() ) ) . '</p>';
		}
		return $html;
	}

	/**
	 * The tabs: id => [ title, paragraphs ].
	 *
	 * @return array<string, array{0: string, 1: string[]}>
	 */
	private static function tabs(): array {
		return array(
			'overview' => array(
				__( 'Overview', 'wp-coding-agents-runtimes' ),
				array(
					__( 'Coding agents (kimaki, opencode, Claude Code…) work in git worktrees that Data Machine Code (DMC) creates. When it creates one, DMC reads a few environment variables of the agent process and records which agent session created the worktree.', 'wp-coding-agents-runtimes' ),
					__( 'DMC names no agent itself: this screen tells it which runtimes exist and which variables identify their sessions. The <strong>Runtimes</strong> view answers, for each runtime, whether DMC really records its sessions, and what would fix it; the other views hold the evidence.', 'wp-coding-agents-runtimes' ),
				),
			),
			'verdicts' => array(
				__( 'Is it working?', 'wp-coding-agents-runtimes' ),
				array(
					__( 'Each runtime is followed along a chain: declared (by an installer, on this screen, or by other code) → published to DMC → seen in agent processes → recorded by DMC. The verdict is the first link that does not hold.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Working</strong>: DMC recorded the runtime\'s session in a worktree within the observation window.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Not published</strong>: DMC does not read it (turned off, or an entry DMC skips). <strong>Overridden by other code</strong>: another plugin puts its own entry under the same id, so DMC reads that one.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Waiting for the first agent process</strong>: published, but no agent process has reported yet and DMC has recorded none of its values. Nothing is wrong yet.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Variables never observed</strong>: agent processes report, but none exported the runtime\'s variables; DMC then records nothing for it. Check what the runtime really exports and edit its variables.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Seen, but DMC records nothing</strong>: agent processes export the variables, but DMC is missing or too old, or the worktrees it recorded do not hold them.', 'wp-coding-agents-runtimes' ),
				),
			),
			'terms'    => array(
				__( 'Words on this screen', 'wp-coding-agents-runtimes' ),
				array(
					__( '<strong>Runtime</strong>: an agent program, known to DMC by an id such as <code>kimaki</code>. Its <strong>signature</strong> pairs a <strong>subkey</strong> — the name DMC stores a value under, such as <code>session_id</code> — with the environment variable holding it. A subkey ending in <code>_url</code> keeps only http(s) addresses.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Primary ID</strong>: the one value DMC shows for a worktree\'s session: the first <code>session_id</code> that is set, runtimes taken in the order they are published (their <strong>precedence</strong>); failing that, the first variable that is set.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Lock owner</strong>: when an agent takes a DMC workspace lock, DMC stores who holds it, with the runtimes\' values as <code>runtime_ids</code> (in releases after 0.47.7). The lock\'s metadata has a budget of 8,192 bytes; past it DMC loses all of it.', 'wp-coding-agents-runtimes' ),
					__( '<strong>Observation</strong>: what <code>bin/runtime-signature verify</code> reports from inside an agent process — which declared variables it exports. Values never leave the process: only a <strong>value hash</strong>, a short fingerprint that tells sessions apart and cannot be turned back into the value. The <strong>observation window</strong> is how many days of evidence count.', 'wp-coding-agents-runtimes' ),
				),
			),
		);
	}
}
