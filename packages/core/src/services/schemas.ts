import { z } from "zod";
import { FiguresFreshnessSchema } from "../indicators/views";
import { IsoDate } from "../registry-schemas";
import { ANTIGEN_CODES, RECORDED_SERVICES, SCORE_GROUPS } from "./catalog";
import { CellExplanationSchema, TextSchema } from "./explain";
import { isPeriod } from "./period";
import { SCORE_CELLS } from "./rules";
import { ScorecardTotalsSchema } from "./scorecard";

/**
 * A service given to a target (or, with received = false, recorded as not received / no longer held).
 * Records are appends: a correction is a new record that names the one it supersedes. `id` may be made by
 * the client (UUIDv7, for offline sync): sending the same id again is a no-op.
 */
export const ServiceRecordInput = z
  .strictObject({
    id: z.string().uuid().optional(),
    personId: z.string().uuid(),
    service: z.enum(RECORDED_SERVICES),
    givenOn: IsoDate,
    detail: z.enum(ANTIGEN_CODES).nullish(),
    received: z.boolean().default(true),
    supersedes: z.string().uuid().nullish(),
    note: z.string().trim().max(300).nullish(),
    /** Iron tablets given (TTD only): the scorecard counts ≥ 90 in the pregnancy. */
    quantity: z.number().int().min(1).max(300).nullish(),
  })
  .refine((r) => r.service !== "imunisasi" || r.detail, {
    path: ["detail"],
    message: "detail: the antigen is required for imunisasi",
  });
export type ServiceRecordInput = z.input<typeof ServiceRecordInput>;

export const ScorecardPeriod = z
  .string()
  .refine(isPeriod, "must be a month YYYY-MM, a quarter YYYY-Qn, a semester YYYY-Sn or a year YYYY");

export const ServiceRecordViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  regionCode: z.string(),
  service: z.string(),
  givenOn: z.string(),
  detail: z.string().nullable(),
  received: z.boolean(),
  supersedes: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  quantity: z.number().int().nullable().optional(),
  /** False when a later record supersedes this one, or it was voided. */
  live: z.boolean(),
  /** Voided by mistake, with this reason (kept, out of every figure: issue 17). */
  voidReason: z.string().nullable().optional(),
});
export type ServiceRecordView = z.infer<typeof ServiceRecordViewSchema>;

/** A service record as the offline sync sends it to devices (pull): the view without id, recorder, liveness. */
export const ServiceRecordSyncData = ServiceRecordViewSchema.omit({ id: true, recordedBy: true, live: true });
export type ServiceRecordSyncData = z.infer<typeof ServiceRecordSyncData>;

export const ScorecardRowViewSchema = z.object({
  personId: z.string(),
  name: z.string(),
  regionCode: z.string(),
  desaCode: z.string(),
  group: z.enum(SCORE_GROUPS),
  /** Per indicator code one cell per month of the period (null: not in the group that month). */
  cells: z.record(z.string(), z.array(z.enum(SCORE_CELLS).nullable())),
  y: z.number().int(),
  t: z.number().int(),
  ts: z.number().int(),
  percent: z.number().nullable(),
});
export type ScorecardRowView = z.infer<typeof ScorecardRowViewSchema>;

export const ScorecardAreaViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  totals: ScorecardTotalsSchema,
});
export type ScorecardAreaView = z.infer<typeof ScorecardAreaViewSchema>;

export const ScorecardViewSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  period: z.string(),
  months: z.array(z.string()),
  catalog: z.object({ key: z.string(), regulation: z.string(), packages: z.array(z.string()) }),
  totals: ScorecardTotalsSchema,
  /** Per-target rows (desa and below; for larger regions only when asked). */
  rows: z.array(ScorecardRowViewSchema).nullable(),
  /** Per child region totals (kecamatan: its desa; regency: its kecamatan). */
  areas: z.array(ScorecardAreaViewSchema),
  /** Present when served from the stored per-desa figures (regency, kecamatan): how fresh they are. */
  freshness: FiguresFreshnessSchema.optional(),
});
export type ScorecardView = z.infer<typeof ScorecardViewSchema>;

/** One target's cells of one indicator, explained month by month (tap on a scorecard cell). */
export const ScorecardCellViewSchema = z.object({
  personId: z.string(),
  name: z.string(),
  indicator: z.object({
    code: z.string(),
    short: z.string(),
    label: TextSchema,
    group: z.enum(SCORE_GROUPS),
  }),
  months: z.array(CellExplanationSchema),
});
export type ScorecardCellView = z.infer<typeof ScorecardCellViewSchema>;
