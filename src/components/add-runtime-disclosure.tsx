import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * The add form, one click away under the runtimes so the view's first screenful is
 * the runtimes themselves. Opening it moves the focus to its first field; closing it
 * hides it (a draft typed in it is kept) and gives the focus back to the button.
 * @param props
 * @param props.children The form.
 */
export function AddRuntimeDisclosure( { children }: { children: ReactNode } ) {
	const [ open, setOpen ] = useState( false );
	const moved = useRef( false );
	const region = useRef< HTMLDivElement >( null );
	const opener = useRef< HTMLButtonElement >( null );
	useEffect( () => {
		if ( ! moved.current ) {
			return;
		}
		if ( open ) {
			region.current
				?.querySelector< HTMLInputElement >( 'input' )
				?.focus();
		} else {
			opener.current?.focus();
		}
	}, [ open ] );
	const toggle = ( next: boolean ) => {
		moved.current = true;
		setOpen( next );
	};
	return (
		<div className="wpca-add-disclosure">
			{ ! open && (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					ref={ opener }
					aria-expanded={ false }
					aria-controls="wpca-add-form"
					onClick={ () => toggle( true ) }
				>
					{ __(
						'Add a custom runtime',
						'wp-coding-agents-runtimes'
					) }
				</Button>
			) }
			<div id="wpca-add-form" ref={ region } hidden={ ! open }>
				{ children }
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					className="wpca-add-disclosure__close"
					onClick={ () => toggle( false ) }
				>
					{ __( 'Close the form', 'wp-coding-agents-runtimes' ) }
				</Button>
			</div>
		</div>
	);
}
