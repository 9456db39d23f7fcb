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
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Signature_Adopter;
use WP_Coding_Agents\Runtimes\Evidence\Attribution_Evidence;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\REST\Adoption_Controller;
use WP_Coding_Agents\Runtimes\REST\Attribution_Summary_Controller;
use WP_Coding_Agents\Runtimes\REST\Catalogue_Controller;
use WP_Coding_Agents\Runtimes\REST\Controller;
use WP_Coding_Agents\Runtimes\REST\DMC_Controller;
use WP_Coding_Agents\Runtimes\REST\Foreign_Signatures_Controller;
use WP_Coding_Agents\Runtimes\REST\Last_Verification_Controller;
use WP_Coding_Agents\Runtimes\REST\Observation_Settings_Controller;
use WP_Coding_Agents\Runtimes\REST\Observations_Controller;
use WP_Coding_Agents\Runtimes\REST\Preview_Controller;
use WP_Coding_Agents\Runtimes\REST\Runtimes_Controller;
use WP_Coding_Agents\Runtimes\REST\Screen_Controller;
use WP_Coding_Agents\Runtimes\REST\Signatures_Controller;
use WP_Coding_Agents\Runtimes\REST\Status_Controller;
use WP_Coding_Agents\Runtimes\REST\Worktrees_Controller;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Storage\Option_Lock;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Where the objects are put together. plugin.php hooks these static methods (or closures
 * calling them), so no class is loaded and nothing is built until a hook that needs it runs.
 */
final class Plugin {

	/** The REST namespace of every controller (REST\Controller). */
	public const REST_NAMESPACE = 'wp-coding-agents/v1';

	/**
	 * Shared instances by class name.
	 *
	 * @var object[]
	 */
	private static array $services = array();

	/**
	 * The REST controllers by class name, once built.
	 *
	 * @var Controller[]|null
	 */
	private static ?array $rest_controllers = null;

	/**
	 * The registry.
	 *
	 * @return Signature_Store
	 */
	public static function store(): Signature_Store {
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
	public static function publisher(): Filter_Publisher {
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
	public static function verification_log(): Verification_Log {
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
	public static function catalogue(): Runtime_Catalogue {
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
	public static function probe(): Filter_Consumer_Probe {
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
	public static function dmc_detector(): DMC_Detector {
		if ( ! isset( self::$services[ DMC_Detector::class ] ) ) {
			self::$services[ DMC_Detector::class ] = new DMC_Detector( self::probe() );
		}
		return self::$services[ DMC_Detector::class ];
	}

	/**
	 * What the per-runtime verdicts are judged on (GET /attribution/status, Site Health).
	 *
	 * @return Attribution_Evidence
	 */
	public static function attribution_evidence(): Attribution_Evidence {
		if ( ! isset( self::$services[ Attribution_Evidence::class ] ) ) {
			self::$services[ Attribution_Evidence::class ] = new Attribution_Evidence( self::store(), self::publisher(), self::verification_log(), self::dmc_detector(), new DMC_Worktree_Records() );
		}
		return self::$services[ Attribution_Evidence::class ];
	}

	/**
	 * DMC's filter at the lowest priority: notes the first caller outside this plugin,
	 * then unhooks itself so later calls cost nothing. The plugin's own look at the filter
	 * (Filter_Publisher::effective()) runs the callbacks without applying the filter, so
	 * it never comes here.
	 *
	 * @param mixed $signatures Value so far, returned untouched.
	 * @return mixed
	 */
	public static function observe_filter_caller( $signatures ) {
		if ( self::probe()->observe() ) {
			remove_filter( Filter_Publisher::HOOK, array( self::class, 'observe_filter_caller' ), PHP_INT_MIN );
		}
		return $signatures;
	}

	/**
	 * `rest_api_init`: every controller registers its routes, as core's do; then the
	 * request hooks they share (Controller::add_request_hooks()).
	 */
	public static function register_rest_routes(): void {
		foreach ( self::rest_controllers() as $controller ) {
			$controller->register_routes();
		}
		Controller::add_request_hooks();
	}

	/**
	 * One of the REST controllers (the abilities take their schemas from them).
	 *
	 * @param string $class Controller class.
	 * @return Controller
	 */
	public static function rest_controller( string $class ): Controller {
		return self::rest_controllers()[ $class ];
	}

	/**
	 * The REST controllers of the namespace, built once.
	 *
	 * @return Controller[] By class name.
	 */
	private static function rest_controllers(): array {
		if ( null === self::$rest_controllers ) {
			$resolver = new Attribution_Resolver();
			$records  = new DMC_Worktree_Records();
			$adopter  = new Signature_Adopter( self::store(), self::publisher() );
			$runtimes = new Runtimes_Controller( self::store(), self::publisher(), self::catalogue() );

			self::$rest_controllers = array(
				Runtimes_Controller::class             => $runtimes,
				Signatures_Controller::class           => new Signatures_Controller( self::store(), self::publisher(), $resolver ),
				Preview_Controller::class              => new Preview_Controller( self::publisher(), $resolver, self::verification_log() ),
				Last_Verification_Controller::class    => new Last_Verification_Controller( self::verification_log() ),
				Observations_Controller::class         => new Observations_Controller( self::publisher(), self::verification_log() ),
				Observation_Settings_Controller::class => new Observation_Settings_Controller( self::verification_log() ),
				DMC_Controller::class                  => new DMC_Controller( self::dmc_detector() ),
				Worktrees_Controller::class            => new Worktrees_Controller( $records, self::publisher(), $resolver ),
				Attribution_Summary_Controller::class  => new Attribution_Summary_Controller( $records, self::store(), self::publisher(), $resolver ),
				Status_Controller::class               => new Status_Controller( self::attribution_evidence() ),
				Foreign_Signatures_Controller::class   => new Foreign_Signatures_Controller( $adopter ),
				Adoption_Controller::class             => new Adoption_Controller( $adopter, self::publisher(), $runtimes ),
				Catalogue_Controller::class            => new Catalogue_Controller( self::catalogue(), self::store(), self::publisher(), self::verification_log() ),
				Screen_Controller::class               => new Screen_Controller(),
			);
		}
		return self::$rest_controllers;
	}

	/**
	 * `site_status_tests` (Site Health screen, its dashboard widget and its weekly cron check).
	 *
	 * @param array $tests Tests by type.
	 * @return array
	 */
	public static function add_site_health_test( $tests ): array {
		return ( new Site_Health( self::store(), self::publisher(), self::verification_log(), self::dmc_detector(), self::attribution_evidence() ) )->add_test( $tests );
	}
}
