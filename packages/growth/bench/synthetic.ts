/**
 * Deterministic synthetic measurements for the benchmark: realistic values
 * drawn as z-scores from the WHO tables themselves (so most rows are in range
 * and |z| > 3 is as rare as in real data), plus a few messy rows.
 */
import { createInputColumns, type GrowthInputColumns, lmsAt, measureAtZ } from "../src/index";

/** mulberry32: tiny, fast, deterministic PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRow {
  sex: number;
  /** Exactly one of ageDays / ageMonths is finite (or neither). */
  ageDays: number;
  ageMonths: number;
  weightKg: number;
  lenheiCm: number;
  measure: number;
  oedema: number;
  headcCm: number;
  muacCm: number;
}

/** Fills `rows` synthetic rows; `emit` receives a reused row object. */
export function generateRows(n: number, seed: number, emit: (row: SyntheticRow, i: number) => void): void {
  const rnd = prng(seed);
  const normal = (): number => {
    // Box–Muller; one value per call is enough here.
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const at = (
    ind: Parameters<typeof lmsAt>[0],
    sex: 1 | 2,
    x: number,
    z: number,
    restricted: boolean,
  ): number => {
    const lms = lmsAt(ind, sex, x);
    return lms === null ? Number.NaN : measureAtZ(z, lms.l, lms.m, lms.s, restricted);
  };
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  const row: SyntheticRow = {
    sex: 0,
    ageDays: Number.NaN,
    ageMonths: Number.NaN,
    weightKg: Number.NaN,
    lenheiCm: Number.NaN,
    measure: 0,
    oedema: 0,
    headcCm: Number.NaN,
    muacCm: Number.NaN,
  };
  for (let i = 0; i < n; i++) {
    const sex: 1 | 2 = rnd() < 0.5 ? 1 : 2;
    row.sex = sex;
    row.oedema = rnd() < 0.005 ? 1 : 0;
    row.headcCm = Number.NaN;
    row.muacCm = Number.NaN;
    if (rnd() < 0.85) {
      // Under five: age in days, length/height, weight for length, head, MUAC.
      const day = Math.floor(rnd() * 1827);
      row.ageDays = day;
      row.ageMonths = Number.NaN;
      const len = at("lhfa", sex, day, -0.8 + 1.2 * normal(), false);
      const standing = day >= 731 ? rnd() > 0.03 : rnd() < 0.05;
      row.measure = standing ? 2 : 1;
      // What was actually measured: undo the WHO ±0.7 cm convention.
      const measured = day < 731 ? (standing ? len - 0.7 : len) : standing ? len : len + 0.7;
      row.lenheiCm = round1(measured);
      const wflTable = day < 731 ? "wfl" : "wfh";
      const clen = Math.min(Math.max(len, day < 731 ? 45 : 65), day < 731 ? 110 : 120);
      row.weightKg = round1(at(wflTable, sex, Math.round(clen * 10) / 10, -0.3 + 1.1 * normal(), true));
      if (rnd() < 0.5) row.headcCm = round1(at("hcfa", sex, day, normal(), false));
      if (day >= 91 && rnd() < 0.5) row.muacCm = round1(at("acfa", sex, day, -0.2 + normal(), true));
    } else {
      // 5–19 years: age in months (fractional), standing height, weight via BMI.
      const months = 60 + rnd() * 168;
      row.ageDays = Number.NaN;
      row.ageMonths = Math.round(months * 100) / 100;
      row.measure = 2;
      const h = at("hfa2007", sex, months, -0.5 + normal(), false);
      const bmi = at("bfa2007", sex, months, 0.2 * normal() + normal(), true);
      row.lenheiCm = round1(h);
      row.weightKg = round1((bmi * h * h) / 10000);
    }
    // Messy data: missing age or weight in ~1% of rows each.
    if (rnd() < 0.01) {
      row.ageDays = Number.NaN;
      row.ageMonths = Number.NaN;
    }
    if (rnd() < 0.01) row.weightKg = Number.NaN;
    emit(row, i);
  }
}

/** `n` synthetic rows as input columns. */
export function syntheticColumns(n: number, seed = 20240601): GrowthInputColumns {
  const c = createInputColumns(n);
  generateRows(n, seed, (r, i) => {
    c.sex[i] = r.sex;
    c.ageDays[i] = r.ageDays;
    c.ageMonths[i] = r.ageMonths;
    c.weightKg[i] = r.weightKg;
    c.lenheiCm[i] = r.lenheiCm;
    c.measure[i] = r.measure;
    c.oedema[i] = r.oedema;
    c.headcCm[i] = r.headcCm;
    c.muacCm[i] = r.muacCm;
  });
  return c;
}
