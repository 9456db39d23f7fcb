<?php
/**
 * The screen's server-rendered first paint: the runtimes in precedence order, each with
 * a working checkbox named as the React screen names it, everything escaped.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Admin\Screen_First_Paint;
use WP_Coding_Agents\Runtimes\Plugin;

/**
 * Renders it on the site's real registry.
 */
class ScreenFirstPaintTest extends Test_Case {

	private function render() {
		ob_start();
		( new Screen_First_Paint( $this->store(), Plugin::dmc_detector(), Plugin::catalogue(), Plugin::verification_log() ) )->render();
		return (string) ob_get_clean();
	}

	public function test_runtimes_in_precedence_order_with_their_state_etag_and_names() {
		$this->store()->put( 'my-agent', array( 'fields' => array( 'session_id' => 'MY_AGENT_SESSION_ID' ), 'label' => 'Kimaki' ) );
		$this->store()->patch( 'opencode', array( 'enabled' => true ) );
		$items = $this->store()->list_items();
		$html  = $this->render();

		$positions = array_map(
			static function ( $id ) use ( $html ) {
				return strpos( $html, 'aria-label="Runtime ' . $id . '"' );
			},
			array( 'my-agent', 'opencode', 'kimaki' )
		);
		$this->assertSame( array( 'my-agent', 'opencode', 'kimaki' ), self::ids( $items ) );
		$sorted = $positions;
		sort( $sorted );
		$this->assertSame( $sorted, $positions, 'Cards in precedence order.' );
		// Two runtimes labelled Kimaki: each name says which (src/lib/runtime-names.ts).
		$this->assertStringContainsString( 'aria-label="Published to DMC: Kimaki (my-agent)"', $html );
		$this->assertStringContainsString( 'aria-label="Published to DMC: Kimaki (kimaki)"', $html );
		$this->assertMatchesRegularExpression( '/name="runtimes\[opencode\]\[enabled\]" value="1"[^>]*checked/', $html );
		$this->assertDoesNotMatchRegularExpression( '/name="runtimes\[kimaki\]\[enabled\]" value="1"[^>]*checked/', $html );
		$this->assertStringContainsString( 'name="runtimes[opencode][etag]" value="' . $items[1]['etag'] . '"', $html );
		$this->assertStringContainsString( 'name="runtimes[opencode][shown]" value="1"', $html );
		$this->assertStringContainsString( 'name="_wpnonce"', $html );
		$this->assertStringContainsString( 'Data Machine Code is not installed.', $html );
	}

	public function test_the_markup_is_its_own_wp_admin_and_plugin_classes_only() {
		$this->store()->patch( 'opencode', array( 'enabled' => true ) );
		$html = $this->render();

		preg_match_all( '/\bclass="([^"]*)"/', $html, $matches );
		$classes = array_unique( preg_split( '/\s+/', implode( ' ', $matches[1] ), -1, PREG_SPLIT_NO_EMPTY ) );
		$foreign = array_filter(
			$classes,
			static function ( string $class_name ): bool {
				// wp-admin's own: the tabs and the submit button.
				return 0 !== strpos( $class_name, 'wpca-' ) && ! in_array( $class_name, array( 'nav-tab-wrapper', 'wp-clearfix', 'nav-tab', 'nav-tab-active', 'button' ), true );
			}
		);
		$this->assertSame( array(), array_values( $foreign ), 'No other package\'s class names (components-card, components-notice__action…).' );
		$this->assertMatchesRegularExpression( '/<button type="submit" class="button">/', $html );
	}

	public function test_labels_and_fields_are_escaped() {
		$this->store()->put(
			'odd',
			array(
				'fields' => array( 'session_id' => 'ODD_SESSION' ),
				'label'  => '<img src=x onerror=alert(1)> "quoted"',
			)
		);
		$html = $this->render();
		$this->assertStringNotContainsString( '<img src=x', $html );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt;', $html );
		$this->assertStringContainsString( 'aria-label="Published to DMC: &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;"', $html );
	}
}
