import { z } from "zod";
import { IsoDate } from "../registry-schemas";
import { ANTIGEN_CODES, RECORDED_SERVICES, type ScoreGroup } from "./catalog";
import { isPeriod } from "./period";
import type { ScoreCell } from "./rules";
import type { ScorecardTotals } from "./scorecard";

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
  })
  .refine((r) => r.service !== "imunisasi" || r.detail, {
    path: ["detail"],
    message: "detail: the antigen is required for imunisasi",
  });
export type ServiceRecordInput = z.input<typeof ServiceRecordInput>;

export const ScorecardPeriod = z.string().refine(isPeriod, "must be a month YYYY-MM or a quarter YYYY-Qn");

export interface ServiceRecordView {
  id: string;
  personId: string;
  regionCode: string;
  service: string;
  givenOn: string;
  detail: string | null;
  received: boolean;
  supersedes: string | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string | null;
  /** False when a later record supersedes this one. */
  live: boolean;
}

export interface ScorecardRowView {
  personId: string;
  name: string;
  regionCode: string;
  desaCode: string;
  group: ScoreGroup;
  cells: Record<string, (ScoreCell | null)[]>;
  y: number;
  t: number;
  ts: number;
  percent: number | null;
}

export interface ScorecardAreaView {
  code: string;
  name: string;
  totals: ScorecardTotals;
}

export interface ScorecardView {
  regionCode: string;
  regionName: string;
  regionLevel: string;
  period: string;
  months: string[];
  catalog: { key: string; regulation: string; packages: string[] };
  totals: ScorecardTotals;
  /** Per-target rows (desa and below; for larger regions only when asked). */
  rows: ScorecardRowView[] | null;
  /** Per child region totals (kecamatan: its desa; regency: its kecamatan). */
  areas: ScorecardAreaView[];
}
