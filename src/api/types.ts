/**
 * The names the screen uses for the REST contract of `wp-coding-agents/v1`
 * (docs/rest-api.md). Every shape comes from schema.generated.ts, which
 * `npm run generate-types` writes from the schema the server publishes; only
 * what no schema describes (the DELETE answer, WordPress's error shape) is
 * written here.
 */
import type {
	DeclaredByItem,
	PatchRuntimesByIdBody,
	PostAttributionPreviewBody,
	PutOrderBody,
	PutRuntimesByIdBody,
	WpcaAdoption,
	WpcaAttributionPreview,
	WpcaAttributionStatus,
	WpcaAttributionSummary,
	WpcaCatalogue,
	WpcaDmc,
	WpcaWorktree,
	WpcaForeignSignatures,
	WpcaLastVerification,
	WpcaObservations,
	WpcaObservationSettings,
	WpcaRuntime,
	WpcaScreen,
	WpcaSignatures,
} from './schema.generated';

export type Runtime = WpcaRuntime;

/** `GET /screen`, also embedded in a write's answer (`?_embed=wpca:screen`). */
export type ScreenResponse = WpcaScreen;

/** DMC shape of one runtime: `subkey => ENV_VAR_NAME`, in entry order. */
export type RuntimeFields = Runtime[ 'fields' ];

/** Who last wrote a runtime: an installer, the admin screen, nobody yet, something outside this plugin, or adopted from a legacy mu-plugin. */
export type RuntimeSource = Runtime[ 'source' ];

/**
 * Body of `PUT /runtimes/<id>`. The server requires `fields` (`wpca_missing_fields`);
 * its args cannot say so without WordPress answering the missing field with its own,
 * generic error first.
 */
export type PutRuntimeBody = PutRuntimesByIdBody & {
	fields: RuntimeFields;
};

/** Body of `PUT /runtimes/<id>` adding a catalogue runtime: its id as `preset`, no fields. */
export type PresetRuntimeBody = Omit< PutRuntimesByIdBody, 'fields' > & {
	preset: string;
};

/** Body of `PATCH /runtimes/<id>`: at least one property. */
export type PatchRuntimeBody = PatchRuntimesByIdBody;

export interface DeleteResponse {
	deleted: boolean;
	previous: Runtime | null;
}

export type OrderBody = Required< PutOrderBody >;

export type SignaturesResponse = WpcaSignatures;
export type SignatureCollision = SignaturesResponse[ 'collisions' ][ number ];
export type SignatureProblem = SignaturesResponse[ 'problems' ][ number ];
/** One entry of the filter's value as DMC reads it (the pairs it keeps, what it skips). */
export type SignatureEntry = SignaturesResponse[ 'entries' ][ number ];

export type AttributionPreviewBody = PostAttributionPreviewBody;
export type AttributionPreview = WpcaAttributionPreview;
export type OriginSession = NonNullable<
	AttributionPreview[ 'origin_session' ]
>;

/** `runtime-id => subkey => captured value`. */
export type CapturedIds = OriginSession[ 'ids' ];

/** `GET /attribution/last-verification`: always an object; `verification` is null until one is recorded. */
export type LastVerificationResponse = WpcaLastVerification;

/** The report in `GET /attribution/last-verification`: the newest observation. */
export type LastVerification = NonNullable<
	LastVerificationResponse[ 'verification' ]
>;

/** Who recorded a verification: an Application Password (`bin/runtime-signature verify`) or the admin screen. */
export type VerificationSource = LastVerification[ 'source' ];

/** `GET /attribution/observations`. */
export type ObservationsResponse = WpcaObservations;

/**
 * One `bin/runtime-signature verify` run in an agent process: variable names and
 * keyed hashes of the found values only, never a value.
 */
export type Observation = ObservationsResponse[ 'observations' ][ number ];

/** One declared variable against the kept observations. */
export type ObservedVariable = ObservationsResponse[ 'variables' ][ number ];

export type ObservedRuntime = ObservationsResponse[ 'runtimes' ][ number ];

/** `GET` / `PUT /attribution/observation-settings`. */
export type ObservationSettings = WpcaObservationSettings;

/** `GET /foreign-signatures`. */
export type ForeignSignaturesResponse = WpcaForeignSignatures;

/** An entry other code adds to DMC's filter; `stored`: the registry holds the same mapping (e.g. adopted), the file can go. */
export type ForeignSignature = ForeignSignaturesResponse[ 'entries' ][ number ];

/** Where a callback adding an entry to the filter is defined. */
export type FilterDeclarer = DeclaredByItem;

/** `POST /foreign-signatures/<id>/adopt`. */
export type AdoptionResponse = WpcaAdoption;

/** WordPress's REST error shape; validation errors carry `data.params = { field: message }`. */
export interface RestError {
	code: string;
	message: string;
	data?: {
		status?: number;
		params?: Record< string, string >;
		[ key: string ]: unknown;
	};
}

/** `GET /dmc`: whether Data Machine Code is there to consume the signatures. */
export type DmcStatus = WpcaDmc;
export type DmcState = DmcStatus[ 'state' ];

/** One row of `GET /attribution/worktrees`, read back as DMC reads it (null values kept). */
export type RecordedWorktree = WpcaWorktree;

/** `runtime-id => subkey => value`. */
export type RecordedIds = RecordedWorktree[ 'origin_session' ][ 'ids' ];

/** One page of `GET /attribution/worktrees`, with the totals from its headers. */
export interface RecordedWorktreesPage {
	rows: RecordedWorktree[];
	total: number;
	totalPages: number;
	page: number;
}

/** `GET /attribution/summary`. */
export type AttributionSummary = WpcaAttributionSummary;
export type RuntimeAttribution = AttributionSummary[ 'runtimes' ][ number ];

/** DMC's lock metadata budget (8,192 bytes), for a preview or the registry's worst case. */
export type { LockBudget } from './schema.generated';

/** `GET /catalogue`: every runtime this site knows, registered or not (docs/catalogue.md). */
export type Catalogue = WpcaCatalogue;
export type CatalogueRuntime = Catalogue[ 'runtimes' ][ number ];
export type CatalogueVariable = CatalogueRuntime[ 'variables' ][ number ];

/** A runtime whose session id is a generic name, ahead of runtimes with specific ones. */
export type OrderWarning = Catalogue[ 'order_warnings' ][ number ];

/** What other code added through `wpca_runtime_catalogue` and was dropped. */
export type CatalogueRejection = Catalogue[ 'rejected' ][ number ];

/** `GET /attribution/status`: one verdict per runtime. */
export type AttributionStatus = WpcaAttributionStatus;
export type RuntimeStatus = AttributionStatus[ 'runtimes' ][ number ];
/** One link of a verdict's evidence chain. */
export type StatusStep = RuntimeStatus[ 'chain' ][ number ];
