<?php
/**
 * Whether Data Machine Code is there to consume the signatures.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

defined( 'ABSPATH' ) || exit;

/**
 * DMC (plugin file `data-machine-code/data-machine-code.php`) reads the filter for the
 * worktree origin session from 0.45 and for the workspace lock owner context from the
 * first release after 0.47.7 (docs/contract.md). One answer for the REST API, the
 * admin screen and Site Health.
 */
class DMC_Detector {

	public const PLUGIN_FILE = 'data-machine-code/data-machine-code.php';

	/** The first version whose worktree origin session reads the filter. */
	public const ORIGIN_SESSION_SINCE = '0.45';

	/** The lock owner context reads the filter in releases after this one. */
	public const LOCK_OWNER_AFTER = '0.47.7';

	/** DMC's last known release and its date; the repository is reported archived since. */
	public const LAST_KNOWN_RELEASE = '0.61.4';

	public const LAST_KNOWN_RELEASE_DATE = '2026-08-22';

	/** The filter's handling is the same from this release to the last known one: the contract this plugin follows. */
	public const CONTRACT_STABLE_SINCE = '0.56.7';

	/** The constant DMC defines when it is loaded. */
	public const VERSION_CONSTANT = 'DATAMACHINE_CODE_VERSION';

	/** `state` values, worst first. */
	public const STATES = array( 'absent', 'inactive', 'too_old', 'active' );

	/**
	 * Observer of who applies the filter in this request.
	 *
	 * @var Filter_Consumer_Probe
	 */
	private Filter_Consumer_Probe $probe;

	/**
	 * @param Filter_Consumer_Probe $probe Observer of the filter's callers.
	 */
	public function __construct( Filter_Consumer_Probe $probe ) {
		$this->probe = $probe;
	}

	/**
	 * DMC's status on this site.
	 *
	 * @return array See REST\DMC_Controller::get_item_schema().
	 */
	public function status(): array {
		$path           = WP_PLUGIN_DIR . '/' . self::PLUGIN_FILE;
		$installed      = is_file( $path );
		$network_active = is_multisite() && array_key_exists( self::PLUGIN_FILE, (array) get_site_option( 'active_sitewide_plugins', array() ) );
		$active         = $installed && ( $network_active || in_array( self::PLUGIN_FILE, (array) get_option( 'active_plugins', array() ), true ) );
		// Loaded from elsewhere (a renamed folder, a mu-plugin): its constant is the evidence.
		$loaded  = defined( self::VERSION_CONSTANT );
		$version = null;
		if ( $installed ) {
			$header  = get_file_data( $path, array( 'Version' => 'Version' ), 'plugin' );
			$version = '' === $header['Version'] ? null : $header['Version'];
		} elseif ( $loaded ) {
			$version = (string) constant( self::VERSION_CONSTANT );
		}
		$present = $active || $loaded;

		if ( ! $installed && ! $loaded ) {
			$state = 'absent';
		} elseif ( ! $present ) {
			$state = 'inactive';
		} elseif ( null !== $version && ! self::consumes_origin_session( $version ) ) {
			$state = 'too_old';
		} else {
			$state = 'active';
		}

		return array(
			'state'          => $state,
			'installed'      => $installed || $loaded,
			'active'         => $present,
			'network_active' => $network_active,
			'loaded'         => $loaded,
			'plugin_file'    => self::PLUGIN_FILE,
			'version'        => $version,
			'consumes'       => array(
				'origin_session' => null === $version ? null : self::consumes_origin_session( $version ),
				'lock_owner'     => null === $version ? null : self::consumes_lock_owner( $version ),
			),
			'filter'         => $this->probe->report(),
			'plugins_url'    => current_user_can( 'activate_plugins' ) ? self_admin_url( 'plugins.php' ) : null,
			'release'        => array(
				'last_known'            => self::LAST_KNOWN_RELEASE,
				'last_known_date'       => self::LAST_KNOWN_RELEASE_DATE,
				'contract_stable_since' => self::CONTRACT_STABLE_SINCE,
			),
		);
	}

	/**
	 * Whether a DMC version records the worktree origin session from the filter.
	 *
	 * @param string $version Version from DMC's header.
	 * @return bool
	 */
	public static function consumes_origin_session( string $version ): bool {
		return version_compare( $version, self::ORIGIN_SESSION_SINCE, '>=' );
	}

	/**
	 * Whether a DMC version records the lock owner's `runtime_ids` from the filter.
	 *
	 * @param string $version Version from DMC's header.
	 * @return bool
	 */
	public static function consumes_lock_owner( string $version ): bool {
		return version_compare( $version, self::LOCK_OWNER_AFTER, '>' );
	}
}
