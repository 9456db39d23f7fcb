<?php
/**
 * Adopting entries other code adds to DMC's filter (a legacy mu-plugin, typically).
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\DMC;

use WP_Coding_Agents\Runtimes\Rules\Plain_Text;
use WP_Coding_Agents\Runtimes\Rules\Signature_Rules;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The older installers wrote `wp-content/mu-plugins/wp-coding-agents-runtimes.php`, adding
 * signatures through the filter. Adopting such an entry stores it in the registry (same id,
 * same mapping, source `adopted`), so it survives the file's deletion; the file that still
 * declares it is named so the admin can remove it.
 */
class Signature_Adopter {

	/**
	 * Registry.
	 *
	 * @var Signature_Store
	 */
	private Signature_Store $store;

	/**
	 * Filter publisher.
	 *
	 * @var Filter_Publisher
	 */
	private Filter_Publisher $publisher;

	/**
	 * Constructor.
	 *
	 * @param Signature_Store  $store     Registry.
	 * @param Filter_Publisher $publisher Publisher (its inspection of the filter tells who declares what).
	 */
	public function __construct( Signature_Store $store, Filter_Publisher $publisher ) {
		$this->store     = $store;
		$this->publisher = $publisher;
	}

	/**
	 * Every entry DMC sees that other code declares, in filter order (the first
	 * Foreign_Value::MAX_ENTRIES of them).
	 *
	 * @return array[] `{ id, fields, declared_by, status, problem }`; status is `adoptable`, `stored`
	 *                 (stored here with the same mapping), `conflict` (stored here otherwise) or `invalid`.
	 */
	public function candidates(): array {
		$inspection = $this->publisher->inspection();
		$declarers  = $inspection['declarers'];
		$signatures = $inspection['signatures'];
		$candidates = array();
		if ( ! is_array( $signatures ) ) {
			return $candidates;
		}
		foreach ( $signatures as $id => $entry ) {
			if ( count( $candidates ) >= Foreign_Value::MAX_ENTRIES ) {
				break;
			}
			if ( isset( $declarers[ (string) $id ] ) ) {
				$candidates[] = $this->candidate( (string) $id, $entry, $declarers[ (string) $id ] );
			}
		}
		return $candidates;
	}

	/**
	 * Adopts one entry. Idempotent: adopting what is already stored with the same mapping
	 * changes nothing, also once the other code no longer declares it.
	 *
	 * @param string $id Runtime id.
	 * @return array|WP_Error `{ adopted: bool, item, declared_by }` (adopted false: nothing changed).
	 */
	public function adopt( string $id ) {
		$candidate = null;
		foreach ( $this->candidates() as $entry ) {
			if ( $entry['id'] === $id ) {
				$candidate = $entry;
			}
		}
		if ( null === $candidate ) {
			$item = $this->store->get_item( $id );
			if ( null !== $item && $item['registered'] && 'adopted' === $item['source'] ) {
				return array(
					'adopted'     => false,
					'item'        => $item,
					'declared_by' => array(),
				);
			}
			return new WP_Error(
				'wpca_not_foreign',
				/* translators: %s: runtime id. */
				sprintf( __( 'Nothing to adopt: no other code adds a runtime "%s" to the signatures filter.', 'wp-coding-agents-runtimes' ), $id ),
				array( 'status' => 404 )
			);
		}
		if ( 'invalid' === $candidate['status'] ) {
			return Signature_Rules::error( 'wpca_not_adoptable', 'id', $candidate['problem'] );
		}
		$result = $this->store->adopt( $id, $candidate['fields'] );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return array(
			'adopted'     => $result['created'],
			'item'        => $result['item'],
			'declared_by' => $candidate['declared_by'],
		);
	}

	/**
	 * One entry other code declares, checked against the registry and the schema.
	 *
	 * @param string  $id          Runtime id.
	 * @param mixed   $entry       Its value in the filter.
	 * @param array[] $declared_by Its declarers.
	 * @return array
	 */
	private function candidate( string $id, $entry, array $declared_by ): array {
		// Shown as declared, whatever its shape: texts only (Foreign_Value).
		$candidate = array(
			'id'          => Foreign_Value::text( $id ),
			'fields'      => Foreign_Value::display_pairs( $entry ),
			'declared_by' => $declared_by,
			'status'      => 'adoptable',
			'problem'     => null,
		);
		$fields    = Signature_Rules::is_valid_id( $id ) ? Signature_Rules::check_fields( $entry ) : Signature_Rules::invalid_id();
		if ( is_wp_error( $fields ) ) {
			$candidate['status']  = 'invalid';
			$candidate['problem'] = Plain_Text::without_direction_controls(
				sprintf(
					/* translators: 1: runtime id, 2: what is wrong. */
					__( 'Runtime "%1$s" cannot be adopted as it is declared: %2$s', 'wp-coding-agents-runtimes' ),
					$candidate['id'],
					$fields->get_error_message()
				)
			);
			return $candidate;
		}
		$candidate['fields'] = $fields;
		$item                = $this->store->get_item( $id );
		if ( null !== $item && $item['registered'] ) {
			$candidate['status'] = $item['enabled'] && $item['fields'] === $fields ? 'stored' : 'conflict';
		}
		return $candidate;
	}
}
