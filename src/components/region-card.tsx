import { Card, CardBody, CardHeader } from '@wordpress/components';
import type { ReactNode } from 'react';

interface RegionCardProps {
	className: string;
	/** Id of the heading, which gives the region its accessible name. */
	headingId: string;
	heading: string;
	children: ReactNode;
}

// A panel of the screen: a landmark region named by its own h2.
export function RegionCard( {
	className,
	headingId,
	heading,
	children,
}: RegionCardProps ) {
	return (
		<Card
			className={ className }
			role="region"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId }>{ heading }</h2>
			</CardHeader>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}
