// The jobs feature's table as Kysely sees it (see db/schema.ts for the conventions).

export interface JobsTable {
  id: string;
  kind: string;
  /** queued | running | done | failed (core JOB_STATUSES). */
  status: string;
  /** The user who started it; null for the system's own (aggregate rebuilds). */
  created_by: string | null;
  /** The region it works on, so the admin of that region can see it; null for the whole deployment. */
  region_code: string | null;
  input_json: string;
  result_json: string | null;
  /** {status, code, message, field?} of the AppError it failed with. */
  error_json: string | null;
  progress_done: number;
  progress_total: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}
