/**
 * Types mirroring the REST contract of `wp-coding-agents/v1` (docs/rest-api.md).
 * Keep them in step with php/class-schema.php: the server is the authority.
 */

/** DMC shape of one runtime: `subkey => ENV_VAR_NAME`, in entry order. */
export type RuntimeFields = Record< string, string >;

/** Who last wrote a runtime: an installer, the admin screen, nobody yet, or something outside this plugin. */
export type RuntimeSource = 'installer' | 'admin' | 'preset' | 'external';

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
	/** Also store the result as the last verification (names and the primary id only). */
	record?: boolean;
}

export interface AttributionPreview {
	/** What the worktree records; null when no declared variable had a usable value. */
	origin_session: OriginSession | null;
	lock_owner: { runtime_ids?: CapturedIds };
	declared: string[];
	found: string[];
	missing: string[];
	/** Whether the result was stored as the last verification. */
	recorded: boolean;
}

/** Who recorded a verification: an Application Password (`bin/runtime-signature verify`) or the admin screen. */
export type VerificationSource = 'installer' | 'admin';

/**
 * The report in `GET /attribution/last-verification`: what a real agent process
 * last exposed. Variable names only; `primary_id` is the one value kept.
 */
export interface LastVerification {
	/** ISO 8601 UTC. */
	recorded_at: string;
	recorded_by: string | null;
	source: VerificationSource;
	declared: string[];
	found: string[];
	missing: string[];
	primary_id: string | null;
	/** The runtime whose value became `primary_id`. */
	primary_runtime: string | null;
}

/** `GET /attribution/last-verification`: always an object; `verification` is null until one is recorded. */
export interface LastVerificationResponse {
	verification: LastVerification | null;
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
