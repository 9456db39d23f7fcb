<?php
/**
 * Storage of runtime signatures and their metadata.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes two options:
 * - `datamachine_code_worktree_runtime_signatures` holds only the published (enabled)
 *   signatures in DMC's shape `id => [ subkey => ENV ]`, in precedence order;
 * - `wpca_runtime_meta` holds everything else: the full order (disabled runtimes
 *   included), labels, enabled flags, the fields of disabled runtimes and who changed
 *   what when.
 * The published option is the truth for enabled runtimes; a valid entry found there
 * without metadata is reported with source `external`. Both are read and written
 * under one lock, so concurrent requests never lose each other's changes.
 */
class Signature_Store {

	const OPTION = 'datamachine_code_worktree_runtime_signatures';

	const META_OPTION = 'wpca_runtime_meta';

	const LOCK_OPTION = 'wpca_runtimes_lock';

	const META_VERSION = 1;

	/**
	 * Lock guarding read-modify-write cycles.
	 *
	 * @var Option_Lock
	 */
	private $lock;

	/**
	 * The last stored published value and its parse, reused while the value is unchanged.
	 *
	 * @var array{stored: mixed, parsed: array}|null
	 */
	private $published_memo = null;

	/**
	 * Constructor.
	 *
	 * @param Option_Lock $lock Lock guarding writes.
	 */
	public function __construct( Option_Lock $lock ) {
		$this->lock = $lock;
	}

	/**
	 * All runtimes in precedence order: registered ones (enabled and disabled) as stored,
	 * then the presets that are not registered.
	 *
	 * @return array[] Items (see Schema::get_item_schema()).
	 */
	public function list_items() {
		return $this->items_of( $this->load_state() );
	}

	/**
	 * One runtime: registered, or an unregistered preset with its defaults.
	 *
	 * @param string $id Runtime id.
	 * @return array|null Item, or null when unknown.
	 */
	public function get_item( $id ) {
		$state = $this->load_state();
		return $this->item_in( $state, $id );
	}

	/**
	 * The valid published signatures, in precedence order: what this plugin hands to DMC.
	 *
	 * @return array<string, array<string, string>>
	 */
	public function published_signatures() {
		return $this->parsed_published()['valid'];
	}

	/**
	 * What is wrong with the stored published option.
	 *
	 * @return array[] Problems `{ id, subkey?, code, message }`.
	 */
	public function problems() {
		return array_map( array( $this, 'describe_problem' ), $this->parsed_published()['problems'] );
	}

	/**
	 * The stored published option, parsed once per distinct stored value.
	 *
	 * @return array{valid: array, raw: array, invalid: array, problems: array} See parse_published().
	 */
	private function parsed_published() {
		$stored = get_option( self::OPTION, null );
		// DMC may call the filter many times per request; validating every pair each time
		// made the call ~150x a hard-coded callback at 64 runtimes (npm run bench).
		if ( null === $this->published_memo || $this->published_memo['stored'] !== $stored ) {
			$this->published_memo = array(
				'stored' => $stored,
				'parsed' => $this->parse_published( $stored ),
			);
		}
		return $this->published_memo['parsed'];
	}

	/**
	 * Registers or replaces a runtime.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated `fields` (required), `enabled` (default true), `label` (kept when absent).
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function put( $id, array $changes ) {
		$changes += array( 'enabled' => true );
		return $this->write(
			function ( array $state ) use ( $id, $changes ) {
				$created = ! isset( $state['runtimes'][ $id ] );
				if ( $created && count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
					return $this->too_many_runtimes();
				}
				$current = $created ? $this->new_record() : $state['runtimes'][ $id ];
				return $this->apply_change( $state, $id, $current, $changes, $created );
			}
		);
	}

	/**
	 * Changes some properties of a runtime; an unregistered preset becomes registered
	 * with its defaults plus the change.
	 *
	 * @param string $id      Valid runtime id.
	 * @param array  $changes Validated non-empty subset of `fields`, `enabled`, `label`.
	 * @return array|WP_Error `{ item, created }`.
	 */
	public function patch( $id, array $changes ) {
		return $this->write(
			function ( array $state ) use ( $id, $changes ) {
				$created = ! isset( $state['runtimes'][ $id ] );
				if ( $created ) {
					$preset = Presets::get( $id );
					if ( null === $preset ) {
						return self::not_found( $id );
					}
					if ( count( $state['order'] ) >= Schema::MAX_RUNTIMES ) {
						return $this->too_many_runtimes();
					}
					$current           = $this->new_record();
					$current['fields'] = $preset['fields'];
				} else {
					$current = $state['runtimes'][ $id ];
				}
				return $this->apply_change( $state, $id, $current, $changes, $created );
			}
		);
	}

	/**
	 * Unregisters a runtime: a preset returns to its unregistered default, anything else disappears.
	 *
	 * @param string $id Valid runtime id.
	 * @return array|WP_Error `{ deleted, previous }`.
	 */
	public function delete( $id ) {
		return $this->write(
			function ( array $state ) use ( $id ) {
				if ( ! isset( $state['runtimes'][ $id ] ) ) {
					return array(
						null,
						array(
							'deleted'  => false,
							'previous' => null,
						),
					);
				}
				$previous = $this->item_in( $state, $id );
				unset( $state['runtimes'][ $id ] );
				$state['order'] = array_values( array_diff( $state['order'], array( $id ) ) );
				return array(
					$state,
					array(
						'deleted'  => true,
						'previous' => $previous,
					),
				);
			}
		);
	}

	/**
	 * Sets the precedence order.
	 *
	 * @param string[] $order Every registered id, each once.
	 * @return array[]|WP_Error Items, as list_items().
	 */
	public function reorder( array $order ) {
		return $this->write(
			function ( array $state ) use ( $order ) {
				$registered = $state['order'];
				$same_set   = count( $order ) === count( $registered )
					&& count( array_unique( $order ) ) === count( $order )
					&& array() === array_diff( $order, $registered );
				if ( ! $same_set ) {
					return Schema::invalid_order();
				}
				if ( $order === $registered ) {
					return array( null, $this->items_of( $state ) );
				}
				$state['order'] = array_values( $order );
				return array( $state, $this->items_of( $state ) );
			}
		);
	}

	/**
	 * Rewrites the published option keeping only the valid entries and pairs.
	 *
	 * @return true|WP_Error
	 */
	public function repair() {
		return $this->write(
			function ( array $state ) {
				if ( array() === $state['problems'] ) {
					return array( null, true );
				}
				foreach ( $state['runtimes'] as $id => $record ) {
					unset( $state['runtimes'][ $id ]['raw'] );
				}
				$state['invalid'] = array();
				return array( $state, true );
			}
		);
	}

	/**
	 * Who is writing: an Application Password means an installer, anything else the admin screen.
	 * Also tells who recorded a verification (Verification_Log).
	 *
	 * @return array{source: string, user: string|null}
	 */
	public static function current_actor() {
		$user = wp_get_current_user();
		return array(
			'source' => null !== rest_get_authenticated_app_password() ? 'installer' : 'admin',
			'user'   => $user->exists() ? $user->user_login : null,
		);
	}

	/**
	 * Applies validated changes to one runtime, unless they change nothing.
	 *
	 * @param array  $state   Current state.
	 * @param string $id      Runtime id.
	 * @param array  $current Its current record (or a new one).
	 * @param array  $changes Validated changes.
	 * @param bool   $created Whether the runtime is being registered now.
	 * @return array `[ next state or null, { item, created } ]`.
	 */
	private function apply_change( array $state, $id, array $current, array $changes, $created ) {
		$next = $current;
		if ( array_key_exists( 'fields', $changes ) ) {
			$next['fields'] = $changes['fields'];
		}
		if ( array_key_exists( 'enabled', $changes ) ) {
			$next['enabled'] = $changes['enabled'];
		}
		if ( array_key_exists( 'label', $changes ) ) {
			$next['label'] = '' === $changes['label'] ? null : $changes['label'];
		}

		$unchanged = ! $created
			&& $next['fields'] === $current['fields']
			&& $next['enabled'] === $current['enabled']
			&& $next['label'] === $current['label'];
		if ( $unchanged ) {
			return array(
				null,
				array(
					'item'    => $this->item_in( $state, $id ),
					'created' => false,
				),
			);
		}

		if ( $next['fields'] !== $current['fields'] || $next['enabled'] !== $current['enabled'] ) {
			// What gets published changes: the stored entry is rewritten from the validated fields.
			unset( $next['raw'] );
		}
		$actor              = self::current_actor();
		$next['source']     = $actor['source'];
		$next['updated_by'] = $actor['user'];
		$next['updated_at'] = gmdate( 'c' );

		$state['runtimes'][ $id ] = $next;
		if ( $created ) {
			$state['order'] = Presets::place( $id, $state['order'] );
		}
		return array(
			$state,
			array(
				'item'    => $this->item_in( $state, $id ),
				'created' => $created,
			),
		);
	}

	/**
	 * A record for a runtime being registered now.
	 *
	 * @return array
	 */
	private function new_record() {
		return array(
			'fields'     => array(),
			'enabled'    => true,
			'label'      => null,
			'source'     => 'admin',
			'updated_at' => null,
			'updated_by' => null,
		);
	}

	/**
	 * Runs a read-modify-write cycle under the lock, on values read fresh from the database.
	 *
	 * @param callable $change Receives the state; returns `[ next state or null for no write, result ]` or a WP_Error.
	 * @return mixed|WP_Error The result.
	 */
	private function write( callable $change ) {
		return $this->lock->run(
			function () use ( $change ) {
				$this->forget_cached_options();
				$outcome = $change( $this->load_state() );
				if ( is_wp_error( $outcome ) ) {
					return $outcome;
				}
				list( $next_state, $result ) = $outcome;
				if ( null !== $next_state ) {
					$this->save_state( $next_state );
				}
				return $result;
			}
		);
	}

	/**
	 * Drops this request's cached copies so a write starts from what the database holds now.
	 */
	private function forget_cached_options() {
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( self::META_OPTION, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		// Only a foreign writer could have made them autoloaded, but then this is where they are cached.
		wp_cache_delete( 'alloptions', 'options' );
	}

	/**
	 * Merges both options into one state.
	 *
	 * @return array{order: string[], runtimes: array, invalid: array, problems: array}
	 */
	private function load_state() {
		$published = $this->parsed_published();
		$meta      = $this->parse_meta( get_option( self::META_OPTION, array() ) );

		$runtimes = array();
		foreach ( $published['valid'] as $id => $fields ) {
			$record             = isset( $meta[ $id ] ) ? $meta[ $id ] : array(
				'label'      => null,
				'source'     => 'external',
				'updated_at' => null,
				'updated_by' => null,
			);
			$record['fields']   = $fields;
			$record['enabled']  = true;
			$record['raw']      = $published['raw'][ $id ];
			$runtimes[ $id ]    = $record;
		}
		$order = array_keys( $runtimes );

		// Disabled runtimes keep their place: right after the runtime that preceded them.
		$previous = null;
		foreach ( $meta as $id => $record ) {
			$is_disabled = ! isset( $runtimes[ $id ] ) && ! $record['enabled'] && array() !== $record['fields'];
			if ( $is_disabled && count( $order ) < Schema::MAX_RUNTIMES ) {
				$position = null === $previous ? 0 : array_search( $previous, $order, true ) + 1;
				array_splice( $order, $position, 0, array( $id ) );
				$runtimes[ $id ] = $record;
			}
			if ( isset( $runtimes[ $id ] ) ) {
				$previous = $id;
			}
		}

		return array(
			'order'    => $order,
			'runtimes' => $runtimes,
			'invalid'  => $published['invalid'],
			'problems' => $published['problems'],
		);
	}

	/**
	 * Writes both options from a state. Entries of the published option this plugin cannot
	 * read are kept as they are (only repair() drops them), after ours.
	 *
	 * @param array $state State from load_state(), changed.
	 */
	private function save_state( array $state ) {
		$published = array();
		$meta      = array();
		foreach ( $state['order'] as $id ) {
			$record = $state['runtimes'][ $id ];
			if ( $record['enabled'] ) {
				$published[ $id ] = isset( $record['raw'] ) ? $record['raw'] : $record['fields'];
			}
			$meta[ $id ] = array(
				'label'      => $record['label'],
				'enabled'    => $record['enabled'],
				'source'     => $record['source'],
				'updated_at' => $record['updated_at'],
				'updated_by' => $record['updated_by'],
			);
			if ( ! $record['enabled'] ) {
				$meta[ $id ]['fields'] = $record['fields'];
			}
		}
		foreach ( $state['invalid'] as $key => $entry ) {
			if ( ! array_key_exists( $key, $published ) ) {
				$published[ $key ] = $entry;
			}
		}

		$this->store_option( self::OPTION, $published );
		$this->store_option(
			self::META_OPTION,
			array() === $meta ? array() : array(
				'version'  => self::META_VERSION,
				'runtimes' => $meta,
			)
		);
	}

	/**
	 * Writes a non-autoloaded option, or deletes it when empty.
	 *
	 * @param string $name  Option name.
	 * @param array  $value Value.
	 */
	private function store_option( $name, array $value ) {
		if ( array() === $value ) {
			delete_option( $name );
			return;
		}
		update_option( $name, $value, false );
	}

	/**
	 * Splits the published option into valid entries (and their stored form), entries
	 * this plugin cannot use, and problems. Never warns, whatever the stored value.
	 *
	 * @param mixed $stored Raw option value (null when absent).
	 * @return array{valid: array, raw: array, invalid: array, problems: array}
	 */
	private function parse_published( $stored ) {
		$parsed = array(
			'valid'    => array(),
			'raw'      => array(),
			'invalid'  => array(),
			'problems' => array(),
		);
		if ( null === $stored || false === $stored || '' === $stored || array() === $stored ) {
			return $parsed;
		}
		if ( ! is_array( $stored ) ) {
			$parsed['problems'][] = array(
				'id'   => '',
				'code' => 'wpca_invalid_option',
				'type' => gettype( $stored ),
			);
			return $parsed;
		}

		foreach ( $stored as $id => $entry ) {
			$problem = null;
			if ( ! Schema::is_valid_id( $id ) ) {
				$problem = 'wpca_invalid_id';
			} elseif ( ! is_array( $entry ) ) {
				$problem = 'wpca_invalid_entry';
			} elseif ( count( $parsed['valid'] ) >= Schema::MAX_RUNTIMES ) {
				$problem = 'wpca_too_many_runtimes';
			}
			if ( null !== $problem ) {
				$parsed['invalid'][ $id ] = $entry;
				$parsed['problems'][]     = array(
					'id'   => (string) $id,
					'code' => $problem,
				);
				continue;
			}

			$fields = array();
			foreach ( $entry as $subkey => $env_name ) {
				$problem = null;
				if ( ! Schema::is_valid_subkey( $subkey ) ) {
					$problem = 'wpca_invalid_subkey';
				} elseif ( ! Schema::is_valid_env_name( $env_name ) ) {
					$problem = 'wpca_invalid_env_name';
				} elseif ( count( $fields ) >= Schema::MAX_FIELDS ) {
					$problem = 'wpca_too_many_fields';
				}
				if ( null !== $problem ) {
					$parsed['problems'][] = array(
						'id'     => $id,
						'subkey' => (string) $subkey,
						'code'   => $problem,
					);
					continue;
				}
				$fields[ $subkey ] = $env_name;
			}

			if ( array() === $fields ) {
				$parsed['invalid'][ $id ] = $entry;
				$parsed['problems'][]     = array(
					'id'   => $id,
					'code' => 'wpca_empty_entry',
				);
				continue;
			}
			$parsed['valid'][ $id ] = $fields;
			$parsed['raw'][ $id ]   = $entry;
		}
		return $parsed;
	}

	/**
	 * Reads the metadata option defensively: anything unreadable is ignored.
	 *
	 * @param mixed $stored Raw option value.
	 * @return array<string, array> Records in stored order.
	 */
	private function parse_meta( $stored ) {
		$records = array();
		if ( ! is_array( $stored ) || ! isset( $stored['runtimes'] ) || ! is_array( $stored['runtimes'] ) ) {
			return $records;
		}
		foreach ( $stored['runtimes'] as $id => $record ) {
			if ( ! Schema::is_valid_id( $id ) || ! is_array( $record ) ) {
				continue;
			}
			$fields = array();
			if ( isset( $record['fields'] ) && is_array( $record['fields'] ) ) {
				foreach ( $record['fields'] as $subkey => $env_name ) {
					if ( Schema::is_valid_subkey( $subkey ) && Schema::is_valid_env_name( $env_name ) && count( $fields ) < Schema::MAX_FIELDS ) {
						$fields[ $subkey ] = $env_name;
					}
				}
			}
			$label           = isset( $record['label'] ) && is_string( $record['label'] ) && '' !== $record['label'] ? $record['label'] : null;
			$source          = isset( $record['source'] ) && in_array( $record['source'], array( 'installer', 'admin', 'external' ), true ) ? $record['source'] : 'external';
			$records[ $id ] = array(
				'label'      => null !== $label ? mb_substr( $label, 0, Schema::LABEL_MAX_LENGTH ) : null,
				'enabled'    => isset( $record['enabled'] ) && true === $record['enabled'],
				'fields'     => $fields,
				'source'     => $source,
				'updated_at' => isset( $record['updated_at'] ) && is_string( $record['updated_at'] ) ? $record['updated_at'] : null,
				'updated_by' => isset( $record['updated_by'] ) && is_string( $record['updated_by'] ) ? $record['updated_by'] : null,
			);
		}
		return $records;
	}

	/**
	 * Items of a state, in precedence order, then unregistered presets.
	 *
	 * @param array $state State.
	 * @return array[]
	 */
	private function items_of( array $state ) {
		$items = array();
		foreach ( $state['order'] as $id ) {
			$items[] = $this->item_in( $state, $id );
		}
		foreach ( Presets::ids() as $id ) {
			if ( ! isset( $state['runtimes'][ $id ] ) ) {
				$items[] = $this->item_in( $state, $id );
			}
		}
		return $items;
	}

	/**
	 * One item of a state.
	 *
	 * @param array  $state State.
	 * @param string $id    Runtime id.
	 * @return array|null
	 */
	private function item_in( array $state, $id ) {
		$preset = Presets::get( $id );
		if ( ! isset( $state['runtimes'][ $id ] ) ) {
			if ( null === $preset ) {
				return null;
			}
			return array(
				'id'         => $id,
				'label'      => $preset['label'],
				'fields'     => $preset['fields'],
				'enabled'    => false,
				'registered' => false,
				'preset'     => true,
				'source'     => 'preset',
				'updated_at' => null,
				'updated_by' => null,
				'collision'  => false,
			);
		}
		$record = $state['runtimes'][ $id ];
		$label  = $record['label'];
		if ( null === $label ) {
			$label = null !== $preset ? $preset['label'] : $id;
		}
		return array(
			'id'         => $id,
			'label'      => $label,
			'fields'     => $record['fields'],
			'enabled'    => $record['enabled'],
			'registered' => true,
			'preset'     => null !== $preset,
			'source'     => $record['source'],
			'updated_at' => $record['updated_at'],
			'updated_by' => $record['updated_by'],
			'collision'  => false,
		);
	}

	/**
	 * Adds the human-readable message to a problem found by parse_published().
	 *
	 * @param array $problem Problem without message.
	 * @return array `{ id, subkey?, code, message }`.
	 */
	private function describe_problem( array $problem ) {
		$id     = self::shorten( $problem['id'] );
		$subkey = isset( $problem['subkey'] ) ? self::shorten( $problem['subkey'] ) : '';
		switch ( $problem['code'] ) {
			case 'wpca_invalid_option':
				/* translators: %s: PHP type found. */
				$message = sprintf( __( 'The stored signatures are not a map of runtime ids (found a value of type %s); nothing from it is published.', 'wp-coding-agents-runtimes' ), $problem['type'] );
				break;
			case 'wpca_invalid_id':
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime id "%s" is not valid (lowercase letters, digits and single dashes, starting with a letter); the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
				break;
			case 'wpca_invalid_entry':
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime "%s" is not a map of subkeys to environment variable names; the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
				break;
			case 'wpca_too_many_runtimes':
				/* translators: 1: runtime id, 2: maximum number of runtimes. */
				$message = sprintf( __( 'Runtime "%1$s" is beyond the limit of %2$d runtimes; the entry is not published.', 'wp-coding-agents-runtimes' ), $id, Schema::MAX_RUNTIMES );
				break;
			case 'wpca_invalid_subkey':
				/* translators: 1: runtime id, 2: subkey. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" is not valid; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey );
				break;
			case 'wpca_invalid_env_name':
				/* translators: 1: runtime id, 2: subkey. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" does not name a valid environment variable; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey );
				break;
			case 'wpca_too_many_fields':
				/* translators: 1: runtime id, 2: subkey, 3: maximum number of subkeys. */
				$message = sprintf( __( 'Runtime "%1$s": subkey "%2$s" is beyond the limit of %3$d subkeys; the pair is not published.', 'wp-coding-agents-runtimes' ), $id, $subkey, Schema::MAX_FIELDS );
				break;
			default:
				/* translators: %s: runtime id. */
				$message = sprintf( __( 'Runtime "%s" has no valid subkey; the entry is not published.', 'wp-coding-agents-runtimes' ), $id );
		}
		unset( $problem['type'] );
		$problem['message'] = $message;
		return $problem;
	}

	/**
	 * Keeps stored junk quoted in messages short.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	private static function shorten( $text ) {
		return mb_strlen( $text ) > 80 ? mb_substr( $text, 0, 80 ) . '…' : $text;
	}

	/**
	 * The `wpca_too_many_runtimes` error.
	 *
	 * @return WP_Error
	 */
	private function too_many_runtimes() {
		return Schema::error(
			'wpca_too_many_runtimes',
			'id',
			sprintf(
				/* translators: %d: maximum number of runtimes. */
				__( 'Too many runtimes: at most %d can be registered; delete one first.', 'wp-coding-agents-runtimes' ),
				Schema::MAX_RUNTIMES
			)
		);
	}

	/**
	 * The `wpca_runtime_not_found` error.
	 *
	 * @param string $id Runtime id.
	 * @return WP_Error
	 */
	public static function not_found( $id ) {
		return new WP_Error(
			'wpca_runtime_not_found',
			/* translators: %s: runtime id. */
			sprintf( __( 'No runtime "%s" is registered.', 'wp-coding-agents-runtimes' ), $id ),
			array( 'status' => 404 )
		);
	}
}
