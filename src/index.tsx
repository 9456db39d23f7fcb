import { createRoot } from '@wordpress/element';
import { RuntimesScreen } from './components/runtimes-screen';
// Built to build/index.css, which the admin page enqueues.
import './index.scss';

const root = document.getElementById( 'wpca-runtimes-root' );
if ( root ) {
	createRoot( root ).render( <RuntimesScreen /> );
}
