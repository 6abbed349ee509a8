/**
 * The one place where a row is computed. Columnar typed arrays in and out, no
 * object per row, so the same code serves the object API (`zscores.ts`, a batch
 * of one), the CLI and the benchmark.
 *
 * Missing values: NaN in Float64Array columns, 0 in code columns (sex,
 * measure), -1 in flag columns (see `flags.ts`), 0 in category columns.
 * z columns hold the UNROUNDED z; the WHO-rounded value is `roundR2(z)`, which
 * is also what flags and categories are computed from.
 */
import { BBTB, BBU, IMTU, IMTU_5_18, IMTU_5_18_MAX_MONTHS, TBU } from "./data/permenkes-2-2020";
import { FLAG_LIMITS, FLAG_NA } from "./flags";
import { zByAgeDay, zWeightForLenhei } from "./indicators-0-60";
import {
  BFA_2007_MAX_MONTHS,
  HFA_2007_MAX_MONTHS,
  WFA_2007_MAX_MONTHS,
  zByAgeMonth,
} from "./indicators-5-19";
import { bandIdCompiled, compileBands } from "./permenkes";
import { roundR2, roundUp } from "./round";
import type { LmsTable } from "./tables/types";
import { ACFA_2006, BFA_2006, HCFA_2006, LHFA_2006, WFA_2006 } from "./tables/who2006-age.generated";
import { BFA_2007, HFA_2007, WFA_2007 } from "./tables/who2007.generated";

export interface GrowthInputColumns {
  readonly length: number;
  /** 1 male, 2 female, 0 unknown (see `sexCode`). */
  readonly sex: Uint8Array;
  /** Age in days, may be fractional; NaN if not given (then `ageMonths` is used). */
  readonly ageDays: Float64Array;
  /** Age in months, used only where `ageDays` is NaN. */
  readonly ageMonths: Float64Array;
  readonly weightKg: Float64Array;
  /** Length or height as measured (before the ±0.7 cm adjustment). */
  readonly lenheiCm: Float64Array;
  /** 0 unknown, 1 recumbent length, 2 standing height (see `measureCode`). */
  readonly measure: Uint8Array;
  /** 1 bilateral pitting oedema, 0 none. */
  readonly oedema: Uint8Array;
  readonly headcCm: Float64Array;
  readonly muacCm: Float64Array;
}

export interface GrowthResultColumns {
  readonly length: number;
  /** Length/height after the WHO 0.7 cm adjustment (0–60 mo); as given from 60 mo. */
  readonly clenhei: Float64Array;
  /** BMI from `clenhei`. */
  readonly cbmi: Float64Array;
  /** 1 when a standing height was given under 9 months (then treated as measure unknown). */
  readonly c9mo: Uint8Array;
  /** WHO 2006, 0–60 months: length/height-, weight-, weight-for-length/height-, BMI-, head- and arm-circumference-for-age. */
  readonly zlen: Float64Array;
  readonly zwei: Float64Array;
  readonly zwfl: Float64Array;
  readonly zbmi: Float64Array;
  readonly zhc: Float64Array;
  readonly zac: Float64Array;
  /** WHO 2007, 60–228 months (weight-for-age to 120 months). */
  readonly zhfa: Float64Array;
  readonly zwfa: Float64Array;
  readonly zbfa: Float64Array;
  readonly flen: Int8Array;
  readonly fwei: Int8Array;
  readonly fwfl: Int8Array;
  readonly fbmi: Int8Array;
  readonly fhc: Int8Array;
  readonly fac: Int8Array;
  readonly fhfa: Int8Array;
  readonly fwfa: Int8Array;
  readonly fbfa: Int8Array;
  /** Permenkes 2/2020 band ids (`PERMENKES_BANDS[id - 1]`), 0 = none. */
  readonly tbu: Uint8Array;
  readonly bbu: Uint8Array;
  readonly bbtb: Uint8Array;
  readonly imtu: Uint8Array;
}

/** Input columns of `n` rows, every value missing. */
export function createInputColumns(n: number): GrowthInputColumns {
  const nan = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  return {
    length: n,
    sex: new Uint8Array(n),
    ageDays: nan(),
    ageMonths: nan(),
    weightKg: nan(),
    lenheiCm: nan(),
    measure: new Uint8Array(n),
    oedema: new Uint8Array(n),
    headcCm: nan(),
    muacCm: nan(),
  };
}

/** Output columns for `n` rows (filled by `computeGrowthBatch`). */
export function createResultColumns(n: number): GrowthResultColumns {
  const f64 = (): Float64Array => new Float64Array(n);
  const i8 = (): Int8Array => new Int8Array(n);
  const u8 = (): Uint8Array => new Uint8Array(n);
  return {
    length: n,
    clenhei: f64(),
    cbmi: f64(),
    c9mo: u8(),
    zlen: f64(),
    zwei: f64(),
    zwfl: f64(),
    zbmi: f64(),
    zhc: f64(),
    zac: f64(),
    zhfa: f64(),
    zwfa: f64(),
    zbfa: f64(),
    flen: i8(),
    fwei: i8(),
    fwfl: i8(),
    fbmi: i8(),
    fhc: i8(),
    fac: i8(),
    fhfa: i8(),
    fwfa: i8(),
    fbfa: i8(),
    tbu: u8(),
    bbu: u8(),
    bbtb: u8(),
    imtu: u8(),
  };
}

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;
const DAYS_PER_MONTH = 30.4375;

const C_TBU = compileBands(TBU);
const C_BBU = compileBands(BBU);
const C_BBTB = compileBands(BBTB);
const C_IMTU = compileBands(IMTU);
const C_IMTU518 = compileBands(IMTU_5_18);

/*
 * The rows are processed in chunks, one small loop per indicator ("pass")
 * rather than one big loop per row: V8 inlines the indicator functions into a
 * small loop, but not into a loop that calls twenty of them, and a call that is
 * not inlined boxes every double it passes or returns. Per-row intermediate
 * values live in these module-level scratch columns (indexed by row − chunk start).
 */
const CHUNK = 2048;
const sAgeDay = new Float64Array(CHUNK);
const sAgeMo = new Float64Array(CHUNK);
const sMeasure = new Uint8Array(CHUNK);
/** Per indicator: a value that classifies exactly like the rounded z (see `decisive`). */
const sLen = new Float64Array(CHUNK);
const sWei = new Float64Array(CHUNK);
const sWfl = new Float64Array(CHUNK);
const sBmi = new Float64Array(CHUNK);
const sBfa = new Float64Array(CHUNK);
const sUnused = new Float64Array(CHUNK);

const [LEN_LO, LEN_HI] = FLAG_LIMITS.len;
const [WEI_LO, WEI_HI] = FLAG_LIMITS.wei;
const [WFL_LO, WFL_HI] = FLAG_LIMITS.wfl;
const [BMI_LO, BMI_HI] = FLAG_LIMITS.bmi;
const [HC_LO, HC_HI] = FLAG_LIMITS.hc;
const [AC_LO, AC_HI] = FLAG_LIMITS.ac;
const [HFA_LO, HFA_HI] = FLAG_LIMITS.hfa;
const [WFA_LO, WFA_HI] = FLAG_LIMITS.wfa;
const [BFA_LO, BFA_HI] = FLAG_LIMITS.bfa;

// `decisive` below relies on every flag limit and category bound being an integer.
for (const [lo, hi] of Object.values(FLAG_LIMITS)) {
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) throw new Error("flag limits must be integers");
}
for (const ix of [TBU, BBU, BBTB, IMTU, IMTU_5_18]) {
  for (const b of ix.bands) {
    if ((b.min !== null && !Number.isInteger(b.min)) || (b.max !== null && !Number.isInteger(b.max))) {
      throw new Error(`Permenkes bound of ${b.code} is not an integer`);
    }
  }
}

/** Measurements: negative, NaN or infinite → missing. */
function clean(x: number): number {
  return x >= 0 && x < INF ? x : NaN_;
}

/**
 * A stand-in for `roundR2(z)` that gives the same flag and the same Permenkes
 * category. Flags and categories only compare the rounded z with INTEGERS
 * (−6, −5, −3, −2, 1, 2, 3, 5, 6; checked above), and R's round(z, 2) moves z
 * by at most 0.005 (plus ~1e-15), so it can change such a comparison only when
 * z is within 0.005 of an integer. There we round exactly; elsewhere z itself
 * compares identically, which saves the rounding on ~99% of values.
 */
function decisive(z: number): number {
  const d = z - Math.round(z);
  return d < 0.0051 && d > -0.0051 ? roundR2(z) : z;
}

/**
 * Computes rows `[start, end)` of `input` into `out` (same indices). Allocation
 * free; safe to call on chunks of a larger batch. Not re-entrant (shared
 * scratch), which is fine in single-threaded JS.
 */
export function computeGrowthBatch(
  input: GrowthInputColumns,
  out: GrowthResultColumns,
  start = 0,
  end: number = input.length,
): void {
  const { sex, weightKg, oedema, headcCm, muacCm } = input;
  const { clenhei, cbmi } = out;
  for (let s = start; s < end; s += CHUNK) {
    const e = Math.min(end, s + CHUNK);
    prepare(input, out, s, e);
    // WHO 2006 (anthro), rows under 60 months or of unknown age.
    passAgeDay(LHFA_2006, false, sex, clenhei, null, out.zlen, out.flen, LEN_LO, LEN_HI, sLen, s, e);
    passAgeDay(WFA_2006, true, sex, weightKg, oedema, out.zwei, out.fwei, WEI_LO, WEI_HI, sWei, s, e);
    passAgeDay(BFA_2006, true, sex, cbmi, oedema, out.zbmi, out.fbmi, BMI_LO, BMI_HI, sBmi, s, e);
    passAgeDay(HCFA_2006, false, sex, headcCm, null, out.zhc, out.fhc, HC_LO, HC_HI, sUnused, s, e);
    passAgeDay(ACFA_2006, true, sex, muacCm, null, out.zac, out.fac, AC_LO, AC_HI, sUnused, s, e);
    passWfl(input, out, s, e);
    // WHO 2007 (anthroplus), rows from 60 months.
    passAgeMonth(
      HFA_2007,
      false,
      HFA_2007_MAX_MONTHS,
      sex,
      clenhei,
      null,
      out.zhfa,
      out.fhfa,
      HFA_LO,
      HFA_HI,
      sUnused,
      s,
      e,
    );
    passAgeMonth(
      WFA_2007,
      true,
      WFA_2007_MAX_MONTHS,
      sex,
      weightKg,
      oedema,
      out.zwfa,
      out.fwfa,
      WFA_LO,
      WFA_HI,
      sUnused,
      s,
      e,
    );
    passAgeMonth(
      BFA_2007,
      true,
      BFA_2007_MAX_MONTHS,
      sex,
      cbmi,
      oedema,
      out.zbfa,
      out.fbfa,
      BFA_LO,
      BFA_HI,
      sBfa,
      s,
      e,
    );
    categories(out, s, e);
  }
}

/** Age, measure cleaning, length/height adjustment and BMI for each row. */
function prepare(input: GrowthInputColumns, out: GrowthResultColumns, s: number, e: number): void {
  const { ageDays, ageMonths, measure, lenheiCm, weightKg } = input;
  const { clenhei, cbmi, c9mo } = out;
  for (let i = s; i < e; i++) {
    const j = i - s;
    // Age (anthro `age_to_days` / `age_to_months`, R/utils.R): whole days by
    // round-half-up for the lookup, unrounded months for the < 9 / < 60 tests.
    const dRaw = ageDays[i] as number;
    let ageDay: number;
    let ageMo: number;
    if (dRaw >= 0 && dRaw < INF) {
      ageDay = roundUp(dRaw);
      ageMo = dRaw / DAYS_PER_MONTH;
    } else {
      const mRaw = ageMonths[i] as number;
      if (mRaw >= 0 && mRaw < INF) {
        ageDay = roundUp(mRaw * DAYS_PER_MONTH);
        ageMo = mRaw;
      } else {
        ageDay = NaN_;
        ageMo = NaN_;
      }
    }
    sAgeDay[j] = ageDay;
    sAgeMo[j] = ageMo;

    // Standing height under 9 months is implausible: anthro `anthro_zscores`
    // (R/z-score.R) sets the measure to NA and raises c9mo_flag; with the
    // measure unknown no 0.7 cm adjustment is made.
    let meas = measure[i] as number;
    let c9 = 0;
    if (meas === 2 && ageMo < 9) {
      meas = 0;
      c9 = 1;
    }
    c9mo[i] = c9;
    sMeasure[j] = meas;

    const lenhei = clean(lenheiCm[i] as number);
    let clen = lenhei;
    if (!(ageMo >= 60)) {
      // anthro `adjust_lenhei` (R/z-score-helper.R): length-based below 731
      // days, height-based from 731. From 60 months anthroplus takes the
      // height as given (standing assumed), so no adjustment there.
      if (ageDay < 731) {
        if (meas === 2) clen = lenhei + 0.7;
      } else if (ageDay >= 731 && meas === 1) clen = lenhei - 0.7;
    }
    clenhei[i] = clen;
    // BMI from the adjusted length/height; R's `x^2` is `x*x` (R_pow special
    // case). An infinite BMI (length 0) is reported as missing.
    const h = clen / 100;
    const bmi = clean(weightKg[i] as number) / (h * h);
    cbmi[i] = bmi < INF ? bmi : NaN_;
  }
}

/**
 * Stores z (±Infinity → missing), its flag (on the z rounded as R's
 * round(z, 2)) and the category stand-in.
 */
function settle(
  z: Float64Array,
  f: Int8Array,
  lo: number,
  hi: number,
  dec: Float64Array,
  i: number,
  j: number,
  v: number,
): void {
  if (v - v === 0) {
    z[i] = v;
    const r = decisive(v);
    dec[j] = r;
    f[i] = r < lo || r > hi ? 1 : 0;
  } else {
    z[i] = NaN_;
    dec[j] = NaN_;
    f[i] = FLAG_NA;
  }
}

/**
 * One WHO 2006 age-by-day indicator for rows under 60 months. `oedema`, when
 * given, suppresses the z for rows with oedema (weight-for-age, BMI-for-age).
 */
function passAgeDay(
  table: LmsTable,
  restricted: boolean,
  sex: Uint8Array,
  y: Float64Array,
  oedema: Uint8Array | null,
  z: Float64Array,
  f: Int8Array,
  lo: number,
  hi: number,
  dec: Float64Array,
  s: number,
  e: number,
): void {
  for (let i = s; i < e; i++) {
    const j = i - s;
    const v =
      oedema !== null && oedema[i] === 1
        ? NaN_
        : zByAgeDay(
            table,
            restricted,
            sex[i] as number,
            sAgeDay[j] as number,
            sAgeMo[j] as number,
            y[i] as number,
          );
    settle(z, f, lo, hi, dec, i, j, v);
  }
}

function passWfl(input: GrowthInputColumns, out: GrowthResultColumns, s: number, e: number): void {
  const { sex, weightKg, oedema } = input;
  const { clenhei, zwfl, fwfl } = out;
  for (let i = s; i < e; i++) {
    const j = i - s;
    const v = zWeightForLenhei(
      sex[i] as number,
      sAgeDay[j] as number,
      sAgeMo[j] as number,
      sMeasure[j] as number,
      clenhei[i] as number,
      clean(weightKg[i] as number),
      oedema[i] as number,
    );
    settle(zwfl, fwfl, WFL_LO, WFL_HI, sWfl, i, j, v);
  }
}

/** One WHO 2007 indicator (monthly interpolation) for rows from 60 months. */
function passAgeMonth(
  table: LmsTable,
  restricted: boolean,
  maxMonths: number,
  sex: Uint8Array,
  y: Float64Array,
  oedema: Uint8Array | null,
  z: Float64Array,
  f: Int8Array,
  lo: number,
  hi: number,
  dec: Float64Array,
  s: number,
  e: number,
): void {
  for (let i = s; i < e; i++) {
    const j = i - s;
    const v =
      oedema !== null && oedema[i] === 1
        ? NaN_
        : zByAgeMonth(table, restricted, maxMonths, sex[i] as number, sAgeMo[j] as number, y[i] as number);
    settle(z, f, lo, hi, dec, i, j, v);
  }
}

/**
 * Permenkes 2/2020: TB/U, BB/U, BB/PB-TB and IMT/U for 0–60 months; only
 * IMT/U (its own bands) for 5–18 years.
 */
function categories(out: GrowthResultColumns, s: number, e: number): void {
  const { tbu, bbu, bbtb, imtu } = out;
  for (let i = s; i < e; i++) {
    const j = i - s;
    tbu[i] = bandIdCompiled(C_TBU, sLen[j] as number);
    bbu[i] = bandIdCompiled(C_BBU, sWei[j] as number);
    bbtb[i] = bandIdCompiled(C_BBTB, sWfl[j] as number);
    const ageMo = sAgeMo[j] as number;
    imtu[i] =
      ageMo < 60
        ? bandIdCompiled(C_IMTU, sBmi[j] as number)
        : ageMo <= IMTU_5_18_MAX_MONTHS
          ? bandIdCompiled(C_IMTU518, sBfa[j] as number)
          : 0;
  }
}
