import {
	Button,
	Card,
	CardBody,
	CardFooter,
	CardHeader,
	Flex,
	FlexItem,
	Notice,
	Spinner,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import type { ReactNode, RefObject } from 'react';
import { __, sprintf } from '@wordpress/i18n';
import type { PutRuntimeBody, Runtime, RuntimeSource } from '../api/types';
import { CatalogueNote } from './catalogue-note';
import { FieldsTable } from './fields-table';
import { RuntimeEditor } from './runtime-editor';
import { siteDateTime } from '../lib/dates';
import type { Outcome } from '../hooks/use-runtimes-screen';

export interface RuntimeCardProps {
	runtime: Runtime;
	/** What the card's controls call the runtime in their accessible names (see lib/runtime-names). */
	name: string;
	/** 1-based precedence among registered runtimes; null when not registered. */
	position: number | null;
	canMoveUp: boolean;
	canMoveDown: boolean;
	/** A change of this runtime is on its way to the server. */
	busy: boolean;
	/** The editor's save is on its way: its inputs wait, read-only. */
	saving: boolean;
	error: string | undefined;
	/** The error is a 412: someone changed the runtime since the screen loaded it. */
	conflict: boolean;
	onDismissError: () => void;
	onReset: () => void;
	onToggle: ( enabled: boolean ) => void;
	onSave: ( body: PutRuntimeBody ) => Promise< Outcome >;
	onRemove: () => void;
	onMove: ( offset: -1 | 1 ) => void;
	/** The card's heading, which takes the focus when a change leaves none of its controls to hold it. */
	headingRef: ( heading: HTMLHeadingElement | null ) => void;
	/** Is attribution working for it: the verdict, shown first (src/components/runtime-verdict.tsx). */
	verdict?: ReactNode;
}

// Who wrote the runtime; an installer's runtime the admin changed says so.
function sourceLabel( runtime: Runtime ): string {
	if ( runtime.declared && runtime.overridden.length > 0 ) {
		return __(
			'Installer, changed by an admin',
			'wp-coding-agents-runtimes'
		);
	}
	const source: RuntimeSource = runtime.source;
	switch ( source ) {
		case 'installer':
			return __( 'Installer', 'wp-coding-agents-runtimes' );
		case 'admin':
			return __( 'Admin screen', 'wp-coding-agents-runtimes' );
		case 'preset':
			return __( 'Preset, not registered', 'wp-coding-agents-runtimes' );
		case 'external':
			return __( 'External (no metadata)', 'wp-coding-agents-runtimes' );
		case 'adopted':
			return __( 'Adopted from other code', 'wp-coding-agents-runtimes' );
	}
	return source;
}

// The "%2$s" of the notices' "label, published" sentences.
function publishedWord( enabled: boolean ): string {
	return enabled
		? __( 'published', 'wp-coding-agents-runtimes' )
		: __( 'not published', 'wp-coding-agents-runtimes' );
}

function UpdatedInfo( { runtime }: { runtime: Runtime } ) {
	if ( null === runtime.updated_at ) {
		return (
			<p className="wpca-card__meta">
				{ runtime.registered
					? __(
							'Never updated through this plugin.',
							'wp-coding-agents-runtimes'
						)
					: __(
							'Not registered: these are the preset defaults.',
							'wp-coding-agents-runtimes'
						) }
			</p>
		);
	}
	const when = siteDateTime( runtime.updated_at );
	return (
		<p className="wpca-card__meta">
			{ runtime.updated_by
				? sprintf(
						/* translators: 1: date and time, 2: user login. */
						__(
							'Updated %1$s by %2$s',
							'wp-coding-agents-runtimes'
						),
						when,
						runtime.updated_by
					)
				: sprintf(
						/* translators: %s: date and time. */
						__( 'Updated %s', 'wp-coding-agents-runtimes' ),
						when
					) }
		</p>
	);
}

// The admin changed what an installer declares: the installer's re-registration keeps
// the admin's values. The card's one fields table marks the rows that differ; this
// notice says what else differs and what each way back does.
function DeclarationNotice( {
	runtime,
	onReset,
}: {
	runtime: Runtime;
	onReset: () => void;
} ) {
	const declared = runtime.declared;
	if ( ! declared ) {
		return null;
	}
	const resetHelpId = `wpca-reset-declared-help-${ runtime.id }`;
	return (
		<Notice
			status="info"
			isDismissible={ false }
			className="wpca-card__declared"
		>
			<p>
				{ __(
					'An admin changed what the installer declares; re-running the installer keeps these changes.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			<ul className="wpca-card__differences">
				{ runtime.overridden.includes( 'label' ) && (
					<li>
						{ sprintf(
							/* translators: 1: label now, 2: label the installer declares. */
							__(
								'Label: now %1$s / installer declares %2$s.',
								'wp-coding-agents-runtimes'
							),
							runtime.label || runtime.id,
							declared.label
						) }
					</li>
				) }
				{ runtime.overridden.includes( 'enabled' ) && (
					<li>
						{ sprintf(
							/* translators: 1, 2: "published" or "not published". */
							__(
								'Publishing: now %1$s / installer declares %2$s.',
								'wp-coding-agents-runtimes'
							),
							publishedWord( runtime.enabled ),
							publishedWord( declared.enabled )
						) }
					</li>
				) }
				{ runtime.overridden.includes( 'fields' ) && (
					<li>
						{ __(
							'Fields: the rows marked “changed” in the table below.',
							'wp-coding-agents-runtimes'
						) }
					</li>
				) }
			</ul>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				onClick={ onReset }
				aria-describedby={ resetHelpId }
			>
				{ __(
					'Reset to what the installer declares',
					'wp-coding-agents-runtimes'
				) }
			</Button>
			<p id={ resetHelpId } className="wpca-card__reset-help">
				{ __(
					'Takes back the installer’s label, publishing and fields; the runtime stays registered in its place.',
					'wp-coding-agents-runtimes'
				) }
			</p>
			{ runtime.preset && (
				<p
					id={ resetDefaultHelpId( runtime.id ) }
					className="wpca-card__reset-help"
				>
					{ __(
						'“Reset to default”, below, forgets the stored mapping and the installer’s declaration with it: the runtime returns to the preset defaults, not registered, until an installer registers it again.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) }
		</Notice>
	);
}

function resetDefaultHelpId( id: string ): string {
	return `wpca-reset-default-help-${ id }`;
}

// A change was refused because someone changed the runtime since the screen loaded it:
// who and when (the server's message), what is stored now, and the draft kept.
function ConflictNotice( {
	runtime,
	message,
	editing,
	onDismiss,
}: {
	runtime: Runtime;
	message: string;
	editing: boolean;
	onDismiss: () => void;
} ) {
	return (
		<Notice
			status="warning"
			onRemove={ onDismiss }
			className="wpca-card__conflict"
		>
			<p>{ message }</p>
			<p>
				{ sprintf(
					/* translators: 1: label, 2: "published" or "not published". */
					__(
						'Stored now: %1$s, %2$s, with these fields:',
						'wp-coding-agents-runtimes'
					),
					runtime.label,
					publishedWord( runtime.enabled )
				) }
			</p>
			<FieldsTable
				label={ sprintf(
					/* translators: %s: runtime id. */
					__(
						'Fields of %s stored now',
						'wp-coding-agents-runtimes'
					),
					runtime.id
				) }
				pairs={ Object.entries( runtime.fields ) }
			/>
			{ editing && (
				<p>
					{ __(
						'Your draft is kept below: save again to replace what is stored now, or cancel.',
						'wp-coding-agents-runtimes'
					) }
				</p>
			) }
		</Notice>
	);
}

// One runtime: its mapping, whether DMC sees it, and the actions on it.
export function RuntimeCard( props: RuntimeCardProps ) {
	const {
		runtime,
		name,
		position,
		canMoveUp,
		canMoveDown,
		busy,
		saving,
		error,
	} = props;
	const [ editing, setEditing ] = useState( false );
	// Removing loses the stored mapping, so it takes a second, explicit click.
	const [ confirmingRemove, setConfirmingRemove ] = useState( false );
	const differs = !! runtime.declared && runtime.overridden.length > 0;
	const removeLabel = runtime.preset
		? __( 'Reset to default', 'wp-coding-agents-runtimes' )
		: __( 'Delete', 'wp-coding-agents-runtimes' );
	// Each repeated control names its runtime; the visible text stays short and
	// starts each name, so "Move up" spoken to voice control still matches.
	const removeName = runtime.preset
		? /* translators: %s: runtime name. */
			__( 'Reset to default: %s', 'wp-coding-agents-runtimes' )
		: /* translators: %s: runtime name. */
			__( 'Delete %s', 'wp-coding-agents-runtimes' );
	const confirmName = runtime.preset
		? /* translators: %s: runtime name. */
			__( 'Confirm: Reset to default: %s', 'wp-coding-agents-runtimes' )
		: /* translators: %s: runtime name. */
			__( 'Confirm: Delete %s', 'wp-coding-agents-runtimes' );

	// Reordering moves the card's DOM node, which loses focus: give it back to the
	// move button used, or to the other one once the card cannot go further.
	const moveUpRef = useRef< HTMLButtonElement >( null );
	const moveDownRef = useRef< HTMLButtonElement >( null );
	const [ movedBy, setMovedBy ] = useState< -1 | 1 | null >( null );
	// Closing the editor or the remove confirmation unmounts the control used:
	// focus goes to the button that opened it, once it is rendered again; opening the
	// confirmation gives it to "Keep it", the choice that loses nothing.
	const editRef = useRef< HTMLButtonElement >( null );
	const removeRef = useRef< HTMLButtonElement >( null );
	const keepRef = useRef< HTMLButtonElement >( null );
	const [ refocus, setRefocus ] =
		useState< RefObject< HTMLButtonElement > | null >( null );
	useEffect( () => {
		if ( refocus ) {
			refocus.current?.focus();
			setRefocus( null );
		}
	}, [ refocus ] );
	useEffect( () => {
		if ( null === movedBy ) {
			return;
		}
		const canRepeat = -1 === movedBy ? canMoveUp : canMoveDown;
		const useUp = ( -1 === movedBy ) === canRepeat;
		( useUp ? moveUpRef : moveDownRef ).current?.focus();
		setMovedBy( null );
	}, [ movedBy, position, canMoveUp, canMoveDown ] );
	// The card moves at once (the server confirms it later): so does the focus.
	const move = ( offset: -1 | 1 ) => {
		props.onMove( offset );
		setMovedBy( offset );
	};
	const keep = () => {
		setConfirmingRemove( false );
		setRefocus( removeRef );
	};

	return (
		<Card
			className="wpca-card"
			role="region"
			aria-label={ sprintf(
				/* translators: %s: runtime id. */
				__( 'Runtime %s', 'wp-coding-agents-runtimes' ),
				runtime.id
			) }
		>
			<CardHeader>
				<Flex align="center" wrap>
					<FlexItem>
						<h3
							className="wpca-card__title"
							ref={ props.headingRef }
							tabIndex={ -1 }
						>
							{ null !== position && (
								<span className="wpca-card__position">
									{ position }.
								</span>
							) }
							{ runtime.label || runtime.id }{ ' ' }
							<code>{ runtime.id }</code>
						</h3>
					</FlexItem>
					<FlexItem>
						<span
							className={ `wpca-badge wpca-badge--${
								runtime.declared &&
								runtime.overridden.length > 0
									? 'installer'
									: runtime.source
							}` }
						>
							{ sourceLabel( runtime ) }
						</span>
						{ busy && <Spinner /> }
					</FlexItem>
				</Flex>
			</CardHeader>
			<CardBody>
				{ props.verdict }
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Published to DMC',
						'wp-coding-agents-runtimes'
					) }
					aria-label={ sprintf(
						/* translators: %s: runtime name. */
						__(
							'Published to DMC: %s',
							'wp-coding-agents-runtimes'
						),
						name
					) }
					help={
						runtime.enabled
							? __(
									'DMC reads these variables when it records a worktree or a lock.',
									'wp-coding-agents-runtimes'
								)
							: __(
									'Off: the mapping and its position are kept, DMC does not see it.',
									'wp-coding-agents-runtimes'
								)
					}
					checked={ runtime.enabled }
					// Shows its new state at once; busy until the server stored it.
					// Presses meanwhile are queued, each after the one before.
					aria-busy={ busy || undefined }
					onChange={ ( enabled ) => props.onToggle( enabled ) }
				/>
				<UpdatedInfo runtime={ runtime } />
				<CatalogueNote runtimeId={ runtime.id } />
				{ differs && (
					<DeclarationNotice
						runtime={ runtime }
						onReset={ props.onReset }
					/>
				) }
				{ error && props.conflict && (
					<ConflictNotice
						runtime={ runtime }
						message={ error }
						editing={ editing }
						onDismiss={ props.onDismissError }
					/>
				) }
				{ error && ! props.conflict && (
					<Notice status="error" onRemove={ props.onDismissError }>
						{ error }
					</Notice>
				) }
				{ editing ? (
					<RuntimeEditor
						runtime={ runtime }
						name={ name }
						busy={ saving }
						onSave={ props.onSave }
						onRefusedInput={ props.onDismissError }
						onClose={ () => {
							setEditing( false );
							setRefocus( editRef );
						} }
					/>
				) : (
					<FieldsTable
						label={ sprintf(
							/* translators: %s: runtime id. */
							__( 'Fields of %s', 'wp-coding-agents-runtimes' ),
							runtime.id
						) }
						pairs={ Object.entries( runtime.fields ) }
						declared={
							runtime.declared &&
							runtime.overridden.includes( 'fields' )
								? runtime.declared.fields
								: undefined
						}
					/>
				) }
			</CardBody>
			<CardFooter justify="flex-start" className="wpca-card__actions">
				{ ! editing && (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						ref={ editRef }
						onClick={ () => setEditing( true ) }
						aria-label={ sprintf(
							/* translators: %s: runtime name. */
							__( 'Edit %s', 'wp-coding-agents-runtimes' ),
							name
						) }
					>
						{ __( 'Edit', 'wp-coding-agents-runtimes' ) }
					</Button>
				) }
				{ null !== position && (
					<>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							ref={ moveUpRef }
							onClick={ () => move( -1 ) }
							disabled={ ! canMoveUp }
							accessibleWhenDisabled
							aria-label={ sprintf(
								/* translators: %s: runtime name. */
								__(
									'Move up: %s',
									'wp-coding-agents-runtimes'
								),
								name
							) }
						>
							{ __( 'Move up', 'wp-coding-agents-runtimes' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							ref={ moveDownRef }
							onClick={ () => move( 1 ) }
							disabled={ ! canMoveDown }
							accessibleWhenDisabled
							aria-label={ sprintf(
								/* translators: %s: runtime name. */
								__(
									'Move down: %s',
									'wp-coding-agents-runtimes'
								),
								name
							) }
						>
							{ __( 'Move down', 'wp-coding-agents-runtimes' ) }
						</Button>
					</>
				) }
				{ runtime.registered && ! confirmingRemove && (
					<Button
						__next40pxDefaultSize
						variant="tertiary"
						isDestructive
						ref={ removeRef }
						onClick={ () => {
							setConfirmingRemove( true );
							setRefocus( keepRef );
						} }
						aria-label={ sprintf( removeName, name ) }
						aria-describedby={
							runtime.preset && differs
								? resetDefaultHelpId( runtime.id )
								: undefined
						}
					>
						{ removeLabel }
					</Button>
				) }
				{ runtime.registered && confirmingRemove && (
					// Escape answers the question with "Keep it".
					// eslint-disable-next-line jsx-a11y/no-static-element-interactions
					<div
						className="wpca-card__confirmation"
						onKeyDown={ ( event ) => {
							if ( 'Escape' === event.key ) {
								event.preventDefault();
								keep();
							}
						} }
					>
						<span className="wpca-card__confirm">
							{ runtime.preset
								? __(
										'Forget the stored mapping and return to the preset defaults?',
										'wp-coding-agents-runtimes'
									)
								: __(
										'Delete this runtime?',
										'wp-coding-agents-runtimes'
									) }
						</span>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ () => {
								// The list gives the focus to a neighbour (or to this
								// card's heading when the card stays, as a preset).
								setConfirmingRemove( false );
								props.onRemove();
							} }
							aria-label={ sprintf( confirmName, name ) }
						>
							{ sprintf(
								/* translators: %s: "Delete" or "Reset to default". */
								__(
									'Confirm: %s',
									'wp-coding-agents-runtimes'
								),
								removeLabel
							) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							ref={ keepRef }
							onClick={ keep }
							aria-label={ sprintf(
								/* translators: %s: runtime name. */
								__(
									'Keep it: %s',
									'wp-coding-agents-runtimes'
								),
								name
							) }
						>
							{ __( 'Keep it', 'wp-coding-agents-runtimes' ) }
						</Button>
					</div>
				) }
			</CardFooter>
		</Card>
	);
}
