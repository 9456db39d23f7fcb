import type { CatalogueRuntime, CatalogueVariable } from '../../api/types';
import { claimText } from '../catalogue-text';

const evidence: CatalogueVariable[ 'evidence' ] = {
	confidence: 'documented',
	times_seen: 0,
	last_seen_at: null,
	checks: 0,
	seen_in_checks: 0,
	summary: null,
};

function variable(
	changes: Partial< CatalogueVariable > = {}
): CatalogueVariable {
	return {
		name: 'OPENCODE_SESSION_ID',
		subkey: 'session_id',
		identifies: 'session',
		set_by: 'never',
		exported_to: null,
		value: null,
		generic: false,
		upstream: { project: 'opencode', version: null },
		note: null,
		evidence,
		...changes,
	};
}

const opencode = {
	id: 'opencode',
	label: 'OpenCode',
} as CatalogueRuntime;

describe( 'claimText', () => {
	it( 'says who sets a variable per upstream, with the release when pinned', () => {
		expect(
			claimText(
				variable( {
					set_by: 'runtime',
					exported_to: 'the commands its Bash tool runs',
					upstream: { project: 'Claude Code', version: '2.1.132' },
				} ),
				{ ...opencode, label: 'Claude Code' }
			)
		).toBe(
			'Claude Code sets it itself, for the commands its Bash tool runs. (Upstream: Claude Code 2.1.132.)'
		);
		expect(
			claimText(
				variable( {
					set_by: 'bridge',
					upstream: { project: 'kimaki', version: '0.26' },
				} ),
				{ ...opencode, label: 'Kimaki' }
			)
		).toBe(
			'Kimaki does not set it: only a bridge around it can export it. (Upstream: kimaki 0.26.)'
		);
		expect( claimText( variable(), opencode ) ).toBe(
			'Declared in OpenCode’s code but never set. (Upstream: opencode.)'
		);
		expect(
			claimText(
				variable( {
					set_by: 'unknown',
					upstream: { project: null, version: null },
				} ),
				opencode
			)
		).toBe( 'Who sets it is not known.' );
	} );
} );
