<?php
/**
 * The resolver reproduces DMC's two consumers (docs/contract.md).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\Rules\Presets;

/**
 * Origin session envelope, lock owner ids, declared/found/missing.
 */
class AttributionResolverTest extends Test_Case {

	/**
	 * Both presets, kimaki first.
	 *
	 * @return array
	 */
	private static function presets() {
		return array(
			'kimaki'   => Presets::get( 'kimaki' )['fields'],
			'opencode' => Presets::get( 'opencode' )['fields'],
		);
	}

	private function preview( array $env, $signatures = null ) {
		return ( new Attribution_Resolver() )->preview( null === $signatures ? self::presets() : $signatures, $env );
	}

	public function test_an_empty_environment_records_nothing() {
		$preview = $this->preview( array() );

		$this->assertNull( $preview['origin_session'] );
		$this->assertSame( array(), $preview['lock_owner']['runtime_ids'] );
		$this->assertSame( array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ), $preview['declared'] );
		$this->assertSame( array(), $preview['found'] );
		$this->assertSame( $preview['declared'], $preview['missing'] );
	}

	public function test_values_are_trimmed_and_whitespace_only_values_skipped() {
		$preview = $this->preview(
			array(
				'KIMAKI_SESSION_ID' => "  abc \n",
				'KIMAKI_THREAD_ID'  => "   \t",
			)
		);

		$this->assertSame(
			array(
				'primary_id' => 'abc',
				'ids'        => array( 'kimaki' => array( 'session_id' => 'abc' ) ),
			),
			$preview['origin_session']
		);
		$this->assertSame( array( 'KIMAKI_SESSION_ID' ), $preview['found'] );
		$this->assertSame( array( 'KIMAKI_THREAD_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID' ), $preview['missing'] );
	}

	/**
	 * @return array[]
	 */
	public function urls() {
		return array(
			'https'           => array( 'https://discord.com/channels/1/2', true ),
			'http'            => array( 'http://x', true ),
			'upper-case HTTP' => array( 'HTTP://x', true ),
			'ftp'             => array( 'ftp://x', false ),
			'no scheme'       => array( 'discord.com/channels/1', false ),
		);
	}

	/**
	 * @dataProvider urls
	 *
	 * @param string $url  Value of a `_url` subkey.
	 * @param bool   $kept Whether the origin session keeps it.
	 */
	public function test_url_subkeys_keep_only_http_urls_in_the_origin_session( $url, $kept ) {
		$signatures = array(
			'bot' => array(
				'thread_url' => 'BOT_THREAD_URL',
				'url'        => 'BOT_URL',
			),
		);

		$preview = $this->preview(
			array(
				'BOT_THREAD_URL' => $url,
				'BOT_URL'        => $url,
			),
			$signatures
		);

		if ( $kept ) {
			$this->assertSame(
				array(
					'thread_url' => $url,
					'url'        => $url,
				),
				$preview['origin_session']['ids']['bot']
			);
			$this->assertSame( array(), $preview['dropped'] );
		} else {
			$this->assertNull( $preview['origin_session'] );
			$this->assertSame(
				array(
					array(
						'runtime'    => 'bot',
						'subkey'     => 'thread_url',
						'variable'   => 'BOT_THREAD_URL',
						'consumer'   => 'origin_session',
						'reason'     => 'not_a_url',
						'kept_bytes' => 0,
					),
					array(
						'runtime'    => 'bot',
						'subkey'     => 'url',
						'variable'   => 'BOT_URL',
						'consumer'   => 'origin_session',
						'reason'     => 'not_a_url',
						'kept_bytes' => 0,
					),
				),
				$preview['dropped'],
				'The preview names each value the origin session leaves out, and why.'
			);
		}
		$this->assertSame(
			array(
				'thread_url' => $url,
				'url'        => $url,
			),
			$preview['lock_owner']['runtime_ids']['bot'],
			'The lock owner applies no URL check.'
		);
	}

	public function test_the_first_session_id_in_filter_order_is_primary() {
		$preview = $this->preview(
			array(
				'KIMAKI_THREAD_ID'    => 'thread-1',
				'OPENCODE_SESSION_ID' => 'oc-session',
				'OPENCODE_RUN_ID'     => 'run-1',
			)
		);

		$this->assertSame( 'oc-session', $preview['origin_session']['primary_id'] );
		$this->assertSame( array( 'kimaki', 'opencode' ), array_keys( $preview['origin_session']['ids'] ) );

		$both = $this->preview(
			array(
				'KIMAKI_SESSION_ID'   => 'k-session',
				'OPENCODE_SESSION_ID' => 'oc-session',
			)
		);
		$this->assertSame( 'k-session', $both['origin_session']['primary_id'] );

		$reordered = $this->preview(
			array(
				'KIMAKI_SESSION_ID'   => 'k-session',
				'OPENCODE_SESSION_ID' => 'oc-session',
			),
			array_reverse( self::presets(), true )
		);
		$this->assertSame( 'oc-session', $reordered['origin_session']['primary_id'], 'Registration order is the precedence.' );
	}

	public function test_without_session_id_the_first_kept_value_is_primary() {
		$preview = $this->preview(
			array(
				'KIMAKI_THREAD_URL' => 'ftp://dropped',
				'KIMAKI_THREAD_ID'  => '',
				'OPENCODE_RUN_ID'   => 'run-7',
			)
		);

		$this->assertSame( 'run-7', $preview['origin_session']['primary_id'] );
		$this->assertSame( array( 'opencode' => array( 'run_id' => 'run-7' ) ), $preview['origin_session']['ids'] );
		$this->assertSame(
			array(
				'kimaki'   => array( 'thread_url' => 'ftp://dropped' ),
				'opencode' => array( 'run_id' => 'run-7' ),
			),
			$preview['lock_owner']['runtime_ids']
		);
	}

	public function test_the_lock_owner_cuts_values_at_300_characters_and_the_origin_session_does_not() {
		$long = str_repeat( 'x', 450 );

		$preview = $this->preview( array( 'KIMAKI_SESSION_ID' => '  ' . $long . '  ' ) );

		$this->assertSame( str_repeat( 'x', 300 ), $preview['lock_owner']['runtime_ids']['kimaki']['session_id'] );
		$this->assertSame( $long, $preview['origin_session']['primary_id'] );
		$this->assertSame(
			array(
				array(
					'runtime'    => 'kimaki',
					'subkey'     => 'session_id',
					'variable'   => 'KIMAKI_SESSION_ID',
					'consumer'   => 'lock_owner',
					'reason'     => 'cut',
					'kept_bytes' => 300,
				),
			),
			$preview['dropped']
		);
		$this->assertSame( array(), $this->preview( array( 'KIMAKI_SESSION_ID' => str_repeat( 'x', 300 ) ) )['dropped'], 'A value of 300 bytes is kept whole.' );
	}

	public function test_the_filter_value_is_cleaned_like_dmc_does() {
		$resolver = new Attribution_Resolver();

		$this->assertSame( array(), $resolver->clean( 'not an array' ) );
		$this->assertSame(
			array( 'ok' => array( 'a' => 'A' ) ),
			$resolver->clean(
				array(
					123     => array( 'a' => 'DIGITS' ),
					''      => array( 'a' => 'EMPTY_ID' ),
					'str'   => 'NOT_AN_ARRAY',
					'none'  => array( 'a' => '' ),
					'ok'    => array(
						'a' => 'A',
						''  => 'EMPTY_SUBKEY',
						'b' => 5,
					),
				)
			)
		);
	}

	public function test_entries_say_what_dmc_keeps_and_skips_in_filter_order() {
		$entries = ( new Attribution_Resolver() )->entries(
			array(
				'kimaki'  => array(
					'session_id' => 'KIMAKI_SESSION_ID',
					'thread_url' => 'KIMAKI_THREAD_URL',
				),
				123       => array( 'session_id' => 'DIGITS' ),
				'scalar'  => 'KIMAKI_SESSION_ID',
				'list'    => array( 'A', 'B' ),
				'empty'   => array(),
				'partial' => array(
					'session_id' => 'OK',
					'run_id'     => '',
					7            => 'NUMERIC_SUBKEY',
					'other'      => 5,
				),
			)
		);

		$this->assertSame(
			array(
				array(
					'id'            => 'kimaki',
					'pairs'         => array(
						array(
							'subkey'   => 'session_id',
							'variable' => 'KIMAKI_SESSION_ID',
						),
						array(
							'subkey'   => 'thread_url',
							'variable' => 'KIMAKI_THREAD_URL',
						),
					),
					'ignored'       => false,
					'dropped_pairs' => 0,
				),
				array(
					'id'            => '123',
					'pairs'         => array(),
					'ignored'       => true,
					'dropped_pairs' => 0,
				),
				array(
					'id'            => 'scalar',
					'pairs'         => array(),
					'ignored'       => true,
					'dropped_pairs' => 0,
				),
				array(
					'id'            => 'list',
					'pairs'         => array(),
					'ignored'       => true,
					'dropped_pairs' => 0,
				),
				array(
					'id'            => 'empty',
					'pairs'         => array(),
					'ignored'       => true,
					'dropped_pairs' => 0,
				),
				array(
					'id'            => 'partial',
					'pairs'         => array(
						array(
							'subkey'   => 'session_id',
							'variable' => 'OK',
						),
					),
					'ignored'       => false,
					'dropped_pairs' => 3,
				),
			),
			$entries
		);
		$this->assertSame( array(), ( new Attribution_Resolver() )->entries( 'not an array' ) );
	}

	public function test_declared_lists_each_variable_once_and_primary_variables_the_session_ids_in_order() {
		$clean = ( new Attribution_Resolver() )->clean(
			array(
				'kimaki' => array(
					'thread_id'  => 'KIMAKI_THREAD_ID',
					'session_id' => 'KIMAKI_SESSION_ID',
				),
				'broken' => 'X',
				'mine'   => array(
					'session_id' => 'KIMAKI_SESSION_ID',
					'run_id'     => 'MINE_RUN_ID',
				),
				'runner' => array( 'run_id' => 'RUNNER_RUN_ID' ),
			)
		);

		$this->assertSame( array( 'KIMAKI_THREAD_ID', 'KIMAKI_SESSION_ID', 'MINE_RUN_ID', 'RUNNER_RUN_ID' ), Attribution_Resolver::declared( $clean ) );
		$this->assertSame( array( 'KIMAKI_SESSION_ID', 'KIMAKI_SESSION_ID' ), Attribution_Resolver::primary_variables( $clean ) );
	}

	public function test_the_preview_names_where_the_primary_id_comes_from() {
		$this->assertNull( $this->preview( array() )['primary_source'] );
		$this->assertSame(
			array(
				'runtime'  => 'opencode',
				'subkey'   => 'session_id',
				'variable' => 'OPENCODE_SESSION_ID',
			),
			$this->preview(
				array(
					'KIMAKI_THREAD_ID'    => 'thread-1',
					'OPENCODE_SESSION_ID' => 'oc-session',
				)
			)['primary_source']
		);
		$this->assertSame(
			array(
				'runtime'  => 'kimaki',
				'subkey'   => 'thread_id',
				'variable' => 'KIMAKI_THREAD_ID',
			),
			$this->preview(
				array(
					'KIMAKI_THREAD_URL' => 'not-a-url',
					'KIMAKI_THREAD_ID'  => 'thread-1',
					'OPENCODE_RUN_ID'   => 'run-1',
				)
			)['primary_source']
		);
	}

	/**
	 * @return array[]
	 */
	public function subkeys() {
		return array(
			'url'                 => array( 'url', true ),
			'thread_url'          => array( 'thread_url', true ),
			'_url'                => array( '_url', true ),
			'urls'                => array( 'urls', false ),
			'curl'                => array( 'curl', false ),
			'url_id'              => array( 'url_id', false ),
			'trailing line break' => array( "thread_url\n", false ),
		);
	}

	/**
	 * @dataProvider subkeys
	 *
	 * @param string $subkey Subkey.
	 * @param bool   $is_url Whether DMC checks its values as URLs.
	 */
	public function test_url_subkeys_are_url_or_end_in_underscore_url( $subkey, $is_url ) {
		$this->assertSame( $is_url, Attribution_Resolver::is_url_subkey( $subkey ) );
	}
}
