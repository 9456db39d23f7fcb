import { Card, CardBody, CardHeader } from '@wordpress/components';
import type { ReactNode, RefObject } from 'react';

interface RegionCardProps {
	className: string;
	/** Id of the heading, which gives the region its accessible name. */
	headingId: string;
	heading: string;
	/** To move the focus to the heading (after the control that had it went away). */
	headingRef?: RefObject< HTMLHeadingElement >;
	children: ReactNode;
}

// A panel inside one of the screen's views: a region named by its own heading
// (the view's heading is the h2).
export function RegionCard( {
	className,
	headingId,
	heading,
	headingRef,
	children,
}: RegionCardProps ) {
	return (
		<Card
			className={ className }
			role="region"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h3
					id={ headingId }
					ref={ headingRef }
					tabIndex={ headingRef ? -1 : undefined }
				>
					{ heading }
				</h3>
			</CardHeader>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}

// The one panel of a view: the view's heading names it (src/components/screen-view.tsx).
export function ViewCard( {
	className,
	children,
}: {
	className: string;
	children: ReactNode;
} ) {
	return (
		<Card className={ className }>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}
