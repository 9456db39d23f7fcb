/**
 * The runtime catalogue on the screen (`GET /catalogue`): loaded with the screen and
 * again after every reload of the runtimes (adding, ordering or removing one changes
 * what it says), and adding a runtime from it in one click (`PUT /runtimes/<id>` with
 * `{"preset": "<id>"}`). One copy for the whole screen: the catalogue panel, the notes
 * on the runtime cards and the order warnings read the same answer (useCatalogueAnswer),
 * so no component in between has to pass it along.
 */
import { useDispatch } from '@wordpress/data';
import {
	useCallback,
	useEffect,
	useRef,
	useState,
	useSyncExternalStore,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';
import { addFromCatalogue, getCatalogue } from '../api/client';
import type { Catalogue, CatalogueRuntime, Runtime } from '../api/types';
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
	/** Why the catalogue could not be loaded, if it could not. */
	loadError: string | undefined;
	isAdding: ( id: string ) => boolean;
	addError: ( id: string ) => string | undefined;
	dismissAddError: ( id: string ) => void;
	/** Resolves to true when the runtime was added (and the screen reloaded). */
	add: ( runtime: CatalogueRuntime ) => Promise< boolean >;
}

/**
 * @param runtimes The screen's runtimes once loaded (null before): a new list means
 *                 something changed, so the catalogue is read again.
 * @param reload   Reloads the screen's runtimes after an add.
 */
export function useCatalogue(
	runtimes: Runtime[] | null,
	reload: () => Promise< void >
): CatalogueScreen {
	const catalogue = useCatalogueAnswer();
	const [ loadError, setLoadError ] = useState< string >();
	const [ adding, setAdding ] = useState< Record< string, boolean > >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	// Only the latest read may publish: an older answer could be stale.
	const latest = useRef( 0 );
	const { createSuccessNotice } = useDispatch( noticesStore );

	useEffect( () => {
		if ( null === runtimes ) {
			return;
		}
		latest.current += 1;
		const ticket = latest.current;
		getCatalogue().then(
			( next ) => {
				if ( ticket === latest.current ) {
					publish( next );
					setLoadError( undefined );
				}
			},
			( error ) => {
				if ( ticket === latest.current ) {
					setLoadError( errorMessage( error ) );
				}
			}
		);
	}, [ runtimes ] );

	const add = useCallback(
		async ( runtime: CatalogueRuntime ) => {
			setAdding( ( busy ) => ( { ...busy, [ runtime.id ]: true } ) );
			setErrors( ( previous ) => without( previous, runtime.id ) );
			try {
				const added = await addFromCatalogue( runtime.id );
				await reload();
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
		[ reload, createSuccessNotice ]
	);

	return {
		catalogue,
		loadError,
		isAdding: ( id ) => true === adding[ id ],
		addError: ( id ) => errors[ id ],
		dismissAddError: ( id ) =>
			setErrors( ( previous ) => without( previous, id ) ),
		add,
	};
}
