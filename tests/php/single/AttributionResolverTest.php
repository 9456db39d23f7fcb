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
		} else {
			$this->assertNull( $preview['origin_session'] );
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
}
