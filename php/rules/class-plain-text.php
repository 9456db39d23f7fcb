<?php
/**
 * Text shown to people: no Unicode direction controls.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * Unicode's explicit direction controls make text display as other text (an RTL override
 * shows "kimaki\u{202E}ikamik" reversed; "Trojan Source"). Labels refuse them on input;
 * text stored before, or read from other code, is shown without them.
 */
final class Plain_Text {

	/**
	 * The controls: LRE, RLE, PDF, LRO, RLO (U+202A–202E), LRI, RLI, FSI, PDI (U+2066–2069),
	 * LRM, RLM (U+200E, U+200F) and ALM (U+061C).
	 */
	public const DIRECTION_CONTROLS = '/[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200E}\x{200F}\x{061C}]/u';

	/**
	 * Whether a text holds a direction control.
	 *
	 * @param string $text Text (valid UTF-8).
	 * @return bool
	 */
	public static function has_direction_controls( $text ) {
		return 1 === preg_match( self::DIRECTION_CONTROLS, (string) $text );
	}

	/**
	 * The text without direction controls (and without invalid UTF-8, which the pattern
	 * could not read).
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function without_direction_controls( $text ) {
		$text = wp_check_invalid_utf8( (string) $text, true );
		return (string) preg_replace( self::DIRECTION_CONTROLS, '', $text );
	}

	/**
	 * A label as stored and shown: plain text (tags stripped, sanitize_text_field()) without
	 * direction controls, so a label cannot display as other text ("evil\u{202E}ikamik").
	 *
	 * @param mixed $text Label as sent.
	 * @return string
	 */
	public static function label( $text ) {
		return self::without_direction_controls( sanitize_text_field( (string) $text ) );
	}
}
