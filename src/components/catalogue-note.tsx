import { __ } from '@wordpress/i18n';
import { useCatalogueAnswer } from '../hooks/use-catalogue';

/**
 * On a runtime's card, where the admin decides whether to publish it: what the
 * catalogue says its processes really export (kimaki's variables need a bridge;
 * OPENCODE_RUN_ID identifies a process), and any observation of this site that
 * contradicts it, ahead of the claim; the claims themselves in a disclosure, so the card's
 * verdict and controls stay in the first screenful. Nothing for a runtime the catalogue
 * does not know.
 * The first paint prints the same (php/admin/class-screen-first-paint.php).
 * @param props
 * @param props.runtimeId
 */
export function CatalogueNote( { runtimeId }: { runtimeId: string } ) {
	const catalogue = useCatalogueAnswer();
	const runtime = catalogue?.runtimes.find(
		( entry ) => entry.id === runtimeId
	);
	if ( ! runtime ) {
		return null;
	}
	const contradictions = runtime.variables.filter(
		( variable ) => 'contradicted' === variable.evidence.confidence
	);
	if ( 0 === runtime.notes.length && 0 === contradictions.length ) {
		return null;
	}
	return (
		<div className="wpca-catalogue-note">
			{ contradictions.map( ( variable ) => (
				<p key={ variable.name } className="is-contradicted">
					<strong>
						{ __(
							'Observed here, against upstream:',
							'wp-coding-agents-runtimes'
						) }
					</strong>{ ' ' }
					<code>{ variable.name }</code> { variable.evidence.summary }
				</p>
			) ) }
			{ runtime.notes.length > 0 && (
				<details>
					<summary>
						{ __(
							'What upstream says its variables carry',
							'wp-coding-agents-runtimes'
						) }
					</summary>
					{ runtime.notes.map( ( note ) => (
						<p key={ note }>{ note }</p>
					) ) }
				</details>
			) }
		</div>
	);
}
