import { z } from "zod";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";
import { SERVER_ERROR_CODES } from "./error-codes";

/**
 * Background jobs: heavy work (imports, aggregate rebuilds, documents) runs off the request path in a
 * worker, so one user's 30k-row file never makes another user wait (issue 18). The request that starts
 * one answers 202 with the job; the client follows it here until it is done or failed.
 */
export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobViewSchema = z.object({
  id: z.string(),
  /** What the job does, e.g. "imports.measurements" (the UI names it per kind). */
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Work done so far out of `total` (null while unknown), for a progress bar. */
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The job's answer once done; its shape is the kind's (e.g. an import's ImportResult). */
  result: z.unknown().nullable(),
  /** Why it failed; the code is one the UI translates. */
  error: z
    .object({ code: z.enum(SERVER_ERROR_CODES), message: z.string(), field: z.string().optional() })
    .nullable(),
});
export type JobView = z.infer<typeof JobViewSchema>;

export const jobsApi = {
  view: endpoint({
    method: "GET",
    path: "/api/jobs/:id",
    tag: "jobs",
    params: IdParams,
    response: JobViewSchema,
  }),
  mine: endpoint({
    method: "GET",
    path: "/api/jobs",
    tag: "jobs",
    query: z.strictObject({ kind: z.string().max(60).optional() }),
    response: z.object({ jobs: z.array(JobViewSchema) }),
  }),
};
