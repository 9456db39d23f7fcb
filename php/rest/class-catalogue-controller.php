<?php
/**
 * GET /catalogue: the runtimes this site knows, against what it observed (docs/rest-api.md).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\REST;

use WP_Coding_Agents\Runtimes\DMC\Attribution_Resolver;
use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\DMC\Precedence_Warnings;
use WP_Coding_Agents\Runtimes\Evidence\Catalogue_Evidence;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\Rules\Catalogue_Entry;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Read-only, behind the plugin's capability. Each catalogue runtime comes with whether it
 * is registered here, and each variable with the evidence of the observation history; the
 * answer also names what other code tried to add and was dropped, and the precedence
 * orders DMC would get wrong (Precedence_Warnings). Adding a runtime is a write of the
 * runtime itself: `PUT /runtimes/<id>` with `{"preset": "<id>"}` (Runtimes_Controller).
 * Schema `wpca-catalogue`.
 */
class Catalogue_Controller extends Controller {

	/**
	 * Catalogue.
	 *
	 * @var Runtime_Catalogue
	 */
	private Runtime_Catalogue $catalogue;

	/**
	 * Registry.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Publisher (what DMC reads now).
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Observation history.
	 *
	 * @var Verification_Log
	 */
	private Verification_Log $log;

	/**
	 * Constructor.
	 *
	 * @param Runtime_Catalogue $catalogue Catalogue.
	 * @param Signature_Store   $store     Registry.
	 * @param Filter_Publisher  $publisher Publisher.
	 * @param Verification_Log  $log       Observation history.
	 */
	public function __construct( Runtime_Catalogue $catalogue, Signature_Store $store, Filter_Publisher $publisher, Verification_Log $log ) {
		parent::__construct();
		$this->rest_base = 'catalogue';
		$this->catalogue = $catalogue;
		$this->store     = $store;
		$this->publisher = $publisher;
		$this->log       = $log;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->register_route( '/' . $this->rest_base, $this->endpoint( WP_REST_Server::READABLE, 'get_item' ) );
	}

	/**
	 * GET /catalogue.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		return new WP_REST_Response( $this->catalogue_data() );
	}

	/**
	 * The answer of GET /catalogue.
	 *
	 * @return array See get_item_schema().
	 */
	private function catalogue_data(): array {
		$items = array();
		foreach ( $this->store->list_items() as $item ) {
			$items[ $item['id'] ] = $item;
		}
		$catalogue = $this->catalogue->read();
		$runtimes  = array();
		foreach ( ( new Catalogue_Evidence() )->apply( $catalogue['entries'], $this->log->observations() ) as $id => $entry ) {
			$item                  = isset( $items[ $id ] ) && $items[ $id ]['registered'] ? $items[ $id ] : null;
			$entry['registered']   = null !== $item;
			$entry['enabled']      = null !== $item && $item['enabled'];
			$entry['fields_match'] = null === $item || $item['fields'] === $entry['fields'];
			$entry['fields']       = (object) $entry['fields'];
			$runtimes[]            = $entry;
		}
		return array(
			'runtimes'       => $runtimes,
			'rejected'       => $catalogue['rejected'],
			'order_warnings' => ( new Precedence_Warnings() )->of( ( new Attribution_Resolver() )->clean( $this->publisher->effective()['signatures'] ) ),
		);
	}

	/**
	 * JSON schema of GET /catalogue.
	 *
	 * @return array
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$text         = array( 'string', 'null' );
		$declarer     = array(
			'type'       => array( 'object', 'null' ),
			'properties' => array(
				'file'     => array( 'type' => $text ),
				'line'     => array( 'type' => array( 'integer', 'null' ) ),
				'priority' => array( 'type' => 'integer' ),
				'callback' => array( 'type' => 'string' ),
			),
		);
		$variable     = array(
			'type'       => 'object',
			'properties' => array(
				'name'        => self::read_only( __( 'Environment variable name.', 'wp-coding-agents-runtimes' ), 'string' ),
				'subkey'      => self::read_only( __( 'The subkey that publishes it to DMC, or null for a variable the signature does not publish (a marker such as KIMAKI=1).', 'wp-coding-agents-runtimes' ), $text ),
				'identifies'  => self::read_only( __( 'What its value identifies: a session, a thread, a run, a process, a tool call, only which runtime runs (runtime), or unknown.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => Catalogue_Entry::IDENTIFIES ) ),
				'set_by'      => self::read_only( __( 'Who sets it, per upstream: the runtime itself, only a bridge around it, never (declared in its code, never set), or unknown.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => Catalogue_Entry::SET_BY ) ),
				'exported_to' => self::read_only( __( 'Which processes get it, per upstream, or null.', 'wp-coding-agents-runtimes' ), $text ),
				'value'       => self::read_only( __( 'The value a marker variable holds, or null.', 'wp-coding-agents-runtimes' ), $text ),
				'generic'     => self::read_only( __( 'Whether the name is generic: every word of it is one no runtime owns (AGENT_SESSION_ID).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'upstream'    => self::read_only( __( 'Where upstream says so: the project and the release the statement is pinned to (null when not pinned).', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'project' => array( 'type' => $text ),
						'version' => array( 'type' => $text ),
					),
				),
				'note'        => self::read_only( __( 'One sentence about it, or null.', 'wp-coding-agents-runtimes' ), $text ),
				'evidence'    => self::read_only( __( 'What the observation history (bin/runtime-signature verify) shows; never claimed.', 'wp-coding-agents-runtimes' ), 'object' ) + array(
					'properties' => array(
						'confidence'     => self::read_only( __( 'observed (seen here, as upstream says), contradicted (seen although upstream never sets it, or never seen in this runtime\'s own verify runs although upstream says it sets it), not_seen (this runtime\'s verify runs never saw it, which upstream does not contradict) or documented (nothing observed: upstream\'s word only).', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => array( 'observed', 'contradicted', 'not_seen', 'documented' ) ) ),
						'times_seen'     => self::read_only( __( 'Kept observations that found it set.', 'wp-coding-agents-runtimes' ), 'integer' ),
						'last_seen_at'   => self::read_only( __( 'When it was last found set, ISO 8601 UTC, or null.', 'wp-coding-agents-runtimes' ), $text, array( 'format' => 'date-time' ) ),
						'checks'         => self::read_only( __( 'Kept observations from processes that said they were this runtime (verify --runtime) and read it.', 'wp-coding-agents-runtimes' ), 'integer' ),
						'seen_in_checks' => self::read_only( __( 'Of those, how many found it set.', 'wp-coding-agents-runtimes' ), 'integer' ),
						'summary'        => self::read_only( __( 'What was observed, in one sentence in the site\'s language, date and time formats; null when nothing was.', 'wp-coding-agents-runtimes' ), $text ),
					),
				),
			),
		);
		$runtime      = array(
			'type'       => 'object',
			'properties' => array(
				'id'           => self::read_only( __( 'Runtime id: the id it is registered under.', 'wp-coding-agents-runtimes' ), 'string' ),
				'label'        => self::read_only( __( 'Its name.', 'wp-coding-agents-runtimes' ), 'string' ),
				'description'  => self::read_only( __( 'What it is, or null.', 'wp-coding-agents-runtimes' ), $text ),
				'default'      => self::read_only( __( 'Whether it is one of the defaults (kimaki, opencode), listed among the runtimes before anyone registers it.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'origin'       => self::read_only( __( 'built-in, or filter: added by other code through wpca_runtime_catalogue.', 'wp-coding-agents-runtimes' ), 'string', array( 'enum' => array( 'built-in', 'filter' ) ) ),
				'added_by'     => self::read_only( __( 'The callback that added it (filter entries), or null.', 'wp-coding-agents-runtimes' ), $declarer['type'], array( 'properties' => $declarer['properties'] ) ),
				'attributable' => self::read_only( __( 'Whether it exports a variable DMC could record; false for a runtime listed only so nobody goes looking (Gemini CLI).', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'fields'       => self::read_only( __( 'What adding it publishes: subkey => environment variable name, in the order DMC reads them.', 'wp-coding-agents-runtimes' ), 'object', array( 'additionalProperties' => array( 'type' => 'string' ) ) ),
				'notes'        => self::read_only( __( 'Sentences for the person deciding, e.g. which variables need a bridge.', 'wp-coding-agents-runtimes' ), 'array', array( 'items' => array( 'type' => 'string' ) ) ),
				'variables'    => self::read_only( __( 'Every variable it names: its fields\' first, in field order, then markers.', 'wp-coding-agents-runtimes' ), 'array', array( 'items' => $variable ) ),
				'registered'   => self::read_only( __( 'Whether a runtime with this id is registered on this site.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'enabled'      => self::read_only( __( 'Whether it is registered and published to DMC.', 'wp-coding-agents-runtimes' ), 'boolean' ),
				'fields_match' => self::read_only( __( 'False when the registered runtime\'s fields differ from the catalogue\'s (edited, or registered before the catalogue changed); true otherwise.', 'wp-coding-agents-runtimes' ), 'boolean' ),
			),
		);
		$this->schema = self::response_schema(
			'wpca-catalogue',
			array(
				'runtimes'       => self::read_only( __( 'Every known runtime, built-in ones first, whether registered or not.', 'wp-coding-agents-runtimes' ), 'array', array( 'items' => $runtime ) ),
				'rejected'       => self::read_only( __( 'What other code added through wpca_runtime_catalogue and was dropped, with the reason; id null when a callback failed as a whole.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'       => array( 'type' => $text ),
							'code'     => array( 'type' => 'string' ),
							'message'  => array( 'type' => 'string' ),
							'added_by' => $declarer,
						),
					),
				),
				'order_warnings' => self::read_only( __( 'Runtimes whose session id is a generic name placed ahead of runtimes whose session ids have names of their own: DMC takes the first session id it finds in precedence order.', 'wp-coding-agents-runtimes' ), 'array' ) + array(
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'code'     => array( 'type' => 'string' ),
							'runtime'  => array( 'type' => 'string' ),
							'variable' => array( 'type' => 'string' ),
							'ahead_of' => array(
								'type'  => 'array',
								'items' => array( 'type' => 'string' ),
							),
							'message'  => array( 'type' => 'string' ),
						),
					),
				),
			)
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
