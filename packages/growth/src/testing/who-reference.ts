/**
 * TEST-ONLY independent reference implementation of the WHO algorithm (not
 * exported from the package; it reads files). Written separately from the
 * engine, in the plainest possible way, straight from
 * data/who-growth/README.md and the R sources it cites:
 *  - it reads the CSVs itself (no generated tables);
 *  - it looks rows up by the *text* of the key as R's `merge` does on doubles
 *    (`String(trunc(x*10)/10)` for length), not by integer index;
 *  - every rule is a separate, obvious statement; nothing is shared with src/.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const WHO_CSV_DIR = resolve(
  process.env.TUMBUH_WHO_CSV_DIR ??
    join(fileURLToPath(new URL(".", import.meta.url)), "../../../../data/who-growth"),
);

type Row = { l: number; m: number; s: number };
type Table = Map<string, Row>;

export function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(WHO_CSV_DIR, file), "utf8").trim().split(/\r?\n/);
  const header = (lines.shift() ?? "").split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

function table(file: string, keyColumn: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(file)) {
    t.set(`${r.sex}|${String(Number(r[keyColumn]))}`, { l: Number(r.l), m: Number(r.m), s: Number(r.s) });
  }
  return t;
}

const T = {
  lhfa: table("who2006_lhfa_by_day.csv", "age_days"),
  wfa: table("who2006_wfa_by_day.csv", "age_days"),
  bfa: table("who2006_bfa_by_day.csv", "age_days"),
  hcfa: table("who2006_hcfa_by_day.csv", "age_days"),
  acfa: table("who2006_acfa_by_day.csv", "age_days"),
  wfl: table("who2006_wfl_by_length.csv", "length_cm"),
  wfh: table("who2006_wfh_by_height.csv", "height_cm"),
  hfa7: table("who2007_hfa_by_month.csv", "age_months"),
  bfa7: table("who2007_bfa_by_month.csv", "age_months"),
  wfa7: table("who2007_wfa_by_month.csv", "age_months"),
};

/** R >= 4.0 `round(x, 2)`, transcribed from src/nmath/fround.c. */
export function refRound2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x) || x === 0) return x;
  const sgn = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const logb = Math.floor(Math.log2(ax));
  if (Math.LOG10E * Math.LN2 * (0.5 + logb) + 2 > 15) return x;
  const pow10 = 100;
  const x10 = pow10 * ax;
  const i10 = Math.floor(x10);
  const xd = i10 / pow10;
  const xu = Math.ceil(x10) / pow10;
  const du = xu - ax;
  const dd = ax - xd;
  const odd = i10 - 2 * Math.floor(i10 / 2) === 1;
  return sgn * (du < dd || (odd && du === dd) ? xu : xd);
}

function roundHalfUp(x: number): number {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

function zPlain(y: number, r: Row): number {
  return ((y / r.m) ** r.l - 1) / (r.s * r.l);
}

function zAdjusted(y: number, r: Row): number {
  const sd = (k: number): number => r.m * (1 + r.l * r.s * k) ** (1 / r.l);
  const z = zPlain(y, r);
  if (z > 3) return 3 + (y - sd(3)) / (sd(3) - sd(2));
  if (z < -3) return -3 + (y - sd(-3)) / (sd(-2) - sd(-3));
  return z;
}

export interface RefInput {
  sex: number; // 1, 2 or anything else = unknown
  ageDays?: number | undefined;
  ageMonths?: number | undefined;
  weightKg?: number | undefined;
  lenheiCm?: number | undefined;
  measure?: "l" | "h" | undefined;
  oedema?: boolean | undefined;
  headcCm?: number | undefined;
  muacCm?: number | undefined;
}

export interface RefResult {
  clenhei: number | undefined;
  cbmi: number | undefined;
  c9mo: 0 | 1;
  z: Record<string, number | undefined>;
}

function byDay(
  t: Table,
  sex: number,
  day: number | undefined,
  months: number | undefined,
  y: number | undefined,
  adjusted: boolean,
): number | undefined {
  if (day === undefined || months === undefined || y === undefined || !(y > 0)) return undefined;
  if (!(months < 60) || day > 1856) return undefined;
  const r = t.get(`${sex}|${day}`);
  if (r === undefined) return undefined;
  return adjusted ? zAdjusted(y, r) : zPlain(y, r);
}

function byMonth(
  t: Table,
  sex: number,
  age: number | undefined,
  y: number | undefined,
  adjusted: boolean,
  upper: number,
): number | undefined {
  if (age === undefined || y === undefined || !(age >= 60 && age <= upper)) return undefined;
  const low = Math.trunc(age);
  const upp = Math.trunc(age + 1);
  const f = age - low;
  const a = t.get(`${sex}|${low}`);
  if (a === undefined) return undefined;
  let r: Row = a;
  if (f > 0) {
    const b = t.get(`${sex}|${upp}`);
    if (b === undefined) return undefined;
    r = { m: a.m + f * (b.m - a.m), l: a.l + f * (b.l - a.l), s: a.s + f * (b.s - a.s) };
  }
  return adjusted ? zAdjusted(y, r) : zPlain(y, r);
}

export function reference(input: RefInput): RefResult {
  const sex = input.sex;
  let day: number | undefined;
  let months: number | undefined;
  if (input.ageDays !== undefined) {
    day = roundHalfUp(input.ageDays);
    months = input.ageDays / 30.4375;
  } else if (input.ageMonths !== undefined) {
    day = roundHalfUp(input.ageMonths * 30.4375);
    months = input.ageMonths;
  }
  let measure = input.measure;
  let c9mo: 0 | 1 = 0;
  if (measure === "h" && months !== undefined && months < 9) {
    measure = undefined;
    c9mo = 1;
  }
  const z: Record<string, number | undefined> = {};
  const w = input.weightKg;
  let clen = input.lenheiCm;
  const oedema = input.oedema === true;
  if (months !== undefined && months >= 60) {
    const bmi = w !== undefined && clen !== undefined ? w / (clen / 100) ** 2 : undefined;
    if (sex !== 1 && sex !== 2) return { clenhei: clen, cbmi: bmi, c9mo, z };
    z.hfa = byMonth(T.hfa7, sex, months, clen, false, 228);
    if (!oedema) {
      z.wfa = byMonth(T.wfa7, sex, months, w, true, 120);
      z.bfa = byMonth(T.bfa7, sex, months, bmi, true, 228);
    }
    return { clenhei: clen, cbmi: bmi, c9mo, z };
  }
  if (clen !== undefined && day !== undefined && day < 731 && measure === "h") clen = clen + 0.7;
  else if (clen !== undefined && day !== undefined && day >= 731 && measure === "l") clen = clen - 0.7;
  const bmi = w !== undefined && clen !== undefined ? w / (clen / 100) ** 2 : undefined;
  // No table row matches an unknown sex (R's merge finds nothing): no z at all.
  if (sex !== 1 && sex !== 2) return { clenhei: clen, cbmi: bmi, c9mo, z };
  z.len = byDay(T.lhfa, sex, day, months, clen, false);
  z.hc = byDay(T.hcfa, sex, day, months, input.headcCm, false);
  z.ac = byDay(T.acfa, sex, day, months, input.muacCm, true);
  if (!oedema) {
    z.wei = byDay(T.wfa, sex, day, months, w, true);
    z.bmi = byDay(T.bfa, sex, day, months, bmi, true);
  }
  // Weight-for-length/height.
  if (!oedema && clen !== undefined && w !== undefined) {
    let useLength: boolean;
    if (day !== undefined) useLength = day < 731;
    else if (measure !== undefined) useLength = measure === "l";
    else useLength = clen < 87;
    const ok = useLength ? clen >= 45 && clen <= 110 : clen >= 65 && clen <= 120;
    const ageOk = day === undefined || (day <= 1856 && months !== undefined && months < 60);
    if (ok && ageOk) {
      const t = useLength ? T.wfl : T.wfh;
      const low = Math.trunc(clen * 10) / 10;
      const upp = Math.trunc(clen * 10 + 1) / 10;
      const diff = (clen - low) / 0.1;
      const a = t.get(`${sex}|${String(low)}`);
      if (a !== undefined) {
        let r: Row = a;
        if (diff > 0) {
          const b = t.get(`${sex}|${String(upp)}`);
          r =
            b === undefined
              ? { l: Number.NaN, m: Number.NaN, s: Number.NaN }
              : {
                  m: a.m + diff * (b.m - a.m),
                  l: a.l + diff * (b.l - a.l),
                  s: a.s + diff * (b.s - a.s),
                };
        }
        const v = zAdjusted(w, r);
        z.wfl = Number.isNaN(v) ? undefined : v;
      }
    }
  }
  return { clenhei: clen, cbmi: bmi, c9mo, z };
}

/** Flag of a rounded z (anthro `flag_zscore`, anthroplus `flag_scores`). */
export const REF_FLAG_LIMITS: Record<string, [number, number]> = {
  len: [-6, 6],
  wei: [-6, 5],
  wfl: [-5, 5],
  bmi: [-5, 5],
  hc: [-5, 5],
  ac: [-5, 5],
  hfa: [-6, 6],
  wfa: [-6, 5],
  bfa: [-5, 5],
};
