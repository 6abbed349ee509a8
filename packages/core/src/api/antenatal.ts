import { z } from "zod";
import { CodeParams, RegionSchema } from "./common";
import { endpoint } from "./endpoint";

/**
 * The midwife's list (issue 17, bidan): every woman pregnant today in a region she may read, with where the
 * pregnancy stands (core pregnancy/progress.ts), her ANC and iron-tablet (TTD) records and risk signals.
 * Sorted by the expected date (HPL), soonest first, so the births to prepare for come first.
 */
export const PregnantWomanRowSchema = z.object({
  personId: z.string(),
  pregnancyId: z.string(),
  name: z.string(),
  /** The posyandu, dusun or desa she is registered in, by name. */
  placeName: z.string(),
  ageYears: z.number().int(),
  lmpDate: z.string(),
  eddDate: z.string(),
  gravida: z.number().int(),
  weeks: z.number().int(),
  days: z.number().int(),
  trimester: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Days until the expected date; negative once it has passed. */
  daysToEdd: z.number().int(),
  ancVisits: z.number().int(),
  ancByTrimester: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** ANC visits missing for trimesters already over (0 = on track). */
  ancMissing: z.number().int(),
  lastAncOn: z.string().nullable(),
  /** Months of this pregnancy in which iron tablets were given. */
  ttdMonths: z.number().int(),
  lastTtdOn: z.string().nullable(),
  kek: z.boolean(),
  anaemia: z.boolean(),
  highRisk: z.boolean(),
  highRiskNote: z.string().nullable(),
});
export type PregnantWomanRow = z.infer<typeof PregnantWomanRowSchema>;

/** At most this many rows (a kecamatan of ~30 desa has a few hundred pregnancies at a time). */
export const PREGNANT_LIST_LIMIT = 2000;

export const antenatalApi = {
  pregnantWomen: endpoint({
    method: "GET",
    path: "/api/regions/:code/pregnant-women",
    tag: "registry",
    params: CodeParams,
    response: z.object({
      region: RegionSchema,
      asOf: z.string(),
      women: z.array(PregnantWomanRowSchema),
      truncated: z.boolean(),
    }),
  }),
};
