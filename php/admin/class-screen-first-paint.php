<?php
/**
 * The screen's server-rendered first paint.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Admin;

use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\Evidence\Catalogue_Evidence;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Prints, inside the app's root, the runtime list with a real form: one checkbox per
 * runtime ("Published to DMC: <name>", as the React screen names it), each runtime's ETag
 * and the state shown, and a submit button posting to admin-post.php
 * (Publish_Form_Handler). The page is usable as soon as this HTML arrives, and with
 * JavaScript off; the React app takes over from it (src/hooks/use-first-paint-handover.ts)
 * and applies any toggle clicked before it loaded. The markup is its own: wp-admin's
 * classes (nav-tab, button) and the plugin's (`wpca-first-paint__*`, styled in
 * src/index.scss to the React screen's sizes), never another package's internal class
 * names, so the swap moves nothing (e2e/ui/first-paint.spec.ts measures it) and no
 * @wordpress/components release can break it.
 *
 * About 430 lines for one job, the React screen's first frame printed by the server (tabs,
 * runtime cards, DMC notice, catalogue notes, the labels they share): split, the markup
 * the handover compares box by box would live in several places.
 */
class Screen_First_Paint {

	/** Class of the element the React app removes once it shows the screen. */
	public const CONTAINER_CLASS = 'wpca-first-paint';

	/**
	 * The registry.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Whether DMC is there.
	 *
	 * @var DMC_Detector
	 */
	private DMC_Detector $dmc_detector;

	/**
	 * The catalogue, for the notes on the runtimes it knows.
	 *
	 * @var Runtime_Catalogue
	 */
	private Runtime_Catalogue $catalogue;

	/**
	 * The observation history, which may contradict the catalogue.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store   $store        Registry.
	 * @param DMC_Detector      $dmc_detector DMC's status.
	 * @param Runtime_Catalogue $catalogue    Catalogue.
	 * @param Verification_Log  $log          Observation history.
	 */
	public function __construct( Signature_Store $store, DMC_Detector $dmc_detector, Runtime_Catalogue $catalogue, Verification_Log $log ) {
		$this->store        = $store;
		$this->dmc_detector = $dmc_detector;
		$this->catalogue    = $catalogue;
		$this->log          = $log;
	}

	/**
	 * Prints the first paint.
	 */
	public function render(): void {
		$view = Admin_Page::current_view();
		?>
		<div class="wpca-screen <?php echo esc_attr( self::CONTAINER_CLASS ); ?>">
			<h1><?php esc_html_e( 'Agent Runtimes', 'wp-coding-agents-runtimes' ); ?></h1>
			<?php
			$this->render_dmc_notice();
			$this->render_tabs( $view );
			?>
			<section class="wpca-view wpca-view--<?php echo esc_attr( $view ); ?>" aria-labelledby="<?php echo esc_attr( 'wpca-view-' . $view . '-heading' ); ?>">
				<h2 id="<?php echo esc_attr( 'wpca-view-' . $view . '-heading' ); ?>" class="wpca-view__heading"><?php echo esc_html( self::view_titles()[ $view ] ); ?></h2>
				<p class="wpca-view__about"><?php echo wp_kses( self::view_abouts()[ $view ], array( 'code' => array() ) ); ?></p>
				<?php
				if ( 'runtimes' === $view ) {
					$this->render_runtimes_form();
				} else {
					?>
					<noscript>
						<div class="wpca-first-paint__card">
							<div class="wpca-first-paint__body">
								<p><?php esc_html_e( 'This view needs JavaScript; the REST API under wp-coding-agents/v1 offers the same.', 'wp-coding-agents-runtimes' ); ?></p>
							</div>
						</div>
					</noscript>
					<div class="wpca-skeleton__card wpca-first-paint__placeholder" aria-hidden="true"></div>
					<?php
				}
				?>
			</section>
		</div>
		<?php
	}

	/**
	 * The runtimes view's form: one card per runtime with its publish toggle.
	 */
	private function render_runtimes_form(): void {
		$items     = $this->store->list_items();
		$names     = self::names( $items );
		$position  = 0;
		$catalogue = ( new Catalogue_Evidence() )->apply( $this->catalogue->read()['entries'], $this->log->observations() );
		?>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="<?php echo esc_attr( Publish_Form_Handler::ACTION ); ?>" />
			<?php wp_nonce_field( Publish_Form_Handler::ACTION ); ?>
			<?php if ( array() === $items ) : ?>
				<p><?php esc_html_e( 'No runtimes.', 'wp-coding-agents-runtimes' ); ?></p>
			<?php else : ?>
				<div class="wpca-runtime-list">
					<?php
					foreach ( $items as $item ) {
						$this->render_card( $item, $names[ $item['id'] ], $item['registered'] ? ++$position : null, isset( $catalogue[ $item['id'] ] ) ? $catalogue[ $item['id'] ] : null );
					}
					?>
				</div>
			<?php endif; ?>
		</form>
		<noscript>
			<div class="wpca-first-paint__card">
				<div class="wpca-first-paint__body">
					<p><?php esc_html_e( 'Without JavaScript this screen turns runtimes on and off. Editing, ordering, what DMC sees and the attribution preview need JavaScript; the REST API under wp-coding-agents/v1 offers them too.', 'wp-coding-agents-runtimes' ); ?></p>
				</div>
			</div>
		</noscript>
		<div class="wpca-add-disclosure wpca-first-paint__placeholder" aria-hidden="true"></div>
		<?php
	}

	/**
	 * The views' tabs as the app prints them (src/components/view-tabs.tsx): links that
	 * work before it loads, and without JavaScript.
	 *
	 * @param string $current The view shown.
	 */
	private function render_tabs( string $current ): void {
		?>
		<nav class="nav-tab-wrapper wp-clearfix wpca-views" aria-label="<?php esc_attr_e( 'Agent Runtimes views', 'wp-coding-agents-runtimes' ); ?>">
			<?php foreach ( self::view_titles() as $view => $title ) : ?>
				<a href="<?php echo esc_url( Admin_Page::url( $view, self::selected_runtime() ) ); ?>" class="<?php echo esc_attr( $view === $current ? 'nav-tab nav-tab-active' : 'nav-tab' ); ?>"<?php echo $view === $current ? ' aria-current="page"' : ''; ?>><?php echo esc_html( $title ); ?></a>
			<?php endforeach; ?>
		</nav>
		<?php
	}

	/**
	 * The runtime the URL selects, kept in the tabs' links as the app keeps it.
	 *
	 * @return string|null
	 */
	private static function selected_runtime(): ?string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a selection to show, nothing is changed.
		$runtime = isset( $_GET['runtime'] ) && is_string( $_GET['runtime'] ) ? sanitize_text_field( wp_unslash( $_GET['runtime'] ) ) : '';
		return '' === $runtime ? null : $runtime;
	}

	/**
	 * Each view's title, as its tab and heading say (src/components/view-tabs.tsx).
	 *
	 * @return array<string, string> By view id, in Admin_Page::VIEWS order.
	 */
	private static function view_titles(): array {
		return array(
			'runtimes'  => __( 'Runtimes', 'wp-coding-agents-runtimes' ),
			'catalogue' => __( 'Known runtimes', 'wp-coding-agents-runtimes' ),
			'dmc'       => __( 'What DMC sees', 'wp-coding-agents-runtimes' ),
			'processes' => __( 'Agent processes', 'wp-coding-agents-runtimes' ),
			'records'   => __( 'Recorded by DMC', 'wp-coding-agents-runtimes' ),
			'preview'   => __( 'Attribution preview', 'wp-coding-agents-runtimes' ),
		);
	}

	/**
	 * Each view's sentence saying what it shows and what produces its data
	 * (src/components/runtimes-screen.tsx); `<code>` is its only markup, kept by wp_kses().
	 *
	 * @return array<string, string> By view id.
	 */
	private static function view_abouts(): array {
		return array(
			'runtimes'  => __( 'Is attribution working? Each runtime says whether DMC really records its agent sessions, and what would fix it. DMC reads them in this order.', 'wp-coding-agents-runtimes' ),
			'catalogue' => __( 'The runtimes this plugin knows, and which variables their processes really export: what upstream says, and what verify observed on this site. Nothing here reaches DMC until it is added.', 'wp-coding-agents-runtimes' ),
			'dmc'       => __( 'The runtime signatures Data Machine Code receives from its filter right now, in the order it reads them: the runtimes published here and any entries other code adds.', 'wp-coding-agents-runtimes' ),
			'processes' => __( 'Agent processes report here when an installer or an agent runs <code>bin/runtime-signature verify</code> inside them: which declared variables they really export.', 'wp-coding-agents-runtimes' ),
			'records'   => __( 'The worktrees Data Machine Code created on this site and the agent session it recorded for each, read from its own records.', 'wp-coding-agents-runtimes' ),
			'preview'   => __( 'Type the values an agent process would have to see what DMC would record for it. Nothing is saved.', 'wp-coding-agents-runtimes' ),
		);
	}

	/**
	 * One runtime's card: its title, source, the toggle, the catalogue's note and what it maps.
	 *
	 * @param array      $item     Item (REST\Runtimes_Controller::get_item_schema()).
	 * @param string     $name     What its controls call it.
	 * @param int|null   $position 1-based precedence among registered runtimes.
	 * @param array|null $entry    Its catalogue entry with evidence, or null.
	 */
	private function render_card( array $item, string $name, ?int $position, ?array $entry ): void {
		$id      = $item['id'];
		$input   = 'wpca-first-paint-' . $id;
		$field   = 'runtimes[' . $id . ']';
		$checked = (bool) $item['enabled'];
		?>
		<div class="wpca-card wpca-first-paint__card" role="region" aria-label="<?php echo esc_attr( sprintf( /* translators: %s: runtime id. */ __( 'Runtime %s', 'wp-coding-agents-runtimes' ), $id ) ); ?>">
			<div class="wpca-first-paint__header">
				<div>
					<h3 class="wpca-card__title">
						<?php if ( null !== $position ) : ?>
							<span class="wpca-card__position"><?php echo esc_html( $position . '.' ); ?></span>
						<?php endif; ?>
						<?php echo esc_html( '' !== $item['label'] ? $item['label'] : $id ); ?> <code><?php echo esc_html( $id ); ?></code>
					</h3>
				</div>
				<div>
					<span class="wpca-badge wpca-badge--<?php echo esc_attr( ! empty( $item['declared'] ) && ! empty( $item['overridden'] ) ? 'installer' : $item['source'] ); ?>"><?php echo esc_html( self::source_label( $item ) ); ?></span>
				</div>
			</div>
			<div class="wpca-first-paint__body">
				<div class="wpca-verdict wpca-verdict--pending" aria-hidden="true"></div>
				<input type="hidden" name="<?php echo esc_attr( $field . '[etag]' ); ?>" value="<?php echo esc_attr( $item['etag'] ); ?>" />
				<input type="hidden" name="<?php echo esc_attr( $field . '[shown]' ); ?>" value="<?php echo $checked ? '1' : '0'; ?>" />
				<div class="wpca-first-paint__toggle">
					<span class="wpca-first-paint__switch">
						<input class="wpca-first-paint__switch-input" id="<?php echo esc_attr( $input ); ?>" type="checkbox" name="<?php echo esc_attr( $field . '[enabled]' ); ?>" value="1" data-wpca-runtime="<?php echo esc_attr( $id ); ?>" data-wpca-etag="<?php echo esc_attr( $item['etag'] ); ?>" aria-describedby="<?php echo esc_attr( $input . '__help' ); ?>" aria-label="<?php echo esc_attr( sprintf( /* translators: %s: runtime name. */ __( 'Published to DMC: %s', 'wp-coding-agents-runtimes' ), $name ) ); ?>" <?php checked( $checked ); ?> />
						<span class="wpca-first-paint__switch-track"></span>
						<span class="wpca-first-paint__switch-thumb"></span>
					</span>
					<label for="<?php echo esc_attr( $input ); ?>" class="wpca-first-paint__label"><?php esc_html_e( 'Published to DMC', 'wp-coding-agents-runtimes' ); ?></label>
				</div>
				<p id="<?php echo esc_attr( $input . '__help' ); ?>" class="wpca-first-paint__help">
					<?php
					echo esc_html(
						$checked
							? __( 'DMC reads these variables when it records a worktree or a lock.', 'wp-coding-agents-runtimes' )
							: __( 'Off: the mapping and its position are kept, DMC does not see it.', 'wp-coding-agents-runtimes' )
					);
					?>
				</p>
				<p class="wpca-card__meta"><?php echo esc_html( self::updated_info( $item ) ); ?></p>
				<?php self::render_catalogue_note( $entry ); ?>
				<table class="wpca-fields-table" aria-label="<?php echo esc_attr( sprintf( /* translators: %s: runtime id. */ __( 'Fields of %s', 'wp-coding-agents-runtimes' ), $id ) ); ?>">
					<thead>
						<tr>
							<th scope="col"><?php esc_html_e( 'Subkey', 'wp-coding-agents-runtimes' ); ?></th>
							<th scope="col"><?php esc_html_e( 'Environment variable', 'wp-coding-agents-runtimes' ); ?></th>
						</tr>
					</thead>
					<tbody>
						<?php foreach ( $item['fields'] as $subkey => $env ) : ?>
							<tr>
								<td><code><?php echo esc_html( (string) $subkey ); ?></code></td>
								<td><code><?php echo esc_html( (string) $env ); ?></code></td>
							</tr>
						<?php endforeach; ?>
					</tbody>
				</table>
			</div>
			<div class="wpca-first-paint__footer wpca-card__actions">
				<button type="submit" class="button"><?php esc_html_e( 'Save changes', 'wp-coding-agents-runtimes' ); ?></button>
			</div>
		</div>
		<?php
	}

	/**
	 * What the catalogue says of a runtime, as src/components/catalogue-note.tsx prints it:
	 * observations that contradict it first, then its notes in a disclosure.
	 *
	 * @param array|null $entry Catalogue entry with evidence, or null.
	 */
	private static function render_catalogue_note( ?array $entry ): void {
		if ( null === $entry ) {
			return;
		}
		$contradictions = array_filter(
			$entry['variables'],
			static function ( array $variable ) {
				return 'contradicted' === $variable['evidence']['confidence'];
			}
		);
		if ( array() === $entry['notes'] && array() === $contradictions ) {
			return;
		}
		?>
		<div class="wpca-catalogue-note">
			<?php foreach ( $contradictions as $variable ) : ?>
				<p class="is-contradicted"><strong><?php esc_html_e( 'Observed here, against upstream:', 'wp-coding-agents-runtimes' ); ?></strong> <code><?php echo esc_html( $variable['name'] ); ?></code> <?php echo esc_html( (string) $variable['evidence']['summary'] ); ?></p>
			<?php endforeach; ?>
			<?php if ( array() !== $entry['notes'] ) : ?>
				<details>
					<summary><?php esc_html_e( 'What upstream says its variables carry', 'wp-coding-agents-runtimes' ); ?></summary>
					<?php foreach ( $entry['notes'] as $note ) : ?>
						<p><?php echo esc_html( $note ); ?></p>
					<?php endforeach; ?>
				</details>
			<?php endif; ?>
		</div>
		<?php
	}

	/**
	 * The notice the React screen shows when DMC does not consume the signatures
	 * (src/components/dmc-notice.tsx), so it is in place before the app loads.
	 */
	private function render_dmc_notice(): void {
		$status  = $this->dmc_detector->status();
		$reasons = array(
			'absent'   => __( 'Data Machine Code is not installed.', 'wp-coding-agents-runtimes' ),
			'inactive' => __( 'Data Machine Code is installed but not active.', 'wp-coding-agents-runtimes' ),
			/* translators: %s: DMC version. */
			'too_old'  => sprintf( __( 'Data Machine Code %s is too old: runtime signatures are read from version 0.45.', 'wp-coding-agents-runtimes' ), (string) $status['version'] ),
		);
		if ( ! isset( $reasons[ $status['state'] ] ) ) {
			return;
		}
		?>
		<div class="wpca-dmc-notice wpca-first-paint__notice">
			<div class="wpca-first-paint__notice-content">
				<p><strong><?php echo esc_html( $reasons[ $status['state'] ] ); ?></strong> <?php esc_html_e( 'Signatures are stored and published; nothing consumes them yet.', 'wp-coding-agents-runtimes' ); ?></p>
				<p>
				<?php
				echo esc_html(
					sprintf(
						/* translators: 1: DMC's last known version, 2: its release date, 3: the version since which the filter contract is unchanged. */
						__( 'Data Machine Code’s last known release is %1$s (%2$s); the filter contract this plugin follows is unchanged since %3$s.', 'wp-coding-agents-runtimes' ),
						$status['release']['last_known'],
						$status['release']['last_known_date'],
						$status['release']['contract_stable_since']
					)
				);
				?>
				</p>
			</div>
			<?php if ( null !== $status['plugins_url'] ) : ?>
				<p class="wpca-first-paint__notice-actions"><a href="<?php echo esc_url( $status['plugins_url'] ); ?>"><?php esc_html_e( 'Go to Plugins', 'wp-coding-agents-runtimes' ); ?></a></p>
			<?php endif; ?>
		</div>
		<?php
	}

	/**
	 * What each runtime's controls call it, as src/lib/runtime-names.ts does: its label,
	 * unless another runtime shares it (then "label (id)"), or the id when it has none.
	 *
	 * @param array[] $items Items.
	 * @return array<string, string> Names by id.
	 */
	public static function names( array $items ): array {
		$counts = array();
		foreach ( $items as $item ) {
			$id            = strtolower( $item['id'] );
			$counts[ $id ] = ( $counts[ $id ] ?? 0 ) + 1;
			$label         = strtolower( (string) $item['label'] );
			if ( '' !== $label && $label !== $id ) {
				$counts[ $label ] = ( $counts[ $label ] ?? 0 ) + 1;
			}
		}
		$names = array();
		foreach ( $items as $item ) {
			$label = (string) $item['label'];
			if ( '' === $label ) {
				$names[ $item['id'] ] = $item['id'];
				continue;
			}
			$names[ $item['id'] ] = 1 === $counts[ strtolower( $label ) ] ? $label : $label . ' (' . $item['id'] . ')';
		}
		return $names;
	}

	/**
	 * Who wrote the runtime, as its card says (src/components/runtime-card.tsx).
	 *
	 * @param array $item Item.
	 * @return string
	 */
	private static function source_label( array $item ): string {
		$source = (string) $item['source'];
		if ( ! empty( $item['declared'] ) && ! empty( $item['overridden'] ) ) {
			return __( 'Installer, changed by an admin', 'wp-coding-agents-runtimes' );
		}
		$labels = array(
			'installer' => __( 'Installer', 'wp-coding-agents-runtimes' ),
			'admin'     => __( 'Admin screen', 'wp-coding-agents-runtimes' ),
			'preset'    => __( 'Preset, not registered', 'wp-coding-agents-runtimes' ),
			'external'  => __( 'External (no metadata)', 'wp-coding-agents-runtimes' ),
			'adopted'   => __( 'Adopted from other code', 'wp-coding-agents-runtimes' ),
		);
		return $labels[ $source ] ?? $source;
	}

	/**
	 * When and by whom the runtime was last changed, in the site's formats and timezone.
	 *
	 * @param array $item Item.
	 * @return string
	 */
	private static function updated_info( array $item ): string {
		if ( null === $item['updated_at'] ) {
			return $item['registered']
				? __( 'Never updated through this plugin.', 'wp-coding-agents-runtimes' )
				: __( 'Not registered: these are the preset defaults.', 'wp-coding-agents-runtimes' );
		}
		$timestamp = strtotime( $item['updated_at'] );
		$when      = sprintf(
			/* translators: 1: date, 2: time (the site's formats). */
			__( '%1$s at %2$s', 'wp-coding-agents-runtimes' ),
			wp_date( (string) get_option( 'date_format' ), $timestamp ),
			wp_date( (string) get_option( 'time_format' ), $timestamp )
		);
		return null !== $item['updated_by']
			/* translators: 1: date and time, 2: user login. */
			? sprintf( __( 'Updated %1$s by %2$s', 'wp-coding-agents-runtimes' ), $when, $item['updated_by'] )
			/* translators: %s: date and time. */
			: sprintf( __( 'Updated %s', 'wp-coding-agents-runtimes' ), $when );
	}
}
