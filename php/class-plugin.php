<?php
/**
 * The plugin's services, built on first use.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

use WP_Coding_Agents\Runtimes\Admin\Site_Health;
use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\DMC_Detector;
use WP_Coding_Agents\Runtimes\DMC\DMC_Worktree_Records;
use WP_Coding_Agents\Runtimes\DMC\Filter_Consumer_Probe;
use WP_Coding_Agents\Runtimes\DMC\Filter_Inspector;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Signature_Adopter;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\REST\Adoption_Controller;
use WP_Coding_Agents\Runtimes\REST\Catalogue_Controller;
use WP_Coding_Agents\Runtimes\REST\DMC_Controller;
use WP_Coding_Agents\Runtimes\REST\Observations_Controller;
use WP_Coding_Agents\Runtimes\REST\REST_Controller;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Where the objects are put together. plugin.php hooks these static methods (or closures
 * calling them), so no class is loaded and nothing is built until a hook that needs it runs.
 */
final class Plugin {

	/** The REST namespace; REST_Controller::API_NAMESPACE is this. */
	public const REST_NAMESPACE = 'wp-coding-agents/v1';

	/**
	 * Shared instances by class name.
	 *
	 * @var object[]
	 */
	private static $services = array();

	/**
	 * The registry.
	 *
	 * @return Signature_Store
	 */
	public static function store() {
		if ( ! isset( self::$services[ Signature_Store::class ] ) ) {
			self::$services[ Signature_Store::class ] = new Signature_Store( new Option_Lock( Signature_Store::LOCK_OPTION ) );
		}
		return self::$services[ Signature_Store::class ];
	}

	/**
	 * The publisher hooked onto DMC's filter.
	 *
	 * @return Filter_Publisher
	 */
	public static function publisher() {
		if ( ! isset( self::$services[ Filter_Publisher::class ] ) ) {
			self::$services[ Filter_Publisher::class ] = new Filter_Publisher( self::store() );
		}
		return self::$services[ Filter_Publisher::class ];
	}

	/**
	 * The observation history.
	 *
	 * @return Verification_Log
	 */
	public static function verification_log() {
		if ( ! isset( self::$services[ Verification_Log::class ] ) ) {
			self::$services[ Verification_Log::class ] = new Verification_Log();
		}
		return self::$services[ Verification_Log::class ];
	}

	/**
	 * The catalogue of known runtimes (read once per request).
	 *
	 * @return Runtime_Catalogue
	 */
	public static function catalogue() {
		if ( ! isset( self::$services[ Runtime_Catalogue::class ] ) ) {
			self::$services[ Runtime_Catalogue::class ] = new Runtime_Catalogue();
		}
		return self::$services[ Runtime_Catalogue::class ];
	}

	/**
	 * Who applies DMC's filter in this request.
	 *
	 * @return Filter_Consumer_Probe
	 */
	public static function probe() {
		if ( ! isset( self::$services[ Filter_Consumer_Probe::class ] ) ) {
			self::$services[ Filter_Consumer_Probe::class ] = new Filter_Consumer_Probe();
		}
		return self::$services[ Filter_Consumer_Probe::class ];
	}

	/**
	 * Whether Data Machine Code is there.
	 *
	 * @return DMC_Detector
	 */
	public static function dmc_detector() {
		if ( ! isset( self::$services[ DMC_Detector::class ] ) ) {
			self::$services[ DMC_Detector::class ] = new DMC_Detector( self::probe() );
		}
		return self::$services[ DMC_Detector::class ];
	}

	/**
	 * DMC's filter at the lowest priority: notes the first caller outside this plugin,
	 * then unhooks itself so later calls cost nothing. The plugin's own look at the filter
	 * (the REST routes' Filter_Publisher::effective()) is passed over without a backtrace.
	 *
	 * @param mixed $signatures Value so far, returned untouched.
	 * @return mixed
	 */
	public static function observe_filter_caller( $signatures ) {
		if ( ! self::publisher()->is_applying() && self::probe()->observe() ) {
			remove_filter( Filter_Publisher::HOOK, array( self::class, 'observe_filter_caller' ), PHP_INT_MIN );
		}
		return $signatures;
	}

	/**
	 * `rest_pre_dispatch` for a request that could reach the routes (plugin.php picks them:
	 * this namespace, the index, a batch), so REST requests to other namespaces compile
	 * none of the REST classes. Registering here rather than on `rest_api_init` also covers
	 * internal requests (rest_do_request(), preloading): every dispatch passes here first.
	 *
	 * @param mixed           $result  Response so far (null to continue).
	 * @param \WP_REST_Server $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @param string          $route   Its route, without a trailing slash.
	 * @return mixed
	 */
	public static function before_rest_dispatch( $result, $server, WP_REST_Request $request, $route ) {
		$prefix = '/' . self::REST_NAMESPACE . '/';
		if ( 0 !== strpos( $route . '/', $prefix ) ) {
			// The index or a batch: any route may be asked for.
			self::register_rest_routes();
			return $result;
		}
		$path = (string) substr( $route, strlen( $prefix ) );
		// Only an index or OPTIONS describes routes: anything else needs no route args.
		self::register_rest_routes( $path, '' === $path || 'OPTIONS' === $request->get_method() );
		// The routes read these non-autoloaded options: one query for all instead of one each.
		wp_prime_option_caches( array( Signature_Store::OPTION, Signature_Store::META_OPTION, Verification_Log::OPTION, Verification_Log::WINDOW_OPTION ) );
		return REST_Controller::reject_scalar_json_body( $result, $server, $request );
	}

	/**
	 * Registers the routes a request can reach, each controller's once per request: for a
	 * path below the namespace, those of the controller serving it (the others' classes are
	 * not even loaded); for the namespace index (empty path) and without a path, all.
	 * REST_Controller's hot routes are registered without args unless the response describes
	 * them (REST_Controller::register_routes()), and again with args if a later request does.
	 *
	 * @param string|null $path     Route below the namespace (`runtimes/kimaki`), or null.
	 * @param bool        $describe Whether the response may describe the routes.
	 */
	public static function register_rest_routes( $path = null, $describe = true ) {
		// Class => whether registered with args.
		static $registered = array();
		$controllers       = array(
			REST_Controller::class         => static function () use ( $describe ) {
				( new REST_Controller( self::store(), self::publisher(), new Attribution_Resolver(), self::verification_log(), self::catalogue() ) )->register_routes( $describe );
				return $describe;
			},
			Observations_Controller::class => static function () {
				( new Observations_Controller( self::publisher(), self::verification_log() ) )->register_routes();
				return true;
			},
			DMC_Controller::class          => static function () {
				( new DMC_Controller( self::dmc_detector(), new DMC_Worktree_Records(), self::store(), self::publisher(), new Attribution_Resolver() ) )->register_routes();
				return true;
			},
			Adoption_Controller::class     => static function () {
				( new Adoption_Controller( new Signature_Adopter( self::store(), self::publisher(), new Filter_Inspector() ), self::publisher() ) )->register_routes();
				return true;
			},
			Catalogue_Controller::class    => static function () {
				( new Catalogue_Controller( self::catalogue(), self::store(), self::publisher(), self::verification_log() ) )->register_routes();
				return true;
			},
		);
		if ( null !== $path && '' !== $path ) {
			$serving     = self::controller_serving( $path );
			$controllers = array( $serving => $controllers[ $serving ] );
		}
		foreach ( $controllers as $class => $register ) {
			if ( empty( $registered[ $class ] ) && ( $describe || ! isset( $registered[ $class ] ) ) ) {
				$registered[ $class ] = $register();
			}
		}
	}

	/**
	 * The controller whose routes a path below the namespace can match, by how it starts
	 * (a path no route matches gets a 404 whichever is registered).
	 *
	 * @param string $path Route below the namespace.
	 * @return string Class name.
	 */
	private static function controller_serving( $path ) {
		foreach ( array(
			'attribution/observation' => Observations_Controller::class,
			'attribution/worktrees'   => DMC_Controller::class,
			'attribution/summary'     => DMC_Controller::class,
			'dmc'                     => DMC_Controller::class,
			'foreign-signatures'      => Adoption_Controller::class,
			'catalogue'               => Catalogue_Controller::class,
		) as $start => $class ) {
			if ( 0 === strpos( $path, $start ) ) {
				return $class;
			}
		}
		// Runtimes, order, signatures, the attribution preview and last verification.
		return REST_Controller::class;
	}

	/**
	 * `site_status_tests` (Site Health screen, its dashboard widget and its weekly cron check).
	 *
	 * @param array $tests Tests by type.
	 * @return array
	 */
	public static function add_site_health_test( $tests ) {
		return ( new Site_Health( self::store(), self::publisher(), self::verification_log(), self::dmc_detector() ) )->add_test( $tests );
	}
}
