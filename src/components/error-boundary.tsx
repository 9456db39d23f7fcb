import { Notice } from '@wordpress/components';
import { Component } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

interface ErrorBoundaryProps {
	/** What is shown inside, for the message: "The DMC records panel". */
	name: string;
	children: ReactNode;
}

interface ErrorBoundaryState {
	error: Error | null;
}

/**
 * One panel (or view) of the screen: if rendering it throws — data of a shape nobody
 * expected, say from another plugin — it shows what went wrong instead, with "Try again",
 * and the rest of the screen stays usable.
 */
export class ErrorBoundary extends Component<
	ErrorBoundaryProps,
	ErrorBoundaryState
> {
	state: ErrorBoundaryState = { error: null };

	static getDerivedStateFromError( error: unknown ): ErrorBoundaryState {
		return {
			error:
				error instanceof Error ? error : new Error( String( error ) ),
		};
	}

	render() {
		if ( null === this.state.error ) {
			return this.props.children;
		}
		return (
			<Notice
				className="wpca-error-boundary"
				status="error"
				isDismissible={ false }
				actions={ [
					{
						label: __( 'Try again', 'wp-coding-agents-runtimes' ),
						onClick: () => this.setState( { error: null } ),
					},
				] }
			>
				{ sprintf(
					/* translators: 1: what could not be shown, 2: the error. */
					__(
						'%1$s could not be shown: %2$s. The rest of the screen works.',
						'wp-coding-agents-runtimes'
					),
					this.props.name,
					this.state.error.message
				) }
			</Notice>
		);
	}
}
