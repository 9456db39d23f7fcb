import type { Runtime } from '../api/types';

// The ids `PUT /order` expects: exactly the registered runtimes, in list order.
export function registeredOrder( runtimes: Runtime[] ): string[] {
	return runtimes
		.filter( ( runtime ) => runtime.registered )
		.map( ( runtime ) => runtime.id );
}

// The order with `id` moved one place up (-1) or down (+1), or null when it
// cannot move that way (not in the order, or already at that end).
export function moveInOrder(
	order: string[],
	id: string,
	offset: -1 | 1
): string[] | null {
	const from = order.indexOf( id );
	const to = from + offset;
	if ( -1 === from || to < 0 || to >= order.length ) {
		return null;
	}
	const moved = [ ...order ];
	moved[ from ] = order[ to ];
	moved[ to ] = id;
	return moved;
}
