import { z } from "zod";
import { completedMonths } from "../dates";
import { monthEnd, monthStart } from "../services/period";

/**
 * The posyandu monthly weighing report (SKDN, formats F1/F2 of the posyandu information system), per
 * posyandu and desa, from Tumbuh's own records:
 *   S  balita (0–59 months at the month's end) registered in the area;
 *   K  of them, those with a growth card: a weighing on record up to the month's end (Tumbuh's digital
 *      KMS/Buku KIA — registered without any weighing means no card was started);
 *   D  weighed this month (= N + T + O + B);
 *   N, T, O, B  the letters of the month's last weighing (core growth engine: Buku KIA 2023 p. 54, the
 *      growth line first, then the KBM; O not weighed last month; B first weighing on record);
 *   2T tidak naik twice in a row; BGM below the red line of the KMS (`BGM_WEIGHT_Z`);
 *   K/S, D/S, N/D as percentages (the ratios of the SKDN "balok"; the SPM target of Kepmenkes 1457/2003:
 *      at least 80 % of balita weighed each month and gaining). Formulas from the posyandu report forms in
 *      public use; the Kemenkes original was not found (docs/SKDN.md).
 */
export const SKDN_AGE_MONTHS = 59;

/**
 * The KMS red line ("Bawah Garis Merah"), as a weight-for-age z-score. Not confirmed from the 2021 KMS
 * guide; the KMS of Permenkes 155/2010 drew it at −3 SD of the WHO 2005 standard (BB sangat kurang). Data,
 * so a regency can change it when the guide is read.
 */
export const BGM_WEIGHT_Z = -3;

export interface SkdnChild {
  birthDate: string;
  /** The child's weighings up to the month's end, any order, with the engine's letter for each. */
  weighings: readonly { on: string; letter: "N" | "T" | "O" | "B"; twoT: boolean; weightZ: number | null }[];
}

export const SkdnFiguresSchema = z.object({
  s: z.number().int(),
  k: z.number().int(),
  d: z.number().int(),
  n: z.number().int(),
  t: z.number().int(),
  o: z.number().int(),
  b: z.number().int(),
  twoT: z.number().int(),
  bgm: z.number().int(),
  /** Percentages, null when the denominator is 0. */
  ks: z.number().nullable(),
  ds: z.number().nullable(),
  nd: z.number().nullable(),
});
export type SkdnFigures = z.infer<typeof SkdnFiguresSchema>;

const pct = (a: number, b: number) => (b === 0 ? null : (a / b) * 100);

/** SKDN of a set of children for a month. */
export function skdnOf(children: readonly SkdnChild[], month: string): SkdnFigures {
  const start = monthStart(month);
  const end = monthEnd(month);
  const f = { s: 0, k: 0, d: 0, n: 0, t: 0, o: 0, b: 0, twoT: 0, bgm: 0 };
  for (const c of children) {
    if (c.birthDate > end || completedMonths(c.birthDate, end) > SKDN_AGE_MONTHS) continue;
    f.s++;
    let last: SkdnChild["weighings"][number] | null = null;
    let carded = false;
    for (const w of c.weighings) {
      if (w.on > end) continue;
      carded = true;
      if (w.on >= start && (last === null || w.on >= last.on)) last = w;
    }
    if (carded) f.k++;
    if (last === null) continue;
    f.d++;
    if (last.letter === "N") f.n++;
    else if (last.letter === "T") f.t++;
    else if (last.letter === "O") f.o++;
    else f.b++;
    if (last.twoT) f.twoT++;
    if (last.weightZ !== null && last.weightZ < BGM_WEIGHT_Z) f.bgm++;
  }
  return { ...f, ks: pct(f.k, f.s), ds: pct(f.d, f.s), nd: pct(f.n, f.d) };
}

export function addSkdn(a: SkdnFigures, b: SkdnFigures): SkdnFigures {
  const f = {
    s: a.s + b.s,
    k: a.k + b.k,
    d: a.d + b.d,
    n: a.n + b.n,
    t: a.t + b.t,
    o: a.o + b.o,
    b: a.b + b.b,
    twoT: a.twoT + b.twoT,
    bgm: a.bgm + b.bgm,
  };
  return { ...f, ks: pct(f.k, f.s), ds: pct(f.d, f.s), nd: pct(f.n, f.d) };
}

export const EMPTY_SKDN: SkdnFigures = skdnOf([], "2000-01");

export const SkdnRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  figures: SkdnFiguresSchema,
});
export const SkdnViewSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  month: z.string(),
  /** One row per posyandu of a desa (children registered at the desa itself are its own row), or per desa. */
  rows: z.array(SkdnRowSchema),
  total: SkdnFiguresSchema,
});
export type SkdnView = z.infer<typeof SkdnViewSchema>;
