/**
 * Tika (tikar) pertumbuhan — the growth mat a KPM or kader lays a child 0–23 months on (PALI 64/2021
 * Pasal 30 huruf a, Pasal 40 ayat (2) d–f and (4)). The mat prints, for each age and for boys and girls
 * separately, marks taken from the WHO 2006 length-for-age standard ("tinggi yang diharapkan … berdasarkan
 * Standar Grafik Pertumbuhan WHO", Generasi / Kemenkes / Kemendesa, 2018); where the child's heel reaches
 * gives a colour: merah = terindikasi stunting, kuning = berisiko stunting, hijau = tidak stunting
 * (OpenSID `STATUS_TIKAR_ANAK` M/K/H; docs/HANDBOOK-RULES.md for every source and what is unconfirmed).
 *
 * The SD lines that separate the colours are not printed in any source found, so they are a parameter
 * (`TikaBoundaries`, chosen per regency in core `tika/rules.ts`), not a constant here.
 */
import { daysBetween } from "./age";
import { lmsAt } from "./curves";
import { sdLms } from "./lms";
import { zscores } from "./zscores";

export type TikaBand = "merah" | "kuning" | "hijau";

/** Order from worst to best: a longer child never gets an earlier band (see the property test). */
export const TIKA_BANDS: readonly TikaBand[] = ["merah", "kuning", "hijau"];

/** Length-for-age z limits: merah when z < `red`; kuning when `red` ≤ z < `yellow`; else hijau. */
export interface TikaBoundaries {
  red: number;
  yellow: number;
}

/** The mat is for children under two years: 0–23 completed months (PALI Pasal 40 ayat (2) huruf c–f). */
export const TIKA_MAX_AGE_DAYS = 730;

export function tikaBandOfZ(z: number, b: TikaBoundaries): TikaBand {
  if (z < b.red) return "merah";
  if (z < b.yellow) return "kuning";
  return "hijau";
}

export interface TikaLengthInput {
  sex: 1 | 2;
  birthDate: string;
  measuredOn: string;
  lengthCm: number;
  /** "l" recumbent (the mat's own posture, the default) or "h" standing; WHO adjusts a standing height. */
  measure?: "l" | "h" | null;
}

export interface TikaFromLength {
  band: TikaBand;
  /** WHO 2006 length-for-age z (unrounded) the band was read from. */
  zlen: number;
}

/**
 * The band a length measurement puts a child in, as the mat would: null when the child is outside 0–23
 * months on that day, or the length is implausible for WHO (flagged |z| > 6) — such a value decides nothing.
 */
export function tikaBandOfLength(input: TikaLengthInput, b: TikaBoundaries): TikaFromLength | null {
  const ageDays = daysBetween(input.birthDate, input.measuredOn);
  if (!(ageDays >= 0 && ageDays <= TIKA_MAX_AGE_DAYS)) return null;
  const r = zscores({
    sex: input.sex,
    ageDays,
    lenheiCm: input.lengthCm,
    measure: input.measure ?? "l",
  });
  if (r.zlen === null || r.flen === 1) return null;
  return { band: tikaBandOfZ(r.zlen, b), zlen: r.zlen };
}

/**
 * Where the colours change on the mat for a child of this sex and age (cm, recumbent length): shorter than
 * `redBelowCm` is merah, shorter than `yellowBelowCm` kuning. What a person checks a reading against.
 */
export function tikaMarks(
  sex: 1 | 2,
  ageDays: number,
  b: TikaBoundaries,
): { redBelowCm: number; yellowBelowCm: number } | null {
  if (!(ageDays >= 0 && ageDays <= TIKA_MAX_AGE_DAYS)) return null;
  const lms = lmsAt("lhfa", sex, ageDays);
  if (!lms) return null;
  return {
    redBelowCm: sdLms(b.red, lms.l, lms.m, lms.s),
    yellowBelowCm: sdLms(b.yellow, lms.l, lms.m, lms.s),
  };
}
