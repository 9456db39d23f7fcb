<?php
/**
 * What reaches Data Machine Code through the filter.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Rules\Presets;

/**
 * Filter_Publisher as hooked by the plugin.
 */
class PublisherTest extends Test_Case {

	/**
	 * Callbacks added by a test, removed afterwards.
	 *
	 * @var array[]
	 */
	private $foreign = array();

	protected function tearDown(): void {
		foreach ( $this->foreign as list( $callback, $priority ) ) {
			remove_filter( Filter_Publisher::HOOK, $callback, $priority );
		}
		$this->foreign = array();
		parent::tearDown();
	}

	/**
	 * Adds another plugin's callback.
	 *
	 * @param callable $callback Callback.
	 * @param int      $priority Priority.
	 */
	private function add_foreign( callable $callback, $priority ) {
		add_filter( Filter_Publisher::HOOK, $callback, $priority );
		$this->foreign[] = array( $callback, $priority );
	}

	public function test_nothing_registered_publishes_nothing() {
		$this->assertSame( array(), apply_filters( Filter_Publisher::HOOK, array() ) );
	}

	public function test_enabled_signatures_are_published_in_precedence_order_exactly_as_dmc_expects() {
		$this->register_presets();
		$this->store()->put( 'custom', array( 'fields' => array( 'session_id' => 'C' ) ) );
		$this->store()->patch( 'custom', array( 'enabled' => false ) );

		$this->assertSame(
			self::PRESET_SIGNATURES,
			apply_filters( Filter_Publisher::HOOK, array() )
		);
	}

	public function test_entries_of_other_code_are_kept_and_ours_appended_after_them() {
		$this->register_presets();
		$foreign = array( 'other' => array( 'session_id' => 'OTHER_SESSION_ID' ) );

		$this->assertSame(
			array( 'other', 'kimaki', 'opencode' ),
			array_keys( $this->plugin_publisher()->publish( $foreign ) )
		);
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $this->plugin_publisher()->publish( 'not an array' ) ), 'A non-array value counts as empty.' );
	}

	public function test_an_earlier_callback_with_the_same_id_wins_and_is_reported() {
		$this->register_presets();
		$theirs = array( 'session_id' => 'THEIR_KIMAKI_ID' );
		$this->add_foreign(
			static function ( $signatures ) use ( $theirs ) {
				$signatures['kimaki'] = $theirs;
				return $signatures;
			},
			5
		);

		$effective = $this->plugin_publisher()->effective();

		$this->assertSame( $theirs, $effective['signatures']['kimaki'] );
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $effective['signatures'] ) );
		$this->assertSame(
			array(
				array(
					'id'     => 'kimaki',
					'ours'   => Presets::get( 'kimaki' )['fields'],
					'theirs' => $theirs,
				),
			),
			$effective['collisions']
		);
	}

	public function test_a_later_callback_overwriting_or_removing_ours_is_reported() {
		$this->register_presets();
		$this->add_foreign(
			static function ( $signatures ) {
				$signatures['kimaki'] = array( 'session_id' => 'LATER_ID' );
				unset( $signatures['opencode'] );
				return $signatures;
			},
			20
		);

		$collisions = $this->plugin_publisher()->effective()['collisions'];

		$this->assertSame( array( 'kimaki', 'opencode' ), array_column( $collisions, 'id' ) );
		$this->assertSame( array( 'session_id' => 'LATER_ID' ), $collisions[0]['theirs'] );
		$this->assertNull( $collisions[1]['theirs'] );
	}

	public function test_without_collisions_none_are_reported() {
		$this->register_presets();
		$this->add_foreign(
			static function ( $signatures ) {
				$signatures['other'] = array( 'session_id' => 'OTHER' );
				return $signatures;
			},
			20
		);

		$effective = $this->plugin_publisher()->effective();

		$this->assertSame( array(), $effective['collisions'] );
		$this->assertSame( array( 'kimaki', 'opencode', 'other' ), array_keys( $effective['signatures'] ) );
	}

	public function test_every_published_id_stays_a_string_with_non_empty_string_pairs() {
		$this->register_presets();
		update_option(
			'datamachine_code_worktree_runtime_signatures',
			get_option( 'datamachine_code_worktree_runtime_signatures' ) + array(
				'123' => array( 'session_id' => 'DIGITS' ),
				'ok'  => array(
					''     => 'EMPTY_SUBKEY',
					'a'    => '',
					'b'    => 7,
					'good' => 'GOOD',
				),
			),
			false
		);

		$published = apply_filters( Filter_Publisher::HOOK, array() );

		$this->assertSame( array( 'kimaki', 'opencode', 'ok' ), array_keys( $published ) );
		foreach ( $published as $id => $fields ) {
			$this->assertIsString( $id );
			foreach ( $fields as $subkey => $env_name ) {
				$this->assertIsString( $subkey );
				$this->assertNotSame( '', $subkey );
				$this->assertIsString( $env_name );
				$this->assertNotSame( '', $env_name );
			}
		}
		$this->assertSame( array( 'good' => 'GOOD' ), $published['ok'] );
	}
}
