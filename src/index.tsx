import { createRoot } from '@wordpress/element';
import { RuntimesScreen } from './components/runtimes-screen';
import { FIRST_PAINT_SELECTOR, watchSubmit } from './lib/first-paint';
// Built to build/index.css, which the admin page enqueues.
import './index.scss';

const root = document.getElementById( 'wpca-runtimes-root' );
if ( root ) {
	// The server's first paint stays in place, working, until the app has its data.
	const firstPaint =
		root.querySelector< HTMLElement >( FIRST_PAINT_SELECTOR );
	if ( firstPaint ) {
		watchSubmit( firstPaint );
	}
	const app = document.createElement( 'div' );
	root.append( app );
	createRoot( app ).render( <RuntimesScreen firstPaint={ firstPaint } /> );
}
