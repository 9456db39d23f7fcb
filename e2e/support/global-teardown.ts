import { execFileSync } from 'node:child_process';
import { ROOT } from './site';

/** Stops the test site only when global set-up started it. */
export default function globalTeardown(): void {
	if ( process.env.WPCA_SITE_STARTED_BY_PLAYWRIGHT ) {
		execFileSync( 'node', [ 'scripts/test-site.mjs', 'stop' ], {
			cwd: ROOT,
			stdio: 'inherit',
		} );
	}
}
