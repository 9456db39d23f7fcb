<?php
/**
 * The registry of runtime signatures: what the REST API, the publisher and Site Health use.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Storage;

use WP_Coding_Agents\Runtimes\Rules\Registry_Items;
use WP_Coding_Agents\Runtimes\Rules\Registry_Rules;
use WP_Coding_Agents\Runtimes\Rules\Registry_State;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * A facade over the pieces, each with one job:
 * - Signature_Record reads and writes the stored record (two options) under one lock;
 * - Published_Option_Reader reads what anyone put in DMC's option (problems, repair);
 * - Registry_State turns the stored values into a state and back, Registry_Rules holds
 *   the transitions (precedence, toggles, who changed what, the limits) and
 *   Registry_Items the items and ETags, all pure. Who writes (current_actor()) is found
 *   out here and handed to the rules.
 * Every change is a read-modify-write cycle under the lock on values read fresh from the
 * database, so concurrent requests never lose each other's changes.
 */
class Signature_Store {

	public const OPTION = Signature_Record::OPTION;

	public const META_OPTION = Signature_Record::META_OPTION;

	public const LOCK_OPTION = Signature_Record::LOCK_OPTION;

	/**
	 * The stored record.
	 *
	 * @var Signature_Record
	 */
	private Signature_Record $record;

	/**
	 * The rules.
	 *
	 * @var Registry_Rules
	 */
	private Registry_Rules $rules;

	/**
	 * Reader of DMC's option.
	 *
	 * @var Published_Option_Reader
	 */
	private Published_Option_Reader $reader;

	/**
	 * Constructor.
	 *
	 * @param Option_Lock $lock Lock guarding writes.
	 */
	public function __construct( Option_Lock $lock ) {
		$this->record = new Signature_Record( $lock );
		$this->rules  = new Registry_Rules();
		$this->reader = new Published_Option_Reader();
	}

	/**
	 * All runtimes in precedence order: registered ones (enabled and disabled) as stored,
	 * then the presets that are not registered.
	 *
	 * @return array[] Items (see REST\Runtimes_Controller::get_item_schema()).
	 */
	public function list_items(): array {
		return Registry_Items::items_of( $this->state() );
	}

	/**
	 * One runtime: registered, or an unregistered preset with its defaults.
	 *
	 * @param string $id Runtime id.
	 * @return array|null Item, or null when unknown.
	 */
	public function get_item( string $id ): ?array {
		return Registry_Items::item_in( $this->state(), $id );
	}

	/**
	 * The valid published signatures, in precedence order: what this plugin hands to DMC.
	 *
	 * @return array<string, array<string, string>>
	 */
	public function published_signatures(): array {
		return $this->reader->parse( $this->record->read()['published'] )['valid'];
	}

	/**
	 * What is wrong with the stored published option.
	 *
	 * @return array[] Problems `{ id, subkey?, code, message }`.
	 */
	public function problems(): array {
		return $this->reader->problems( $this->record->read()['published'] );
	}

	/**
	 * Registers or replaces a runtime.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated `fields` (required), `enabled` (default true), `label` (kept when absent).
	 * @param array  $request `{ if_match?: string[], force?: bool }` (see Registry_Rules::put()).
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function put( string $id, array $changes, array $request = array() ) {
		$actor = self::current_actor();
		return $this->change(
			function ( array $state ) use ( $actor, $id, $changes, $request ) {
				return $this->rules->put( $state, $actor, $id, $changes, $request );
			}
		);
	}

	/**
	 * Changes some properties of a runtime; an unregistered preset becomes registered
	 * with its defaults plus the change.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated non-empty subset of `fields`, `enabled`, `label`.
	 * @param array  $request `{ if_match?: string[], force?: bool }`.
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function patch( string $id, array $changes, array $request = array() ) {
		$actor = self::current_actor();
		return $this->change(
			function ( array $state ) use ( $actor, $id, $changes, $request ) {
				return $this->rules->patch( $state, $actor, $id, $changes, $request );
			}
		);
	}

	/**
	 * Drops the admin's changes to a runtime: what its installer declared applies again.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $request `{ if_match?: string[] }`.
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function reset( string $id, array $request = array() ) {
		$actor = self::current_actor();
		return $this->change(
			function ( array $state ) use ( $actor, $id, $request ) {
				return $this->rules->reset( $state, $actor, $id, $request );
			}
		);
	}

	/**
	 * Registers an entry other code adds to the filter, with source `adopted` (Signature_Adopter).
	 *
	 * @param string $id     Valid runtime id.
	 * @param array  $fields Validated fields.
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function adopt( string $id, array $fields ) {
		$actor = self::current_actor();
		return $this->change(
			function ( array $state ) use ( $actor, $id, $fields ) {
				return $this->rules->adopt( $state, $actor, $id, $fields );
			}
		);
	}

	/**
	 * Unregisters a runtime: a preset returns to its unregistered default, anything else disappears.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $request `{ if_match?: string[] }`.
	 * @return array|WP_Error `{ deleted, previous }`.
	 */
	public function delete( string $id, array $request = array() ) {
		return $this->change(
			function ( array $state ) use ( $id, $request ) {
				return $this->rules->delete( $state, $id, $request );
			}
		);
	}

	/**
	 * Sets the precedence order.
	 *
	 * @param string[] $order   Every registered id, each once.
	 * @param array    $request `{ if_match?: string[] }` (against order_etag()).
	 * @return array[]|WP_Error Items, as list_items().
	 */
	public function reorder( array $order, array $request = array() ) {
		return $this->change(
			function ( array $state ) use ( $order, $request ) {
				return $this->rules->reorder( $state, $order, $request );
			}
		);
	}

	/**
	 * ETag of the precedence order as stored now.
	 *
	 * @return string
	 */
	public function order_etag(): string {
		return Registry_Items::order_etag( $this->state() );
	}

	/**
	 * Rewrites the published option keeping only the valid entries and pairs.
	 *
	 * @return true|WP_Error
	 */
	public function repair() {
		return $this->change(
			function ( array $state ) {
				return $this->rules->repair( $state );
			}
		);
	}

	/**
	 * Who is writing: an Application Password means an installer, anything else the admin screen.
	 * Also tells who recorded a verification (Verification_Log).
	 *
	 * @return array{source: string, user: string|null}
	 */
	public static function current_actor(): array {
		$user = wp_get_current_user();
		return array(
			'source' => null !== rest_get_authenticated_app_password() ? 'installer' : 'admin',
			'user'   => $user->exists() ? $user->user_login : null,
		);
	}

	/**
	 * The state of the registry as stored now.
	 *
	 * @return array See Registry_State::from_stored().
	 */
	private function state(): array {
		return $this->state_from( $this->record->read() );
	}

	/**
	 * The state of stored values.
	 *
	 * @param array $stored Signature_Record::read() values.
	 * @return array
	 */
	private function state_from( array $stored ): array {
		return Registry_State::from_stored( $this->reader->parse( $stored['published'] ), $stored['meta'] );
	}

	/**
	 * Runs one of the rules' transitions as a read-modify-write cycle of the record.
	 *
	 * @param callable $transition `( array $state ) => [ next state or null, result ]|WP_Error`.
	 * @return mixed|WP_Error The transition's result.
	 */
	private function change( callable $transition ) {
		return $this->record->transaction(
			function ( array $stored ) use ( $transition ) {
				$outcome = $transition( $this->state_from( $stored ) );
				if ( is_wp_error( $outcome ) ) {
					return $outcome;
				}
				list( $next_state, $result ) = $outcome;
				return array( null === $next_state ? null : Registry_State::to_stored( $next_state ), $result );
			}
		);
	}
}
