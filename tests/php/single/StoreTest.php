<?php
/**
 * Signature_Store against the real options table.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Storage behaviour a user of the admin screen or an installer notices.
 */
class StoreTest extends Test_Case {

	public const CUSTOM = array( 'session_id' => 'CUSTOM_SESSION_ID' );

	public function test_a_fresh_site_lists_both_presets_unregistered_in_default_order() {
		$items = $this->store()->list_items();

		$this->assertSame( array( 'kimaki', 'opencode' ), self::ids( $items ) );
		$this->assertSame(
			array(
				'id'         => 'kimaki',
				'label'      => 'Kimaki',
				'fields'     => array(
					'session_id' => 'KIMAKI_SESSION_ID',
					'thread_id'  => 'KIMAKI_THREAD_ID',
					'thread_url' => 'KIMAKI_THREAD_URL',
				),
				'enabled'    => false,
				'registered' => false,
				'preset'     => true,
				'source'     => 'preset',
				'updated_at' => null,
				'updated_by' => null,
				'collision'  => false,
				'declared'   => null,
				'overridden' => array(),
				'revision'   => 0,
				'etag'       => $items[0]['etag'],
			),
			$items[0]
		);
		$this->assertSame( 'OpenCode', $items[1]['label'] );
		$this->assertSame( Presets::get( 'opencode' )['fields'], $items[1]['fields'] );
		$this->assertNull( $this->stored() );
	}

	public function test_put_round_trips_through_both_options_without_autoload() {
		$result = $this->store()->put(
			'custom',
			array(
				'fields' => self::CUSTOM,
				'label'  => 'My agent',
			)
		);

		$this->assertTrue( $result['created'] );
		$this->assertSame( array( 'custom' => self::CUSTOM ), $this->stored() );
		$this->assertSame( 'off', $this->autoload_of( Signature_Store::OPTION ) );
		$this->assertSame( 'off', $this->autoload_of( Signature_Store::META_OPTION ) );

		$item = $this->store()->get_item( 'custom' );
		$this->assertSame( 'My agent', $item['label'] );
		$this->assertSame( self::CUSTOM, $item['fields'] );
		$this->assertTrue( $item['enabled'] );
		$this->assertTrue( $item['registered'] );
		$this->assertFalse( $item['preset'] );
		$this->assertSame( 'admin', $item['source'] );
		$this->assertSame( 'admin', $item['updated_by'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', $item['updated_at'] );
		$this->assertSame( array( 'custom', 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
	}

	public function test_a_write_authenticated_by_an_application_password_is_marked_installer() {
		$GLOBALS['wp_rest_application_password_uuid'] = wp_generate_uuid4();

		$result = $this->store()->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );

		$this->assertSame( 'installer', $result['item']['source'] );
	}

	public function test_turning_off_unpublishes_but_keeps_mapping_and_position_and_on_restores_both() {
		$store = $this->store();
		$store->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		$store->put( 'opencode', array( 'fields' => Presets::get( 'opencode' )['fields'] ) );

		$store->patch( 'custom', array( 'enabled' => false ) );

		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $this->stored() ) );
		$items = $store->list_items();
		$this->assertSame( array( 'kimaki', 'custom', 'opencode' ), self::ids( $items ) );
		$this->assertFalse( $items[1]['enabled'] );
		$this->assertTrue( $items[1]['registered'] );
		$this->assertSame( self::CUSTOM, $items[1]['fields'] );

		$store->patch( 'custom', array( 'enabled' => true ) );

		$this->assertSame( array( 'kimaki', 'custom', 'opencode' ), array_keys( $this->stored() ) );
		$this->assertSame( self::CUSTOM, $this->stored()['custom'] );
	}

	public function test_a_preset_is_registered_ahead_of_later_presets_and_others_are_appended() {
		$store = $this->store();
		$store->put( 'opencode', array( 'fields' => Presets::get( 'opencode' )['fields'] ) );
		$store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		$store->put( 'kimaki', array( 'fields' => Presets::get( 'kimaki' )['fields'] ) );
		$store->put( 'another', array( 'fields' => self::CUSTOM ) );

		$this->assertSame( array( 'kimaki', 'opencode', 'custom', 'another' ), array_keys( $this->stored() ) );
	}

	public function test_an_identical_put_writes_nothing_and_keeps_updated_at() {
		global $wpdb;
		$store = $this->store();
		$first = $store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		sleep( 1 );

		$queries_before = $wpdb->num_queries;
		$writes         = 0;
		$count_writes   = static function ( $query ) use ( &$writes ) {
			if ( preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i', $query ) && false === strpos( $query, 'wpca_runtimes_lock' ) ) {
				++$writes;
			}
			return $query;
		};
		add_filter( 'query', $count_writes );
		$second = $store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		remove_filter( 'query', $count_writes );

		$this->assertGreaterThan( $queries_before, $wpdb->num_queries );
		$this->assertSame( 0, $writes, 'An identical PUT must not write the options.' );
		$this->assertFalse( $second['created'] );
		$this->assertSame( $first['item']['updated_at'], $second['item']['updated_at'] );
		$this->assertSame( $first['item'], $second['item'] );
	}

	public function test_a_real_change_moves_updated_at() {
		$store = $this->store();
		$first = $store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		sleep( 1 );
		$before  = time();
		$changed = $store->put( 'custom', array( 'fields' => array( 'session_id' => 'OTHER_ID' ) ) );
		$after   = time();

		// The time of the change: on a busy machine the clock may tick during the put.
		$updated = strtotime( $changed['item']['updated_at'] );
		$this->assertGreaterThanOrEqual( $before, $updated );
		$this->assertLessThanOrEqual( $after, $updated );
		$this->assertGreaterThan( strtotime( $first['item']['updated_at'] ), $updated );
		$this->assertSame( gmdate( 'c', $updated ), $changed['item']['updated_at'] );
		$this->assertSame( array( 'session_id' => 'OTHER_ID' ), $this->stored()['custom'] );
	}

	public function test_put_without_label_keeps_the_label_and_defaults_enabled_to_true() {
		$store = $this->store();
		$store->put(
			'custom',
			array(
				'fields'  => self::CUSTOM,
				'label'   => 'Named',
				'enabled' => false,
			)
		);
		$result = $store->put( 'custom', array( 'fields' => self::CUSTOM ) );

		$this->assertSame( 'Named', $result['item']['label'] );
		$this->assertTrue( $result['item']['enabled'] );
	}

	public function test_patching_an_unregistered_preset_registers_its_defaults_plus_the_change() {
		$result = $this->store()->patch( 'opencode', array( 'label' => 'OC' ) );

		$this->assertSame( 'OC', $result['item']['label'] );
		$this->assertTrue( $result['item']['registered'] );
		$this->assertSame( array( 'opencode' => Presets::get( 'opencode' )['fields'] ), $this->stored() );
	}

	public function test_patching_an_unknown_runtime_is_not_found() {
		$error = $this->store()->patch( 'nobody', array( 'enabled' => true ) );

		$this->assertSame( 'wpca_runtime_not_found', $error->get_error_code() );
		$this->assertSame( 404, $error->get_error_data()['status'] );
	}

	public function test_deleting_a_preset_returns_it_to_its_default_and_a_custom_runtime_disappears() {
		$store = $this->store();
		$store->put(
			'kimaki',
			array(
				'fields' => array( 'session_id' => 'RENAMED' ),
				'label'  => 'K',
			)
		);
		$store->put( 'custom', array( 'fields' => self::CUSTOM ) );

		$preset = $store->delete( 'kimaki' );
		$custom = $store->delete( 'custom' );
		$absent = $store->delete( 'custom' );

		$this->assertTrue( $preset['deleted'] );
		$this->assertSame( 'K', $preset['previous']['label'] );
		$this->assertSame( Presets::get( 'kimaki' )['fields'], $store->get_item( 'kimaki' )['fields'] );
		$this->assertFalse( $store->get_item( 'kimaki' )['registered'] );
		$this->assertTrue( $custom['deleted'] );
		$this->assertNull( $store->get_item( 'custom' ) );
		$this->assertSame(
			array(
				'deleted'  => false,
				'previous' => null,
			),
			$absent
		);
		$this->assertNull( $this->stored() );
		$this->assertNull( $this->stored( Signature_Store::META_OPTION ) );
	}

	public function test_reorder_needs_exactly_the_registered_ids() {
		$store = $this->store();
		foreach ( array( 'one', 'two', 'three' ) as $id ) {
			$store->put( $id, array( 'fields' => self::CUSTOM ) );
		}
		$store->patch( 'two', array( 'enabled' => false ) );

		foreach ( array( array( 'one', 'two' ), array( 'one', 'two', 'three', 'three' ), array( 'one', 'two', 'four' ), array( 'one', 'two', 'three', 'kimaki' ) ) as $bad ) {
			$error = $store->reorder( $bad );
			$this->assertSame( 'wpca_invalid_order', $error->get_error_code(), implode( ',', $bad ) );
		}
		$items = $store->reorder( array( 'three', 'two', 'one' ) );

		$this->assertSame( array( 'three', 'two', 'one', 'kimaki', 'opencode' ), self::ids( $items ) );
		$this->assertSame( array( 'three', 'one' ), array_keys( $this->stored() ) );
		$this->assertSame( array( 'three', 'two', 'one', 'kimaki', 'opencode' ), self::ids( $this->store()->list_items() ) );
	}

	public function test_at_most_64_runtimes_can_be_registered() {
		$store = $this->store();
		for ( $i = 1; $i <= 64; $i++ ) {
			$result = $store->put( 'r' . $i, array( 'fields' => self::CUSTOM ) );
			$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		}

		$error = $store->put( 'r65', array( 'fields' => self::CUSTOM ) );

		$this->assertSame( 'wpca_too_many_runtimes', $error->get_error_code() );
		$this->assertSame( 400, $error->get_error_data()['status'] );
		$this->assertCount( 64, $this->stored() );
		$this->assertIsArray( $store->put( 'r64', array( 'fields' => array( 'run_id' => 'X' ) ) ), 'Changing a registered runtime is still allowed.' );
	}

	public function test_a_valid_entry_written_by_hand_is_listed_as_external() {
		update_option( Signature_Store::OPTION, array( 'handmade' => array( 'session_id' => 'HAND_ID' ) ), false );

		$item = $this->store()->get_item( 'handmade' );

		$this->assertSame( 'external', $item['source'] );
		$this->assertTrue( $item['enabled'] );
		$this->assertSame( 'handmade', $item['label'] );
		$this->assertNull( $item['updated_at'] );
	}

	public function test_an_enabled_runtime_removed_from_the_option_by_hand_is_no_longer_listed() {
		$store = $this->store();
		$store->put( 'custom', array( 'fields' => self::CUSTOM ) );
		delete_option( Signature_Store::OPTION );

		$this->assertNull( $store->get_item( 'custom' ) );
	}
}
