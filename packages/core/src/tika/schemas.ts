import { z } from "zod";
import { IsoDate } from "../registry-schemas";

/** The mat's colours (OpenSID's M/K/H): merah = terindikasi, kuning = berisiko, hijau = tidak stunting. */
export const TIKA_BAND_CODES = ["merah", "kuning", "hijau"] as const;
export const TikaBandSchema = z.enum(TIKA_BAND_CODES);

/** A reading off the mat, recorded on the phone (offline) or online; the client id makes a replay a no-op. */
export const TikaReadingInput = z.strictObject({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  measuredOn: IsoDate,
  band: TikaBandSchema,
  /** Who laid the child on the mat (KPM, kader), as they sign; the account that records it is kept too. */
  measuredBy: z.string().trim().min(1).max(120).nullish(),
});
export type TikaReadingInput = z.infer<typeof TikaReadingInput>;

export const TikaReadingViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  measuredOn: z.string(),
  band: TikaBandSchema,
  measuredBy: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type TikaReadingView = z.infer<typeof TikaReadingViewSchema>;

/** What the phone keeps of a reading (pull). */
export const TikaReadingSyncData = TikaReadingViewSchema.omit({ id: true, recordedAt: true }).extend({
  regionCode: z.string(),
});
export type TikaReadingSyncData = z.infer<typeof TikaReadingSyncData>;

/** A tika result: a reading off the mat, or the band a length measurement gives (see `tikaResultOf`). */
export const TikaResultSchema = z.object({
  band: TikaBandSchema,
  on: z.string(),
  source: z.enum(["reading", "length"]),
  /** For a result from a length: the length (cm) and its WHO length-for-age z. */
  lengthCm: z.number().nullable(),
  zlen: z.number().nullable(),
});
export type TikaResult = z.infer<typeof TikaResultSchema>;

export const TikaRuleViewSchema = z.object({ key: z.string(), source: z.string(), confirmed: z.boolean() });

/** A child's tika page: every reading, the band from the latest length, and the one shown. */
export const ChildTikaViewSchema = z.object({
  personId: z.string(),
  /** 0–23 months today: the mat applies. */
  eligible: z.boolean(),
  readings: z.array(TikaReadingViewSchema),
  fromLength: TikaResultSchema.nullable(),
  shown: TikaResultSchema.nullable(),
  /** The mat's marks today (cm): below `redBelowCm` merah, below `yellowBelowCm` kuning. */
  marks: z.object({ redBelowCm: z.number(), yellowBelowCm: z.number() }).nullable(),
  rule: TikaRuleViewSchema,
});
export type ChildTikaView = z.infer<typeof ChildTikaViewSchema>;

export const TikaCountsSchema = z.object({
  /** Children 0–23 months at some time in the period, registered in the area. */
  children: z.number().int(),
  merah: z.number().int(),
  kuning: z.number().int(),
  hijau: z.number().int(),
  /** Children without any result in the period (OpenSID "TD", tidak diukur). */
  notMeasured: z.number().int(),
  /** Of the measured, how many results are a reading off the mat and how many come from a length. */
  fromReading: z.number().int(),
  fromLength: z.number().int(),
});
export type TikaCounts = z.infer<typeof TikaCountsSchema>;

export const TikaCountsViewSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  period: z.string(),
  rule: TikaRuleViewSchema,
  rows: z.array(z.object({ code: z.string(), name: z.string(), counts: TikaCountsSchema })),
  total: TikaCountsSchema,
});
export type TikaCountsView = z.infer<typeof TikaCountsViewSchema>;
