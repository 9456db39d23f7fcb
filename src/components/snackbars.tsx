import { SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

// The screen's success messages, as in the block editor: fixed at the bottom of the
// viewport, so nothing moves when one appears. Snackbar itself announces each one
// through speak() (@wordpress/a11y).
export function Snackbars() {
	const notices = useSelect(
		( select ) =>
			select( noticesStore )
				.getNotices()
				.filter( ( notice ) => 'snackbar' === notice.type ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	return (
		<SnackbarList
			className="wpca-snackbars"
			notices={ notices }
			onRemove={ removeNotice }
		/>
	);
}
