import { Button } from '@wordpress/components';
import type { ReactNode } from 'react';

interface SubmitButtonProps {
	busy: boolean;
	/** Accessible name, when the visible text alone is ambiguous. */
	label?: string;
	children: ReactNode;
}

// The primary button of a form, spinning and disabled while its request runs;
// it keeps the focus meanwhile (aria-disabled, presses and submits ignored).
export function SubmitButton( { busy, label, children }: SubmitButtonProps ) {
	return (
		<Button
			__next40pxDefaultSize
			variant="primary"
			type="submit"
			isBusy={ busy }
			disabled={ busy }
			accessibleWhenDisabled
			aria-label={ label }
		>
			{ children }
		</Button>
	);
}
