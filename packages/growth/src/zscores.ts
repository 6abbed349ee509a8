/**
 * Object API for one child/measurement. It runs the batch core on a batch of
 * one, so its numbers are identical to the CLI's and the benchmark's.
 *
 * Convention: anything not computable (R's NA) is `null` here; z fields
 * named `z…` are UNROUNDED, `z…Rounded` are R's `round(z, 2)` (what WHO Anthro
 * displays and what flags and Permenkes categories use).
 */
import {
  computeGrowthBatch,
  createInputColumns,
  createResultColumns,
  type GrowthInputColumns,
} from "./batch";
import {
  type MeasureInput,
  measureCode,
  nonNegative,
  type OedemaInput,
  oedemaCode,
  type SexInput,
  sexCode,
} from "./input";
import { bandById } from "./permenkes";
import { roundR2, roundUp } from "./round";

export interface ZScoreInput {
  /** 1/2, "1"/"2", "m"/"f" (any case); anything else → no z-scores. */
  sex: SexInput;
  /** Age in days (may be fractional; rounded half-up for the lookup). Takes precedence over `ageMonths`. */
  ageDays?: number | null;
  /** Age in months (exact, not rounded; converted with × 30.4375 days). */
  ageMonths?: number | null;
  weightKg?: number | null;
  /** Length or height in cm, as measured. */
  lenheiCm?: number | null;
  /** 'l' recumbent length, 'h' standing height; unknown if absent. */
  measure?: MeasureInput;
  /** Bilateral pitting oedema: true / 'y' / '1'. */
  oedema?: OedemaInput;
  headcCm?: number | null;
  muacCm?: number | null;
}

export type Flag = 0 | 1 | null;

export interface ZScoreResult {
  /** Sex code used (null if unrecognised). */
  sex: 1 | 2 | null;
  /** Whole days used for the WHO 2006 lookup. */
  ageDays: number | null;
  /** Unrounded age in months used for the range tests and the WHO 2007 interpolation. */
  ageMonths: number | null;
  /** "who2006" below 60 months (or age unknown), "who2007" from 60 months. */
  reference: "who2006" | "who2007";
  clenhei: number | null;
  cbmi: number | null;
  c9mo: 0 | 1;
  zlen: number | null;
  zlenRounded: number | null;
  flen: Flag;
  zwei: number | null;
  zweiRounded: number | null;
  fwei: Flag;
  zwfl: number | null;
  zwflRounded: number | null;
  fwfl: Flag;
  zbmi: number | null;
  zbmiRounded: number | null;
  fbmi: Flag;
  zhc: number | null;
  zhcRounded: number | null;
  fhc: Flag;
  zac: number | null;
  zacRounded: number | null;
  fac: Flag;
  zhfa: number | null;
  zhfaRounded: number | null;
  fhfa: Flag;
  zwfa: number | null;
  zwfaRounded: number | null;
  fwfa: Flag;
  zbfa: number | null;
  zbfaRounded: number | null;
  fbfa: Flag;
  /** Permenkes 2/2020 category codes (e.g. "tbu.pendek"), null when not applicable. */
  categories: {
    tbu: string | null;
    bbu: string | null;
    bbtb: string | null;
    imtu: string | null;
  };
}

let scratchIn: GrowthInputColumns | undefined;
let scratchOut: ReturnType<typeof createResultColumns> | undefined;

// Module-level helpers (no closures per call: zscores() may run in loops).
function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
function flagOrNull(f: number): Flag {
  return f === 1 ? 1 : f === 0 ? 0 : null;
}
function zOf(col: Float64Array): number | null {
  return orNull(col[0] as number);
}
/** `+ 0` turns R's −0 (e.g. round(−0.004, 2)) into 0; they compare equal anyway. */
function rOf(col: Float64Array): number | null {
  return orNull(roundR2(col[0] as number) + 0);
}
function codeOf(col: Uint8Array): string | null {
  return bandById(col[0] as number)?.code ?? null;
}

export function zscores(input: ZScoreInput): ZScoreResult {
  scratchIn ??= createInputColumns(1);
  scratchOut ??= createResultColumns(1);
  const inp = scratchIn;
  const out = scratchOut;
  const sx = sexCode(input.sex);
  const days = nonNegative(input.ageDays);
  const months = nonNegative(input.ageMonths);
  inp.sex[0] = sx;
  inp.ageDays[0] = days;
  inp.ageMonths[0] = months;
  inp.weightKg[0] = nonNegative(input.weightKg);
  inp.lenheiCm[0] = nonNegative(input.lenheiCm);
  inp.measure[0] = measureCode(input.measure);
  inp.oedema[0] = oedemaCode(input.oedema);
  inp.headcCm[0] = nonNegative(input.headcCm);
  inp.muacCm[0] = nonNegative(input.muacCm);
  computeGrowthBatch(inp, out, 0, 1);

  const ageMonths = !Number.isNaN(days) ? days / 30.4375 : months;
  const ageDays = !Number.isNaN(days) ? roundUp(days) : roundUp(months * 30.4375);
  return {
    sex: sx === 0 ? null : sx,
    ageDays: orNull(ageDays),
    ageMonths: orNull(ageMonths),
    reference: ageMonths >= 60 ? "who2007" : "who2006",
    clenhei: zOf(out.clenhei),
    cbmi: zOf(out.cbmi),
    c9mo: out.c9mo[0] === 1 ? 1 : 0,
    zlen: zOf(out.zlen),
    zlenRounded: rOf(out.zlen),
    flen: flagOrNull(out.flen[0] as number),
    zwei: zOf(out.zwei),
    zweiRounded: rOf(out.zwei),
    fwei: flagOrNull(out.fwei[0] as number),
    zwfl: zOf(out.zwfl),
    zwflRounded: rOf(out.zwfl),
    fwfl: flagOrNull(out.fwfl[0] as number),
    zbmi: zOf(out.zbmi),
    zbmiRounded: rOf(out.zbmi),
    fbmi: flagOrNull(out.fbmi[0] as number),
    zhc: zOf(out.zhc),
    zhcRounded: rOf(out.zhc),
    fhc: flagOrNull(out.fhc[0] as number),
    zac: zOf(out.zac),
    zacRounded: rOf(out.zac),
    fac: flagOrNull(out.fac[0] as number),
    zhfa: zOf(out.zhfa),
    zhfaRounded: rOf(out.zhfa),
    fhfa: flagOrNull(out.fhfa[0] as number),
    zwfa: zOf(out.zwfa),
    zwfaRounded: rOf(out.zwfa),
    fwfa: flagOrNull(out.fwfa[0] as number),
    zbfa: zOf(out.zbfa),
    zbfaRounded: rOf(out.zbfa),
    fbfa: flagOrNull(out.fbfa[0] as number),
    categories: {
      tbu: codeOf(out.tbu),
      bbu: codeOf(out.bbu),
      bbtb: codeOf(out.bbtb),
      imtu: codeOf(out.imtu),
    },
  };
}
