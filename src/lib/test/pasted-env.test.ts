import { looksLikeEnvironment, parseEnvironment } from '../pasted-env';

const DECLARED = [
	'KIMAKI_SESSION_ID',
	'KIMAKI_THREAD_URL',
	'OPENCODE_RUN_ID',
];

describe( 'parseEnvironment', () => {
	it( 'takes the declared variables of an env dump and counts the rest', () => {
		const parsed = parseEnvironment(
			[
				'HOME=/home/agent',
				'PATH=/usr/bin:/bin',
				'KIMAKI_THREAD_URL=https://discord.com/channels/1/2',
				'KIMAKI_SESSION_ID=ses_1',
				'LS_COLORS=rs=0:di=01;34',
				'MOTD=it\'s "raw"',
				'OPENCODE_RUN_ID=run_1',
			].join( '\n' ),
			DECLARED
		);
		expect( [ ...parsed.filled ] ).toEqual( [
			[ 'KIMAKI_SESSION_ID', 'ses_1' ],
			[ 'KIMAKI_THREAD_URL', 'https://discord.com/channels/1/2' ],
			[ 'OPENCODE_RUN_ID', 'run_1' ],
		] );
		expect( parsed.ignored ).toBe( 4 );
	} );

	it( 'reads export lines, export -p and quoted values', () => {
		const parsed = parseEnvironment(
			[
				'export KIMAKI_SESSION_ID="ses 1 \\"quoted\\""',
				"declare -x OPENCODE_RUN_ID='run=1'",
				'export KIMAKI_THREAD_URL=discord.com/channels/1',
				'declare -x OLDPWD',
			].join( '\r\n' ),
			DECLARED
		);
		expect( Object.fromEntries( parsed.filled ) ).toEqual( {
			KIMAKI_SESSION_ID: 'ses 1 "quoted"',
			OPENCODE_RUN_ID: 'run=1',
			KIMAKI_THREAD_URL: 'discord.com/channels/1',
		} );
		expect( parsed.ignored ).toBe( 0 );
	} );

	it( 'reads a quoted value across lines and skips lines that set nothing', () => {
		const parsed = parseEnvironment(
			'# a comment\nexport NOTE="line one\nline two"\nKIMAKI_SESSION_ID=ses_2\n\n',
			DECLARED
		);
		expect( Object.fromEntries( parsed.filled ) ).toEqual( {
			KIMAKI_SESSION_ID: 'ses_2',
		} );
		expect( parsed.ignored ).toBe( 1 );
	} );

	it( 'keeps the last value of a variable set twice', () => {
		expect(
			parseEnvironment(
				'KIMAKI_SESSION_ID=a\nKIMAKI_SESSION_ID=b',
				DECLARED
			).filled.get( 'KIMAKI_SESSION_ID' )
		).toBe( 'b' );
	} );
} );

describe( 'looksLikeEnvironment', () => {
	it( 'tells a pasted environment from one pasted value', () => {
		expect( looksLikeEnvironment( 'ses_123', DECLARED ) ).toBe( false );
		expect(
			looksLikeEnvironment( 'https://example.com/?a=b', DECLARED )
		).toBe( false );
		expect(
			looksLikeEnvironment( 'KIMAKI_SESSION_ID=ses_1', DECLARED )
		).toBe( true );
		expect(
			looksLikeEnvironment( 'HOME=/root\nUSER=root', DECLARED )
		).toBe( true );
	} );
} );
