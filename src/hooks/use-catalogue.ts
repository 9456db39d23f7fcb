/**
 * The runtime catalogue on the screen (`GET /catalogue`, a part of GET /screen, so it
 * comes with the screen and with every write's answer: adding, ordering or removing a
 * runtime changes what it says), and adding a runtime from it in one click
 * (`PUT /runtimes/<id>` with `{"preset": "<id>"}`, answered with the screen). One copy for the whole screen: the catalogue panel, the notes
 * on the runtime cards and the order warnings read the same answer (useCatalogueAnswer),
 * so no component in between has to pass it along.
 */
import { useDispatch } from '@wordpress/data';
import {
	useCallback,
	useEffect,
	useState,
	useSyncExternalStore,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';
import { addFromCatalogue } from '../api/client';
import type { Catalogue, CatalogueRuntime, ScreenResponse } from '../api/types';
import { errorMessage } from '../lib/errors';

/**
 * A map without one key.
 * @param map
 * @param key
 */
function without< T >(
	map: Record< string, T >,
	key: string
): Record< string, T > {
	const rest = { ...map };
	delete rest[ key ];
	return rest;
}

let answer: Catalogue | null = null;
const listeners = new Set< () => void >();

function publish( next: Catalogue ): void {
	answer = next;
	listeners.forEach( ( listener ) => listener() );
}

function subscribe( listener: () => void ): () => void {
	listeners.add( listener );
	return () => listeners.delete( listener );
}

/** The last catalogue the screen loaded, or null before the first. */
export function useCatalogueAnswer(): Catalogue | null {
	return useSyncExternalStore( subscribe, () => answer );
}

export interface CatalogueScreen {
	catalogue: Catalogue | null;
	isAdding: ( id: string ) => boolean;
	addError: ( id: string ) => string | undefined;
	dismissAddError: ( id: string ) => void;
	/** Resolves to true when the runtime was added (and the screen reloaded). */
	add: ( runtime: CatalogueRuntime ) => Promise< boolean >;
}

/**
 * @param current The catalogue as the screen last read it (null before).
 * @param apply   Shows the screen an add brought back.
 */
export function useCatalogue(
	current: Catalogue | null,
	apply: ( screen: ScreenResponse ) => void
): CatalogueScreen {
	const catalogue = useCatalogueAnswer();
	const [ adding, setAdding ] = useState< Record< string, boolean > >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const { createSuccessNotice } = useDispatch( noticesStore );

	useEffect( () => {
		if ( null !== current ) {
			publish( current );
		}
	}, [ current ] );

	const add = useCallback(
		async ( runtime: CatalogueRuntime ) => {
			setAdding( ( busy ) => ( { ...busy, [ runtime.id ]: true } ) );
			setErrors( ( previous ) => without( previous, runtime.id ) );
			try {
				const { body: added, screen } = await addFromCatalogue(
					runtime.id
				);
				if ( screen ) {
					apply( screen );
				}
				const message = added.enabled
					? sprintf(
							/* translators: %s: runtime name. */
							__(
								'%s added: published to DMC.',
								'wp-coding-agents-runtimes'
							),
							added.label
						)
					: sprintf(
							/* translators: %s: runtime name. */
							__(
								'%s added, not published.',
								'wp-coding-agents-runtimes'
							),
							added.label
						);
				createSuccessNotice( message, {
					type: 'snackbar',
					id: `wpca-catalogue-${ runtime.id }`,
				} );
				return true;
			} catch ( error ) {
				setErrors( ( previous ) => ( {
					...previous,
					[ runtime.id ]: errorMessage( error ),
				} ) );
				return false;
			} finally {
				setAdding( ( busy ) => without( busy, runtime.id ) );
			}
		},
		[ apply, createSuccessNotice ]
	);

	return {
		catalogue,
		isAdding: ( id ) => true === adding[ id ],
		addError: ( id ) => errors[ id ],
		dismissAddError: ( id ) =>
			setErrors( ( previous ) => without( previous, id ) ),
		add,
	};
}
