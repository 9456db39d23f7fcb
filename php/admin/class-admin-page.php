<?php
/**
 * The Tools → Agent Runtimes screen.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Admin;

use WP_Coding_Agents\Runtimes\Plugin;
use WP_Coding_Agents\Runtimes\Rules\Capability;
use WP_Coding_Agents\Runtimes\Rules\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the admin page and loads the React app built into `build/`. The app talks
 * to the REST API through `@wordpress/api-fetch`, which already carries the nonce, so
 * nothing is passed to it here.
 */
class Admin_Page {

	public const SLUG = 'wpca-runtimes';

	public const HANDLE = 'wpca-runtimes';

	public const ROOT_ID = 'wpca-runtimes-root';

	/**
	 * The screen's views, by the `view` query argument (src/lib/views.ts): the first is
	 * shown when the URL names none.
	 */
	public const VIEWS = array( 'runtimes', 'catalogue', 'dmc', 'processes', 'records', 'preview' );

	/**
	 * The REST reads the screen makes on load, answered inside the page so no round trip
	 * stands between load and use: its state (src/hooks/use-runtimes-screen.ts), and, when
	 * the URL opens the view of DMC's records, what that view reads when shown
	 * (src/hooks/use-dmc-records.ts; another view reads them once the admin goes there, so
	 * never a preload older than a change). The ui e2e suite fails when the screen
	 * requests anything before it is usable.
	 */
	public const PRELOADED_ROUTES = array( '/screen' );

	/** Preloaded too when the URL opens the records view. */
	public const PRELOADED_RECORDS_ROUTES = array(
		'/attribution/summary',
		'/attribution/worktrees?page=1&per_page=' . Schema::PER_PAGE_DEFAULT,
	);

	/**
	 * Hook suffix of the page, once added.
	 *
	 * @var string|false
	 */
	private $hook_suffix = false;

	/**
	 * The screen's URL, for links to it from other wp-admin screens: a view and the
	 * runtime selected in it, as the screen puts them in its URL (src/lib/views.ts).
	 *
	 * @param string      $view    One of VIEWS; the first (the default) is left out.
	 * @param string|null $runtime Runtime id to select, or null.
	 * @return string
	 */
	public static function url( string $view = 'runtimes', ?string $runtime = null ): string {
		$args = array( 'page' => self::SLUG );
		if ( self::VIEWS[0] !== $view && in_array( $view, self::VIEWS, true ) ) {
			$args['view'] = $view;
		}
		if ( null !== $runtime && '' !== $runtime ) {
			$args['runtime'] = $runtime;
		}
		return add_query_arg( array_map( 'rawurlencode', $args ), admin_url( 'tools.php' ) );
	}

	/**
	 * The view this request's URL names (the first when none or an unknown one).
	 *
	 * @return string
	 */
	public static function current_view(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a view to show, nothing is changed.
		$view = isset( $_GET['view'] ) && is_string( $_GET['view'] ) ? sanitize_key( wp_unslash( $_GET['view'] ) ) : '';
		return in_array( $view, self::VIEWS, true ) ? $view : self::VIEWS[0];
	}

	/**
	 * Wires the admin hooks.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		// Before core's command palette (priority 10): the screen's script then runs as soon as
		// its own dependencies have, not after the block-editor bundle the palette brings.
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_assets' ), 5 );
		add_action( 'admin_notices', array( $this, 'notice_missing_build' ) );
		add_action( 'admin_post_' . Publish_Form_Handler::ACTION, array( Publish_Form_Handler::class, 'handle' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( WPCA_RUNTIMES_FILE ), array( $this, 'add_action_link' ) );
	}

	/**
	 * Plugins screen: a link to the screen first in the plugin's row, for those who may use it.
	 *
	 * @param string[] $links Action links; untyped, as a filter gets whatever the callbacks before it returned.
	 * @return string[]
	 */
	public function add_action_link( $links ): array {
		$links = (array) $links;
		if ( Capability::current_user_can_manage() ) {
			array_unshift(
				$links,
				sprintf(
					'<a href="%s">%s</a>',
					esc_url( self::url() ),
					esc_html__( 'Manage runtimes', 'wp-coding-agents-runtimes' )
				)
			);
		}
		return $links;
	}

	/**
	 * Adds the page under Tools.
	 */
	public function add_page(): void {
		$this->hook_suffix = add_management_page(
			__( 'Agent Runtimes', 'wp-coding-agents-runtimes' ),
			__( 'Agent Runtimes', 'wp-coding-agents-runtimes' ),
			Capability::required(),
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Enqueues the app on this page only.
	 *
	 * @param string $hook_suffix Current admin page; untyped, as any code may fire the action.
	 */
	public function enqueue_assets( $hook_suffix ): void {
		if ( ! $this->is_this_page( $hook_suffix ) ) {
			return;
		}
		wp_enqueue_style( 'wp-components' );

		$asset = $this->build_asset();
		if ( null === $asset ) {
			return;
		}
		$build_url = plugins_url( 'build/', WPCA_RUNTIMES_FILE );
		wp_enqueue_script( self::HANDLE, $build_url . 'index.js', $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( self::HANDLE, 'wp-coding-agents-runtimes', plugin_dir_path( WPCA_RUNTIMES_FILE ) . 'languages' );
		// Computed after the page's HTML, not before its head: the first paint's toggles are
		// sent without waiting for the REST server and eight internal requests.
		add_action( 'admin_footer', array( $this, 'preload_rest_responses' ) );
		if ( file_exists( $this->build_dir() . 'index.css' ) ) {
			wp_enqueue_style( self::HANDLE, $build_url . 'index.css', array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * `admin_footer`, before the footer scripts print: answers the screen's first REST
	 * reads from the page, as the block editor does. The responses go to api-fetch's
	 * preloading middleware, which serves each once (later reloads ask the server). A read
	 * that fails here is simply left to the screen.
	 */
	public function preload_rest_responses(): void {
		$paths  = array();
		$routes = 'records' === self::current_view() ? array_merge( self::PRELOADED_ROUTES, self::PRELOADED_RECORDS_ROUTES ) : self::PRELOADED_ROUTES;
		foreach ( $routes as $route ) {
			$paths[] = '/' . Plugin::REST_NAMESPACE . $route;
		}
		$script = sprintf(
			'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );',
			wp_json_encode( array_reduce( $paths, 'rest_preload_api_request', array() ), JSON_HEX_TAG | JSON_UNESCAPED_SLASHES )
		);
		// Another plugin may have had api-fetch printed in the head already.
		if ( wp_script_is( 'wp-api-fetch', 'done' ) ) {
			wp_print_inline_script_tag( $script );
			return;
		}
		wp_add_inline_script( 'wp-api-fetch', $script, 'after' );
	}

	/**
	 * Tells a developer running from source to build the app.
	 */
	public function notice_missing_build(): void {
		$screen = get_current_screen();
		if ( null === $screen || ! $this->is_this_page( $screen->id ) || null !== $this->build_asset() ) {
			return;
		}
		wp_admin_notice(
			sprintf(
				/* translators: %s: command. */
				esc_html__( 'The Agent Runtimes screen is not built yet. Run %s in the plugin folder.', 'wp-coding-agents-runtimes' ),
				'<code>npm run build</code>'
			),
			array(
				'type'           => 'error',
				'paragraph_wrap' => true,
			)
		);
	}

	/**
	 * Renders the page: the server's first paint (usable without JavaScript) inside the
	 * root, which the app takes over.
	 */
	public function render(): void {
		?>
		<div class="wrap">
			<?php Publish_Form_Handler::render_notices(); ?>
			<div id="<?php echo esc_attr( self::ROOT_ID ); ?>">
				<?php ( new Screen_First_Paint( Plugin::store(), Plugin::dmc_detector(), Plugin::catalogue(), Plugin::verification_log() ) )->render(); ?>
			</div>
		</div>
		<?php
	}

	/**
	 * Whether a hook suffix or screen id is this page's.
	 *
	 * @param string $hook_suffix Hook suffix or screen id.
	 * @return bool
	 */
	private function is_this_page( $hook_suffix ): bool {
		return false !== $this->hook_suffix && $hook_suffix === $this->hook_suffix;
	}

	/**
	 * Folder of the built app.
	 *
	 * @return string
	 */
	private function build_dir(): string {
		return plugin_dir_path( WPCA_RUNTIMES_FILE ) . 'build/';
	}

	/**
	 * The build's dependency manifest, or null when the app is not built.
	 *
	 * @return array{dependencies: string[], version: string}|null
	 */
	private function build_asset(): ?array {
		$file = $this->build_dir() . 'index.asset.php';
		if ( ! file_exists( $file ) ) {
			return null;
		}
		$asset = require $file;
		if ( ! is_array( $asset ) ) {
			return null;
		}
		return array(
			'dependencies' => isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array(),
			'version'      => isset( $asset['version'] ) ? (string) $asset['version'] : WPCA_RUNTIMES_VERSION,
		);
	}
}
