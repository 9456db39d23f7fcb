/**
 * Types mirroring the REST contract of `wp-coding-agents/v1` (docs/rest-api.md).
 * Keep them in step with php/class-schema.php: the server is the authority.
 */

/** DMC shape of one runtime: `subkey => ENV_VAR_NAME`, in entry order. */
export type RuntimeFields = Record< string, string >;

/** Who last wrote a runtime: an installer, the admin screen, nobody yet, something outside this plugin, or adopted from a legacy mu-plugin. */
export type RuntimeSource =
	'installer' | 'admin' | 'preset' | 'external' | 'adopted';

export interface Runtime {
	id: string;
	label: string;
	fields: RuntimeFields;
	/** Published to DMC through the filter. */
	enabled: boolean;
	/** Stored, whether enabled or disabled. */
	registered: boolean;
	preset: boolean;
	source: RuntimeSource;
	/** ISO 8601 UTC, null for a never-registered preset. */
	updated_at: string | null;
	updated_by: string | null;
	/** Another plugin adds the same id to the filter, so ours does not take effect. */
	collision: boolean;
}

/** Body of `PUT /runtimes/<id>`. */
export interface PutRuntimeBody {
	fields: RuntimeFields;
	enabled?: boolean;
	label?: string;
}

/** Body of `PATCH /runtimes/<id>`: at least one property. */
export type PatchRuntimeBody = Partial< PutRuntimeBody >;

export interface DeleteResponse {
	deleted: boolean;
	previous: Runtime | null;
}

export interface OrderBody {
	order: string[];
}

export interface SignatureCollision {
	id: string;
	ours: unknown;
	theirs: unknown;
}

export interface SignatureProblem {
	id: string;
	subkey?: string;
	code: string;
	message: string;
}

export interface SignaturesResponse {
	/**
	 * The filter's value exactly as DMC receives it, in filter order. Values are
	 * whatever the filter holds, valid or not (invalid ones are listed in `problems`).
	 */
	signatures: Record< string, unknown >;
	collisions: SignatureCollision[];
	problems: SignatureProblem[];
}

/** `runtime-id => subkey => captured value`. */
export type CapturedIds = Record< string, Record< string, string > >;

export interface OriginSession {
	primary_id: string | null;
	ids: CapturedIds;
}

export interface AttributionPreviewBody {
	env: Record< string, string >;
	/** Also record the result as an observation (names and keyed hashes only). */
	record?: boolean;
	/** With record: the agent process's host name. */
	host?: string;
	/** With record: the runtime the process says it is. */
	runtime?: string;
}

export interface AttributionPreview {
	/** What the worktree records; null when no declared variable had a usable value. */
	origin_session: OriginSession | null;
	lock_owner: { runtime_ids?: CapturedIds };
	declared: string[];
	found: string[];
	missing: string[];
	/** Whether the result was recorded as an observation. */
	recorded: boolean;
}

/** Who recorded a verification: an Application Password (`bin/runtime-signature verify`) or the admin screen. */
export type VerificationSource = 'installer' | 'admin';

/**
 * One `bin/runtime-signature verify` run in an agent process: variable names and
 * keyed hashes of the found values only, never a value.
 */
export interface Observation {
	/** ISO 8601 UTC. */
	observed_at: string;
	recorded_by: string | null;
	source: VerificationSource;
	host: string | null;
	/** The runtime the process said it is (`verify --runtime`). */
	runtime: string | null;
	declared: string[];
	found: string[];
	missing: string[];
	/** Found variable => short keyed hash of its value (equal hashes: same value). */
	hashes: Record< string, string >;
	/** The runtime whose value would become DMC's primary_id; null when none would be recorded. */
	primary_runtime: string | null;
	primary_variable: string | null;
}

/** The report in `GET /attribution/last-verification`: the newest observation. */
export interface LastVerification extends Omit< Observation, 'observed_at' > {
	/** ISO 8601 UTC. */
	recorded_at: string;
	primary_hash: string | null;
}

/** `GET /attribution/last-verification`: always an object; `verification` is null until one is recorded. */
export interface LastVerificationResponse {
	verification: LastVerification | null;
}

/** One declared variable against the kept observations. */
export interface ObservedVariable {
	runtime: string;
	subkey: string;
	name: string;
	last_seen_at: string | null;
	last_seen_host: string | null;
	times_seen: number;
	distinct_values: number;
}

export interface ObservedRuntime {
	id: string;
	last_seen_at: string | null;
	/** Observations exist, but none within the window saw any of its variables. */
	flagged: boolean;
}

/** `GET /attribution/observations`. */
export interface ObservationsResponse {
	/** Newest first, at most 50. */
	observations: Observation[];
	window_days: number;
	variables: ObservedVariable[];
	runtimes: ObservedRuntime[];
}

/** `GET` / `PUT /attribution/observation-settings`. */
export interface ObservationSettings {
	/** 1 to 365. */
	window_days: number;
}

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
