<?php
/**
 * The documentation against the code: every error code the REST API can answer is in
 * docs/rest-api.md (and nothing there is stale), every relative link in README.md and
 * docs/ resolves, README.md stays short, and nothing cites a file outside the repository.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

/**
 * What README.md and docs/ say against the code and the running site.
 */
class DocsTest extends Test_Case {

	/** Where the error-code table lives. */
	public const REFERENCE = 'docs/rest-api.md';

	/** The section of REFERENCE holding every error code. */
	public const SECTION = '## Error codes';

	/** README.md's budget: a newcomer reads it top to bottom; the rest belongs in docs/. */
	public const README_MAX_LINES = 150;

	/**
	 * WordPress functions whose first argument names a hook, an option or a transient:
	 * a `wpca_` string there is a name, not an error code.
	 */
	public const NAME_TAKING_FUNCTIONS = array(
		'add_action',
		'add_filter',
		'add_option',
		'apply_filters',
		'delete_option',
		'delete_site_option',
		'delete_transient',
		'did_action',
		'do_action',
		'get_option',
		'get_site_option',
		'get_transient',
		'has_action',
		'has_filter',
		'remove_action',
		'remove_filter',
		'set_transient',
		'update_option',
		'update_site_option',
	);

	/**
	 * The repository's root.
	 *
	 * @return string
	 */
	private static function root(): string {
		return dirname( WPCA_RUNTIMES_FILE );
	}

	/**
	 * The plugin's PHP files, relative to the root.
	 *
	 * @return string[]
	 */
	private static function php_files(): array {
		$files    = array( 'plugin.php', 'uninstall.php' );
		$iterator = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( self::root() . '/php', \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $iterator as $file ) {
			if ( 'php' === $file->getExtension() ) {
				$files[] = substr( $file->getPathname(), strlen( self::root() ) + 1 );
			}
		}
		sort( $files );
		return $files;
	}

	/**
	 * Every `wpca_…` error code a PHP source can return, with where it appears. A `wpca_`
	 * string is an error code unless it is a name: the whole value of a constant
	 * (`const OPTION = 'wpca_observations';`) or the first argument of a hook or option
	 * function (`apply_filters( 'wpca_required_capability', … )`).
	 *
	 * @param string $source PHP source.
	 * @return array<string, int[]> Code => lines.
	 */
	public static function error_codes_in( string $source ): array {
		$tokens      = array_values(
			array_filter(
				token_get_all( $source ),
				static function ( $token ) {
					return ! is_array( $token ) || ! in_array( $token[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true );
				}
			)
		);
		$codes       = array();
		$token_count = count( $tokens );
		for ( $i = 0; $i < $token_count; $i++ ) {
			$token = $tokens[ $i ];
			if ( ! is_array( $token ) || T_CONSTANT_ENCAPSED_STRING !== $token[0] ) {
				continue;
			}
			$value = substr( $token[1], 1, -1 );
			if ( 1 !== preg_match( '/^wpca_[a-z0-9_]+$/', $value ) ) {
				continue;
			}
			$before = $tokens[ $i - 1 ] ?? null;
			$next   = $tokens[ $i + 1 ] ?? null;
			// The value of a class constant.
			$is_constant = '=' === $before && ';' === $next && is_array( $tokens[ $i - 3 ] ?? null ) && T_CONST === $tokens[ $i - 3 ][0];
			// The first argument of a function call.
			$is_name_argument = '(' === $before && is_array( $tokens[ $i - 2 ] ?? null ) && T_STRING === $tokens[ $i - 2 ][0]
				&& in_array( strtolower( $tokens[ $i - 2 ][1] ), self::NAME_TAKING_FUNCTIONS, true );
			if ( $is_constant || $is_name_argument ) {
				continue;
			}
			$codes[ $value ][] = $token[2];
		}
		return $codes;
	}

	/**
	 * Every error code in php/, plugin.php and uninstall.php, with where.
	 *
	 * @return array<string, string[]> Code => `file:line` list.
	 */
	private static function error_codes_in_code(): array {
		$codes = array();
		foreach ( self::php_files() as $file ) {
			foreach ( self::error_codes_in( (string) file_get_contents( self::root() . '/' . $file ) ) as $code => $lines ) {
				foreach ( $lines as $line ) {
					$codes[ $code ][] = "$file:$line";
				}
			}
		}
		ksort( $codes );
		return $codes;
	}

	/**
	 * The codes docs/rest-api.md lists in its error-code section, with their status column.
	 *
	 * @return array<string, string> Code => status cell.
	 */
	private static function documented_codes(): array {
		$text  = (string) file_get_contents( self::root() . '/' . self::REFERENCE );
		$start = strpos( $text, "\n" . self::SECTION . "\n" );
		self::assertNotFalse( $start, self::REFERENCE . ' has a section "' . self::SECTION . '".' );
		$section = substr( $text, $start + 1 );
		$end     = strpos( $section, "\n## " );
		$section = false === $end ? $section : substr( $section, 0, $end );
		preg_match_all( '/^\| `([a-z][a-z0-9_]*)` \| ([^|]*) \|/m', $section, $rows, PREG_SET_ORDER );
		$codes = array();
		foreach ( $rows as $row ) {
			$codes[ $row[1] ] = trim( $row[2] );
		}
		return $codes;
	}

	public function test_the_scanner_tells_error_codes_from_option_and_hook_names() {
		$codes = self::error_codes_in(
			"<?php\nclass X {\n\tconst OPTION = 'wpca_an_option';\n\tconst MAP = array( 'rest_invalid_param' => 'wpca_mapped' );\n"
			. "\tfunction f() {\n\t\tapply_filters( 'wpca_a_filter', 1 );\n\t\tget_option( 'wpca_other_option' );\n"
			. "\t\treturn new WP_Error( 'wpca_one', 'x' ) ?: Schema::error(\n\t\t\t\"wpca_two\", 'f', 'm' );\n\t}\n}\n"
		);
		$this->assertSame(
			array(
				'wpca_mapped' => array( 4 ),
				'wpca_one'    => array( 8 ),
				'wpca_two'    => array( 9 ),
			),
			$codes
		);
	}

	public function test_every_error_code_in_the_code_is_documented() {
		$documented = self::documented_codes();
		$missing    = array();
		foreach ( self::error_codes_in_code() as $code => $places ) {
			if ( ! isset( $documented[ $code ] ) ) {
				$missing[] = "$code (" . implode( ', ', $places ) . ')';
			}
		}
		$this->assertSame(
			array(),
			$missing,
			'Error codes the code can return but ' . self::REFERENCE . ' ("' . self::SECTION . '") does not list: '
			. implode( '; ', $missing ) . '. Add a row for each; an option, hook or transient name belongs in a class constant.'
		);
	}

	public function test_every_documented_wpca_code_is_still_in_the_code() {
		$in_code = self::error_codes_in_code();
		$stale   = array();
		foreach ( array_keys( self::documented_codes() ) as $code ) {
			if ( 0 === strpos( $code, 'wpca_' ) && ! isset( $in_code[ $code ] ) ) {
				$stale[] = $code;
			}
		}
		$this->assertSame( array(), $stale, self::REFERENCE . ' lists error codes no code returns any more: ' . implode( ', ', $stale ) . '.' );
	}

	/**
	 * Sends a request to the running test site over HTTP.
	 *
	 * @param string $method  Method.
	 * @param string $path    Path under the plugin's namespace.
	 * @param array  $options `user` (a role of the test site's users), `body` (raw string), `headers`, `cookies`.
	 * @return array{0: int, 1: mixed} Status and decoded body.
	 */
	private static function http( string $method, string $path, array $options = array() ): array {
		$headers = $options['headers'] ?? array();
		if ( isset( $options['user'] ) ) {
			$user                     = WPCA_TEST_SITE['users'][ $options['user'] ];
			$headers['Authorization'] = 'Basic ' . base64_encode( $user['username'] . ':' . $user['appPassword'] ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic.
		}
		$response = wp_remote_request(
			rtrim( WPCA_TEST_SITE['restUrl'], '/' ) . '/wp-coding-agents/v1' . $path,
			array(
				'method'  => $method,
				'headers' => $headers,
				'body'    => $options['body'] ?? null,
				'cookies' => $options['cookies'] ?? array(),
				'timeout' => 30,
			)
		);
		self::assertNotWPError( $response );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/**
	 * Asserts a value is no WP_Error, naming its message.
	 *
	 * @param mixed $value Value.
	 */
	private static function assertNotWPError( $value ): void {
		self::assertFalse( is_wp_error( $value ), is_wp_error( $value ) ? $value->get_error_message() : '' );
	}

	public function test_the_core_codes_it_lists_are_what_the_routes_answer() {
		$admin  = WPCA_TEST_SITE['users']['admin']['id'];
		$cookie = new \WP_Http_Cookie(
			array(
				'name'  => LOGGED_IN_COOKIE,
				'value' => wp_generate_auth_cookie( $admin, time() + HOUR_IN_SECONDS, 'logged_in' ),
			)
		);
		// One real request per core code the reference lists, and the status it answers.
		$answers = array(
			'rest_forbidden'            => array(
				self::http( 'GET', '/runtimes' ),
				self::http( 'GET', '/runtimes', array( 'user' => 'subscriber' ) ),
			),
			'rest_cookie_invalid_nonce' => array(
				self::http(
					'GET',
					'/runtimes',
					array(
						'cookies' => array( $cookie ),
						'headers' => array( 'X-WP-Nonce' => 'badnonce00' ),
					)
				),
			),
			'rest_no_route'             => array( self::http( 'POST', '/runtimes', array( 'user' => 'admin' ) ) ),
			'rest_invalid_json'         => array(
				self::http(
					'PUT',
					'/runtimes/docs-check',
					array(
						'user'    => 'admin',
						'headers' => array( 'Content-Type' => 'application/json' ),
						'body'    => '{"fields":',
					)
				),
			),
		);

		$documented = array_filter(
			self::documented_codes(),
			static function ( $code ) {
				return 0 !== strpos( $code, 'wpca_' );
			},
			ARRAY_FILTER_USE_KEY
		);
		$this->assertEqualsCanonicalizing( array_keys( $answers ), array_keys( $documented ), 'The core codes ' . self::REFERENCE . ' lists are the ones this test sends a request for.' );
		foreach ( $answers as $code => $responses ) {
			foreach ( $responses as list( $status, $body ) ) {
				$this->assertSame( $code, $body['code'] ?? null, "A request meant to answer $code answered " . wp_json_encode( $body ) );
				$this->assertContains( (string) $status, preg_split( '/,\s*/', $documented[ $code ] ), "$code answered $status, but " . self::REFERENCE . " gives it {$documented[ $code ]}." );
			}
		}
		$this->assertNull( $this->stored(), 'Nothing was stored by the refused requests.' );
	}

	/**
	 * The markdown files a reader follows links in.
	 *
	 * @return string[] Relative paths.
	 */
	private static function markdown_files(): array {
		$files = array( 'README.md', 'php/README.md' );
		foreach ( (array) glob( self::root() . '/docs/*.md' ) as $file ) {
			$files[] = 'docs/' . basename( $file );
		}
		return $files;
	}

	/**
	 * The anchors GitHub gives a markdown file's headings.
	 *
	 * @param string $text Markdown.
	 * @return string[]
	 */
	private static function anchors_of( string $text ): array {
		$text = (string) preg_replace( '/^```.*?^```/ms', '', $text );
		preg_match_all( '/^#{1,6} (.+)$/m', $text, $headings );
		$anchors = array();
		$seen    = array();
		foreach ( $headings[1] as $heading ) {
			$slug          = (string) preg_replace( '/[^\p{L}\p{N}_ -]/u', '', mb_strtolower( trim( $heading ) ) );
			$slug          = str_replace( ' ', '-', $slug );
			$anchors[]     = isset( $seen[ $slug ] ) ? $slug . '-' . $seen[ $slug ] : $slug;
			$seen[ $slug ] = ( $seen[ $slug ] ?? 0 ) + 1;
		}
		return $anchors;
	}

	public function test_every_relative_link_in_the_readme_and_docs_resolves() {
		$broken = array();
		foreach ( self::markdown_files() as $file ) {
			$text = (string) file_get_contents( self::root() . '/' . $file );
			preg_match_all( '/\]\(([^)\s]+)\)/', (string) preg_replace( '/^```.*?^```/ms', '', $text ), $links );
			foreach ( $links[1] as $link ) {
				if ( 1 === preg_match( '/^[a-z]+:/', $link ) ) {
					continue;
				}
				list( $target, $anchor ) = array_pad( explode( '#', $link, 2 ), 2, null );
				$path                    = '' === $target ? $file : ltrim( dirname( $file ) . '/' . $target, './' );
				if ( '' !== $target && ! file_exists( self::root() . '/' . $path ) ) {
					$broken[] = "$file: $link (no file $path)";
				} elseif ( null !== $anchor && '.md' === substr( $path, -3 ) && ! in_array( $anchor, self::anchors_of( (string) file_get_contents( self::root() . '/' . $path ) ), true ) ) {
					$broken[] = "$file: $link (no heading #$anchor in $path)";
				}
			}
		}
		$this->assertSame( array(), $broken, 'Broken links: ' . implode( '; ', $broken ) );
	}

	public function test_the_readme_is_short_and_links_each_page_of_the_docs() {
		$readme = (string) file_get_contents( self::root() . '/README.md' );
		$this->assertLessThanOrEqual( self::README_MAX_LINES, substr_count( $readme, "\n" ), 'README.md stays at most ' . self::README_MAX_LINES . ' lines: put new material in docs/ and link it.' );
		foreach ( (array) glob( self::root() . '/docs/*.md' ) as $page ) {
			$this->assertStringContainsString( '(docs/' . basename( $page ) . ')', $readme, 'README.md links docs/' . basename( $page ) . '.' );
		}
	}

	public function test_the_architecture_names_the_controller_of_every_route() {
		$architecture = (string) file_get_contents( self::root() . '/docs/architecture.md' );
		$missing      = array();
		$namespace    = '/' . \WP_Coding_Agents\Runtimes\Plugin::REST_NAMESPACE;
		foreach ( rest_get_server()->get_routes( trim( $namespace, '/' ) ) as $route => $endpoints ) {
			$path = str_replace( '(?P<id>[^/]+)', '<id>', substr( $route, strlen( $namespace ) ) );
			if ( '' === $path || ! is_array( $endpoints[0]['callback'] ) ) {
				continue;
			}
			$class = ( new \ReflectionClass( $endpoints[0]['callback'][0] ) )->getShortName();
			$file  = 'class-' . str_replace( '_', '-', strtolower( $class ) ) . '.php';
			// A row of the table "Which controller answers a route": `METHODS /path` … | `file` |.
			if ( 1 !== preg_match( '#^\| .*`[A-Z|\\\\]+ ' . preg_quote( $path, '#' ) . '[`,( ].*\| `' . preg_quote( $file, '#' ) . '` \|$#m', $architecture ) ) {
				$missing[] = "$path ($file)";
			}
		}
		$this->assertNotEmpty( rest_get_server()->get_routes( trim( $namespace, '/' ) ), 'The routes are registered.' );
		$this->assertSame( array(), $missing, 'docs/architecture.md, "Which controller answers a route", names each route with its controller; missing: ' . implode( ', ', $missing ) );
	}

	public function test_the_php_readme_names_every_class() {
		$readme  = (string) file_get_contents( self::root() . '/php/README.md' );
		$missing = array();
		foreach ( array_merge( (array) glob( self::root() . '/php/*/class-*.php' ), (array) glob( self::root() . '/php/*/trait-*.php' ) ) as $file ) {
			if ( 1 === preg_match( '/^(?:final |abstract )?(?:class|trait|interface) (\w+)/m', (string) file_get_contents( $file ), $declared )
				&& false === strpos( $readme, '`' . $declared[1] . '`' ) ) {
				$missing[] = $declared[1];
			}
		}
		$this->assertSame( array(), $missing, 'php/README.md names every class of its layers; missing: ' . implode( ', ', $missing ) );
	}

	public function test_nothing_cites_a_file_outside_the_repository() {
		// The consumer contract is docs/contract.md; the lead's notes outside the repository are not for users.
		$outside = array( 'shared' . '/', 'CONTRACT' . '.md', 'ENVIRONMENT' . '.md' ); // phpcs:ignore Generic.Strings.UnnecessaryStringConcat.Found -- split, so this file does not cite them itself.
		$found   = array();
		$roots   = array( 'README.md', 'readme.txt', 'plugin.php', 'uninstall.php', 'php', 'src', 'tests', 'e2e', 'scripts', 'bin', 'docs' );
		foreach ( $roots as $root ) {
			$path  = self::root() . '/' . $root;
			$files = is_dir( $path ) ? new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $path, \FilesystemIterator::SKIP_DOTS ) ) : array( new \SplFileInfo( $path ) );
			foreach ( $files as $file ) {
				if ( in_array( $file->getExtension(), array( 'png', 'json' ), true ) ) {
					continue;
				}
				$text = (string) file_get_contents( $file->getPathname() );
				foreach ( $outside as $needle ) {
					if ( false !== strpos( $text, $needle ) ) {
						$found[] = substr( $file->getPathname(), strlen( self::root() ) + 1 ) . " cites $needle";
					}
				}
			}
		}
		$this->assertSame( array(), $found, 'Cite docs/contract.md (or another page of docs/) instead: ' . implode( '; ', $found ) );
	}
}
