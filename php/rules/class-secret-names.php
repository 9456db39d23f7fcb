<?php
/**
 * Which environment variable names look like credentials.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Rules;

defined( 'ABSPATH' ) || exit;

/**
 * DMC stores the value of every variable a signature names in its worktree records, and
 * `bin/runtime-signature verify` sends those values to the site: a signature naming a
 * credential would copy it into the database. This is the one place deciding which names
 * look like one (docs/security.md lists the rule); the REST API refuses to register them,
 * the screen and Site Health flag them wherever other code declares them, the preview
 * withholds their values and `verify` asks the site (GET /signatures, `findings`) which
 * names not to send.
 *
 * A name looks like a credential when, upper-cased and split at underscores:
 * - it starts with `WPCA_` (this plugin's own configuration: URL, user, Application Password);
 * - one of its words is a credential word (TOKEN, SECRET, PASSWORD, KEY, AUTH, …), which
 *   covers `*_TOKEN`, `*_API_KEY`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
 *   `AWS_ACCESS_KEY_ID`, `GOOGLE_APPLICATION_CREDENTIALS`, `AZURE_CLIENT_SECRET`,
 *   `GITHUB_TOKEN`, WordPress's `AUTH_KEY` / `*_SALT`;
 * - one of its words ends with a credential word written without underscore
 *   (`PGPASSWORD`, `GHTOKEN`, `APIKEY`);
 * - it is a connection URL that carries a password (`DATABASE_URL`, `*_CONNECTION_STRING`).
 * No session variable of the known runtimes (`*_SESSION_ID`, `*_THREAD_ID`, `*_RUN_ID`,
 * `*_THREAD_URL`) matches.
 */
final class Secret_Names {

	/** This plugin's own configuration (bin/runtime-signature reads WPCA_URL, WPCA_APP_PASSWORD…). */
	public const OWN_PREFIX = 'WPCA_';

	/** A word of the name (between underscores) that makes it a credential. */
	public const WORDS = array( 'TOKEN', 'TOKENS', 'SECRET', 'SECRETS', 'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PASSPHRASE', 'PWD', 'KEY', 'KEYS', 'APIKEY', 'AUTH', 'AUTHORIZATION', 'BEARER', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'COOKIE', 'COOKIES', 'SALT', 'PAT', 'DSN' );

	/** A word ending with one of these is a credential too (PGPASSWORD, GHTOKEN). */
	public const WORD_ENDINGS = array( 'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PASSPHRASE', 'APIKEY' );

	/** Whole names, or endings after an underscore, that hold a password inside a URL. */
	public const CONNECTION_NAMES = array( 'DATABASE_URL', 'CONNECTION_STRING' );

	/** Names that contain a credential word but are not one: the shell's working directories. */
	public const NOT_SECRET = array( 'PWD', 'OLDPWD' );

	/**
	 * Whether a variable name looks like a credential.
	 *
	 * @param mixed $name Candidate (anything but a string is not a name).
	 * @return bool
	 */
	public static function is_secret_like( $name ) {
		return null !== self::reason( $name );
	}

	/**
	 * What makes a name look like a credential, or null when it does not.
	 *
	 * @param mixed $name Candidate.
	 * @return string|null The matching part, e.g. `WPCA_`, `TOKEN`, `DATABASE_URL`.
	 */
	public static function reason( $name ) {
		if ( ! is_string( $name ) || '' === $name ) {
			return null;
		}
		$upper = strtoupper( $name );
		if ( in_array( $upper, self::NOT_SECRET, true ) ) {
			return null;
		}
		if ( 0 === strpos( $upper, self::OWN_PREFIX ) ) {
			return self::OWN_PREFIX;
		}
		foreach ( self::CONNECTION_NAMES as $connection ) {
			if ( $upper === $connection || substr( $upper, -strlen( $connection ) - 1 ) === '_' . $connection ) {
				return $connection;
			}
		}
		foreach ( explode( '_', $upper ) as $word ) {
			if ( in_array( $word, self::WORDS, true ) ) {
				return $word;
			}
			foreach ( self::WORD_ENDINGS as $ending ) {
				if ( strlen( $word ) > strlen( $ending ) && substr( $word, -strlen( $ending ) ) === $ending ) {
					return $ending;
				}
			}
		}
		return null;
	}
}
