<?php
/**
 * Variable names that look like credentials: never registered, never answered.
 *
 * @package wp-coding-agents-runtimes
 */

namespace WP_Coding_Agents\Runtimes\Tests;

use WP_Coding_Agents\Runtimes\DMC\Filter_Publisher;
use WP_Coding_Agents\Runtimes\Evidence\Verification_Log;
use WP_Coding_Agents\Runtimes\REST\Preview_Controller;
use WP_Coding_Agents\Runtimes\Rules\Presets;
use WP_Coding_Agents\Runtimes\Rules\Runtime_Catalogue;
use WP_Coding_Agents\Runtimes\Rules\Secret_Names;
use WP_Coding_Agents\Runtimes\Storage\Signature_Store;

/**
 * Failed before (the rule only flagged names): every registration below answered 200 and
 * published the name; the preview answered the credential's value as the primary id.
 */
class SecretNamesTest extends Test_Case {

	/** Names the registry must refuse, from the issue and the cloud providers' documentation. */
	private const SECRETS = array( 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID', 'GOOGLE_APPLICATION_CREDENTIALS', 'AZURE_CLIENT_SECRET', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'DB_PASSWORD', 'PGPASSWORD', 'NPM_TOKEN', 'STRIPE_SECRET', 'SSH_KEY', 'WPCA_APP_PASSWORD', 'WPCA_USER', 'wpca_url', 'DATABASE_URL' );

	/** Session variables of real runtimes: never refused. */
	private const SESSIONS = array( 'KIMAKI_SESSION_ID', 'KIMAKI_THREAD_ID', 'KIMAKI_THREAD_URL', 'OPENCODE_SESSION_ID', 'OPENCODE_RUN_ID', 'CODEX_THREAD_ID', 'CLAUDE_CODE_SESSION_ID', 'GOOSE_SESSION_ID', 'MONKEY_ID', 'KEYBOARD_SESSION', 'PWD' );

	/**
	 * Callback of a neighbour naming a credential.
	 *
	 * @var callable|null
	 */
	private $neighbour;

	protected function tearDown(): void {
		if ( null !== $this->neighbour ) {
			remove_filter( Filter_Publisher::HOOK, $this->neighbour, 20 );
		}
		parent::tearDown();
	}

	public function test_a_name_that_looks_like_a_credential_cannot_be_registered_and_the_error_names_the_field() {
		$this->register_presets();
		$before = $this->stored();
		foreach ( self::SECRETS as $name ) {
			foreach ( array( 'PUT', 'PATCH' ) as $method ) {
				list( $status, $data ) = $this->call( $method, '/runtimes/ci-bot', array( 'fields' => array( 'session_id' => $name ) ) );
				$this->assertSame( 400, $status, "$method $name" );
				$this->assertSame( 'wpca_secret_env_name', $data['code'], "$method $name" );
				$this->assertSame( array( 'fields' ), array_keys( $data['data']['params'] ) );
				$this->assertStringContainsString( "fields[session_id]: $name looks like a credential", $data['message'] );
			}
		}
		$this->assertSame( $before, $this->stored() );
	}

	public function test_session_variables_of_real_runtimes_and_every_catalogue_preset_are_not_credentials() {
		foreach ( self::SESSIONS as $name ) {
			$this->assertFalse( Secret_Names::is_secret_like( $name ), $name );
		}
		$catalogue = ( new Runtime_Catalogue() )->read()['entries'];
		$this->assertNotEmpty( $catalogue );
		foreach ( $catalogue as $entry ) {
			foreach ( $entry['fields'] as $name ) {
				$this->assertFalse( Secret_Names::is_secret_like( $name ), $name );
			}
		}
		foreach ( array( 'kimaki', 'opencode' ) as $id ) {
			list( $status ) = $this->call( 'PUT', "/runtimes/$id", array( 'fields' => Presets::get( $id )['fields'] ) );
			$this->assertSame( 201, $status );
		}
	}

	public function test_a_catalogue_entry_of_other_code_naming_a_credential_is_rejected() {
		$filter = static function ( $catalogue ) {
			$catalogue['ci-bot'] = array(
				'label'  => 'CI bot',
				'fields' => array( 'session_id' => 'GITHUB_TOKEN' ),
			);
			return $catalogue;
		};
		add_filter( 'wpca_runtime_catalogue', $filter );
		try {
			list( $status, $data ) = $this->call( 'GET', '/catalogue' );
			list( $put_status )    = $this->call( 'PUT', '/runtimes/ci-bot', array( 'preset' => 'ci-bot' ) );
		} finally {
			remove_filter( 'wpca_runtime_catalogue', $filter );
		}
		$this->assertSame( 200, $status );
		$this->assertNotContains( 'ci-bot', array_column( $data['runtimes'], 'id' ) );
		$rejected = array_column( $data['rejected'], 'message', 'id' );
		$this->assertStringContainsString( 'looks like a credential', $rejected['ci-bot'] );
		$this->assertSame( 400, $put_status );
		$this->assertNull( $this->stored() );
	}

	public function test_the_preview_never_answers_a_credential_named_by_other_code_and_keeps_no_hash_of_it() {
		$this->neighbour = static function ( $signatures ) {
			$signatures['ci-bot'] = array(
				'session_id' => 'GITHUB_TOKEN',
				'run_id'     => 'CI_RUN_ID',
			);
			return $signatures;
		};
		add_filter( Filter_Publisher::HOOK, $this->neighbour, 20 );
		$secret = 'ghp_0123456789abcdefSECRET';
		$env    = array(
			'GITHUB_TOKEN' => $secret,
			'CI_RUN_ID'    => 'run-7',
		);

		list( $status, $data ) = $this->call(
			'POST',
			'/attribution/preview',
			array(
				'env'    => $env,
				'record' => true,
			)
		);

		$this->assertSame( 200, $status );
		$this->assertStringNotContainsString( $secret, wp_json_encode( $data ) );
		$this->assertSame( Preview_Controller::WITHHELD, $data['origin_session']['primary_id'] );
		$this->assertSame(
			array(
				'session_id' => Preview_Controller::WITHHELD,
				'run_id'     => 'run-7',
			),
			$data['origin_session']['ids']['ci-bot']
		);
		$this->assertSame( Preview_Controller::WITHHELD, $data['lock_owner']['runtime_ids']['ci-bot']['session_id'] );
		$this->assertSame( array( 'GITHUB_TOKEN' ), $data['withheld'] );
		$this->assertSame(
			array(
				'runtime'  => 'ci-bot',
				'subkey'   => 'session_id',
				'variable' => 'GITHUB_TOKEN',
			),
			$data['primary_source']
		);
		// Measured on the real value: DMC would store 26 characters.
		$this->assertSame( strlen( $secret ), $data['inventory']['length'] );

		$observation = $this->stored( Verification_Log::OPTION );
		$this->assertSame( array( 'CI_RUN_ID' ), array_keys( end( $observation )['hashes'] ) );
		$this->assertStringNotContainsString( Verification_Log::value_hash( $secret ), wp_json_encode( $observation ) );
		$this->assertNull( $this->stored( Signature_Store::OPTION ) );
	}

	public function test_signatures_name_the_credential_variables_for_verify() {
		$this->neighbour = static function ( $signatures ) {
			$signatures['ci-bot'] = array( 'session_id' => 'AWS_SECRET_ACCESS_KEY' );
			return $signatures;
		};
		add_filter( Filter_Publisher::HOOK, $this->neighbour, 20 );
		list( $status, $data ) = $this->call( 'GET', '/signatures' );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'AWS_SECRET_ACCESS_KEY' ), $data['secret_variables'] );
	}
}
