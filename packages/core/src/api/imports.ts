import { z } from "zod";
import { ImportReportSchema } from "../registry-views";
import { FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

/** The e-PPGBM indices compared: BB/U, TB/U (PB/U), BB/TB (BB/PB). */
export const RECONCILED_INDICES = ["bbu", "tbu", "bbtb"] as const;

/**
 * One place where e-PPGBM's own value and Tumbuh's disagree: a z-score more than the tolerance apart, a
 * placeholder (999.99) where a z-score should be, or a status label naming another category.
 */
export const ReconciliationItemSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  posyandu: z.string(),
  indicator: z.enum(RECONCILED_INDICES),
  kind: z.enum(["zscore", "placeholder", "label"]),
  /** e-PPGBM's value as the file gives it. */
  eppgbm: z.string(),
  /** Tumbuh's z-score (2 decimals) or category label (Permenkes 2/2020); null when it has none. */
  tumbuh: z.string().nullable(),
});
export type ReconciliationItem = z.infer<typeof ReconciliationItemSchema>;

export const ReconciliationSchema = z.object({
  /** Rows that carried e-PPGBM's own z-scores or statuses and were compared. */
  compared: z.number().int(),
  /** z-scores further apart than this count as a difference (issue 16: 0.1). */
  tolerance: z.number(),
  counts: z.object({ zscore: z.number().int(), placeholder: z.number().int(), label: z.number().int() }),
  /** The same counts per posyandu as the file names it (with its desa), most differences first. */
  byPosyandu: z.array(
    z.object({
      posyandu: z.string(),
      desa: z.string(),
      rows: z.number().int(),
      zscore: z.number().int(),
      placeholder: z.number().int(),
      label: z.number().int(),
    }),
  ),
  /** The differences, by line; at most `ITEMS_SHOWN`, `truncated` says when more were found. */
  items: z.array(ReconciliationItemSchema),
  truncated: z.boolean(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

export const IMPORT_FORMATS = ["xlsx", "biff", "html", "csv"] as const;

/** What an import answers (the job's result, the CLI's report): the rows' fate and the reconciliation. */
export const ImportResultSchema = ImportReportSchema.extend({
  /** What the file really was, whatever its name said. */
  format: z.enum(IMPORT_FORMATS),
  /** The line of the header row (a title row may sit above it). */
  headerLine: z.number().int().nullable(),
  reconciliation: ReconciliationSchema,
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** Answer of a request that started a background job (202): follow it at GET /api/jobs/:id. */
export const JobAcceptedSchema = z.object({ jobId: z.string() });

export const importsApi = {
  /**
   * An e-PPGBM / SIGIZI export (HTML .xls, BIFF .xls, XLSX or CSV) as the raw request body; the options in
   * the query. The import runs as a background job: the answer is its id, the job's result an ImportResult
   * listing every rejected row with its line, column and reason, and the reconciliation with e-PPGBM's own
   * z-scores and statuses.
   */
  measurements: endpoint({
    method: "POST",
    path: "/api/imports/measurements",
    tag: "registry",
    upload: true,
    status: 202,
    query: z.strictObject({
      fileName: z.string().min(1).max(200),
      dryRun: flag,
      allOrNothing: flag,
    }),
    response: JobAcceptedSchema,
  }),
  /** The reconciliation of a finished import job as CSV (per posyandu, then each difference); audited. */
  reconciliationCsv: endpoint({
    method: "GET",
    path: "/api/imports/jobs/:id/reconciliation.csv",
    tag: "registry",
    kind: "file",
    params: IdParams,
    response: FileDownload,
    summary: "An import's reconciliation with e-PPGBM as CSV",
  }),
  /** The rejected rows and warnings of a finished import job as CSV, each reason in Indonesian; audited. */
  rejectionsCsv: endpoint({
    method: "GET",
    path: "/api/imports/jobs/:id/rejections.csv",
    tag: "registry",
    kind: "file",
    params: IdParams,
    response: FileDownload,
    summary: "An import's rejected rows and warnings as CSV (reasons in Indonesian)",
  }),
};
