import { z } from "zod";

/**
 * Survey prevalence of stunting beside the registry's figure. Paser Pasal 6(2): the prevalence targets are
 * judged on survey results — the national nutrition surveys, SSGI (Survei Status Gizi Indonesia, 2019–2022)
 * and SKI (Survei Kesehatan Indonesia, from 2023) — not on the posyandu registry, which weighs the children
 * who come. The regency enters the published figure per year (value, its confidence interval when
 * published, where it was published); the dashboard and the public page show both.
 */
export const SURVEYS = ["ssgi", "ski", "lainnya"] as const;
export type Survey = (typeof SURVEYS)[number];
export const SURVEY_LABELS: Record<Survey, string> = { ssgi: "SSGI", ski: "SKI", lainnya: "Survei lain" };

const pct = z.number().min(0).max(100);

export const SurveyFigureInput = z
  .strictObject({
    regionCode: z.string().min(1).max(40),
    year: z.number().int().min(2000).max(2100),
    survey: z.enum(SURVEYS),
    /** Stunting prevalence in percent (e.g. 21.5). */
    value: pct,
    ciLower: pct.nullish(),
    ciUpper: pct.nullish(),
    /** Where the figure was published (report, table, page). */
    source: z.string().trim().min(3).max(300),
  })
  .refine((f) => (f.ciLower == null) === (f.ciUpper == null), {
    path: ["ciUpper"],
    message: "ciUpper: give both ends of the interval, or neither",
  })
  .refine((f) => f.ciLower == null || f.ciUpper == null || (f.ciLower <= f.value && f.value <= f.ciUpper), {
    path: ["ciLower"],
    message: "ciLower: the interval must contain the value",
  });
export type SurveyFigureInput = z.infer<typeof SurveyFigureInput>;

export const SurveyFigureViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  survey: z.enum(SURVEYS),
  value: z.number(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  source: z.string(),
  enteredAt: z.string(),
  enteredBy: z.string().nullable(),
});
export type SurveyFigureView = z.infer<typeof SurveyFigureViewSchema>;
