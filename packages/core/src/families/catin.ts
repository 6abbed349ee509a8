import { completedYears, daysBetween } from "../dates";

/**
 * Bride/groom-to-be (calon pengantin, catin) screening: Paser Pasal 13(1)a (penapisan kesehatan reproduksi
 * catin 3 bulan pranikah) and 13(3) (accompaniment 3 months before marriage as part of the marriage
 * service). Cut-offs as data, each with its source; a value exactly at a cut-off is NOT a risk (all are
 * strict "below").
 */
export const CATIN_CUTOFFS = {
  /** Anaemia in non-pregnant women 15+: Hb < 12 g/dL (WHO 2011 VMNIS; Kemenkes Pedoman Pencegahan Anemia 2018). */
  anaemiaHbWomen: {
    below: 12,
    source: "WHO 2011 (Hb for diagnosis of anaemia); Kemenkes 2018 Pencegahan Anemia",
  },
  /** Anaemia in men 15+: Hb < 13 g/dL (WHO 2011). */
  anaemiaHbMen: { below: 13, source: "WHO 2011 (Hb for diagnosis of anaemia)" },
  /** Chronic energy deficiency (KEK): MUAC < 23.5 cm (Kemenkes, Pedoman Gizi Seimbang / Kesehatan Reproduksi Catin). */
  kekMuacCm: { below: 23.5, source: "Kemenkes, Pedoman Kesehatan Reproduksi Catin (LiLA < 23,5 cm = KEK)" },
  /** Underweight: BMI < 18.5 kg/m² (WHO; Kemenkes P2PTM klasifikasi IMT dewasa). */
  underweightBmi: { below: 18.5, source: "WHO BMI classification; Kemenkes P2PTM (IMT < 18,5 = kurus)" },
  /** Too young to become pregnant: under 20 years (BKKBN 4 Terlalu; UU 16/2019 sets 19 as the marriage minimum). */
  tooYoungYears: {
    below: 20,
    source: "BKKBN 4 Terlalu (usia < 20 tahun); UU 16/2019 (batas usia nikah 19 tahun)",
  },
  /** Screening must be done at least 3 calendar months before the marriage (Paser Pasal 13(1)a, 13(3)). */
  monthsBeforeMarriage: { months: 3, source: "Paser Pasal 13(1) huruf a dan ayat (3)" },
} as const;

export const CATIN_FINDING_CODES = ["anemia", "kek", "kurus", "terlalu_muda"] as const;
export type CatinFinding = (typeof CATIN_FINDING_CODES)[number];

export const CATIN_FINDINGS: Record<
  CatinFinding,
  { id: string; en: string; adviceId: string; adviceEn: string; source: string }
> = {
  anemia: {
    id: "Anemia (Hb di bawah batas)",
    en: "Anaemia (Hb below cut-off)",
    adviceId: "Minum Tablet Tambah Darah 1 tablet setiap hari selama 90 hari, lalu periksa ulang Hb.",
    adviceEn: "Take one iron-folic acid tablet daily for 90 days, then re-check Hb.",
    source: CATIN_CUTOFFS.anaemiaHbWomen.source,
  },
  kek: {
    id: "Kurang Energi Kronis (LiLA < 23,5 cm)",
    en: "Chronic energy deficiency (MUAC < 23.5 cm)",
    adviceId: "Perbaiki asupan gizi (makanan tambahan) dan tunda kehamilan sampai LiLA ≥ 23,5 cm.",
    adviceEn: "Improve food intake and delay pregnancy until MUAC ≥ 23.5 cm.",
    source: CATIN_CUTOFFS.kekMuacCm.source,
  },
  kurus: {
    id: "Kurus (IMT < 18,5)",
    en: "Underweight (BMI < 18.5)",
    adviceId: "Perbaiki asupan gizi dan tunda kehamilan sampai IMT ≥ 18,5.",
    adviceEn: "Improve food intake and delay pregnancy until BMI ≥ 18.5.",
    source: CATIN_CUTOFFS.underweightBmi.source,
  },
  terlalu_muda: {
    id: "Usia di bawah 20 tahun",
    en: "Under 20 years of age",
    adviceId: "Tunda kehamilan sampai usia 20 tahun; konseling KB pasca nikah.",
    adviceEn: "Delay pregnancy until age 20; family-planning counselling after marriage.",
    source: CATIN_CUTOFFS.tooYoungYears.source,
  },
};

/** BMI = weight (kg) / height (m)², rounded to 1 decimal for display only (rules use the exact value). */
export function bmi(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

export interface CatinMeasures {
  sex: 1 | 2;
  birthDate: string;
  screenedOn: string;
  weightKg: number | null;
  heightCm: number | null;
  muacCm: number | null;
  hbGdl: number | null;
}

export interface CatinResult {
  ageYears: number;
  bmi: number | null;
  findings: CatinFinding[];
  /** No finding: "siap hamil" (ready for pregnancy) as far as these measures go. */
  ready: boolean;
  advice: { id: string; en: string }[];
}

export function evaluateCatin(m: CatinMeasures): CatinResult {
  const ageYears = completedYears(m.birthDate, m.screenedOn);
  const b = m.weightKg !== null && m.heightCm !== null && m.heightCm > 0 ? bmi(m.weightKg, m.heightCm) : null;
  const findings: CatinFinding[] = [];
  const hbCut = m.sex === 2 ? CATIN_CUTOFFS.anaemiaHbWomen.below : CATIN_CUTOFFS.anaemiaHbMen.below;
  if (m.hbGdl !== null && m.hbGdl < hbCut) findings.push("anemia");
  // KEK by MUAC is a women's criterion (Kemenkes catin/WUS screening).
  if (m.sex === 2 && m.muacCm !== null && m.muacCm < CATIN_CUTOFFS.kekMuacCm.below) findings.push("kek");
  if (b !== null && b < CATIN_CUTOFFS.underweightBmi.below) findings.push("kurus");
  if (ageYears < CATIN_CUTOFFS.tooYoungYears.below) findings.push("terlalu_muda");
  return {
    ageYears,
    bmi: b,
    findings,
    ready: findings.length === 0,
    advice: findings.map((f) => ({ id: CATIN_FINDINGS[f].adviceId, en: CATIN_FINDINGS[f].adviceEn })),
  };
}

/** The date `months` calendar months before `date`; a day missing in the target month clamps to its last day. */
export function minusCalendarMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7)) - 1 - months;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(mo / 12);
  const tm = ((mo % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Latest day a screening still counts as "3 months before marriage": marriage date minus 3 calendar months. */
export function screeningDeadline(marriageDate: string): string {
  return minusCalendarMonths(marriageDate, CATIN_CUTOFFS.monthsBeforeMarriage.months);
}

/** Screened in time: screening date ≤ marriage date − 3 calendar months (that day itself counts). */
export function screenedInTime(screenedOn: string, marriageDate: string): boolean {
  return daysBetween(screenedOn, screeningDeadline(marriageDate)) >= 0;
}

/**
 * Coverage indicator "catin screened ≥ 3 months before marriage": of the catin whose marriage date falls in
 * [from, to], the share with at least one screening in time. null when there is no catin.
 */
export function catinCoverage(
  catin: readonly { marriageDate: string; screeningDates: readonly string[] }[],
  from: string,
  to: string,
): { denominator: number; numerator: number; share: number | null } {
  const inPeriod = catin.filter((c) => c.marriageDate >= from && c.marriageDate <= to);
  const numerator = inPeriod.filter((c) =>
    c.screeningDates.some((d) => screenedInTime(d, c.marriageDate)),
  ).length;
  return {
    denominator: inPeriod.length,
    numerator,
    share: inPeriod.length === 0 ? null : numerator / inPeriod.length,
  };
}

/**
 * Further items of the pre-pregnancy service for catin that the regency records (Permenkes 21/2021,
 * pelayanan kesehatan masa sebelum hamil: laboratory checks and TT immunisation status; Paser Pasal
 * 13(1)a). Kept as data: a regency changes this list, not the code. Values are short free text.
 */
export const CATIN_EXTRA_ITEMS = [
  { key: "imunisasi_tt", id: "Status imunisasi TT", en: "Tetanus toxoid status" },
  { key: "golongan_darah", id: "Golongan darah", en: "Blood group" },
  { key: "hiv", id: "Skrining HIV", en: "HIV screening" },
  { key: "sifilis", id: "Skrining sifilis", en: "Syphilis screening" },
  { key: "hbsag", id: "Skrining hepatitis B (HBsAg)", en: "Hepatitis B screening (HBsAg)" },
] as const;

export function catinExtraLabel(key: string, locale: "id" | "en" = "id"): string {
  return CATIN_EXTRA_ITEMS.find((i) => i.key === key)?.[locale] ?? key;
}
