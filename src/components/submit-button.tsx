import { Button } from '@wordpress/components';
import type { ReactNode } from 'react';

interface SubmitButtonProps {
	busy: boolean;
	children: ReactNode;
}

// The primary button of a form, spinning and disabled while its request runs.
export function SubmitButton( { busy, children }: SubmitButtonProps ) {
	return (
		<Button
			__next40pxDefaultSize
			variant="primary"
			type="submit"
			isBusy={ busy }
			disabled={ busy }
		>
			{ children }
		</Button>
	);
}
