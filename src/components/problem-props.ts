import type { RuntimeDraft } from '../hooks/use-runtime-draft';
import type { FieldRef } from '../lib/validation';

/**
 * Props that show an input's problem: the message as its help (which the input is
 * described by), marked invalid (red, aria-invalid) once the draft says so.
 * @param draft The form's draft.
 * @param field The input.
 * @param hint  Advice shown while there is no problem.
 */
export function problemProps(
	draft: RuntimeDraft,
	field: FieldRef,
	hint?: string
) {
	const problem = draft.problemOf( field );
	return {
		help: problem?.message ?? hint,
		className: problem?.invalid ? 'wpca-input is-invalid' : 'wpca-input',
		'aria-invalid': problem?.invalid ? ( 'true' as const ) : undefined,
		onBlur: () => draft.touch( field ),
	};
}
