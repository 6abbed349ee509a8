import {
  bandById,
  computeGrowthBatch,
  createInputColumns,
  createResultColumns,
  faltering,
  type GrowthInputColumns,
  type GrowthResultColumns,
  measureCode,
  nonNegative,
  oedemaCode,
  roundR2,
  sexCode,
} from "@tumbuh/growth";
import { daysBetween } from "./dates";
import type { MeasurementView, WeighingStatus } from "./registry-views";

/** Bump when @tumbuh/growth changes its results, so stored derived columns are recomputed. */
export const GROWTH_VERSION = 1;

export interface RawMeasurement {
  id: string;
  measuredOn: string;
  weightKg: number | null;
  lenheiCm: number | null;
  measure: "l" | "h" | null;
  muacCm: number | null;
  headcCm: number | null;
  oedema: boolean;
  measuredBy: string | null;
  /** Came from an e-PPGBM import: a known child's history, so its first weighing is not "B" (baru). */
  imported?: boolean;
}

export interface Derived {
  ageDays: number;
  /** Length/height after the WHO 0.7 cm lying/standing adjustment: what the curves are drawn against. */
  clenhei: number | null;
  /** Rounded z: WHO 2006 below 60 months, WHO 2007 from 60 months. */
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  flags: string[];
  tbu: string | null;
  bbu: string | null;
  bbtb: string | null;
  imtu: string | null;
}

/** Everything derived from one measurement's raw values by the growth engine. */
export function derive(person: { sex: 1 | 2; birthDate: string }, m: RawMeasurement): Derived {
  return deriveMany([{ person, m }])[0] as Derived;
}

/** Columns for one row, reused: `derive` runs in loops (a child's history, the demo's population). */
let single: { inp: GrowthInputColumns; out: GrowthResultColumns } | undefined;

/**
 * `derive` of many measurements (each with its child) at once: the growth engine runs once over all of
 * them, and only the values kept are read from its columns (an import derives a regency's month; building
 * `zscores`' full result object per row cost more than the z-scores themselves; issue 16).
 */
export function deriveMany(
  items: readonly { person: { sex: 1 | 2; birthDate: string }; m: RawMeasurement }[],
): Derived[] {
  const n = items.length;
  if (n === 1) single ??= { inp: createInputColumns(1), out: createResultColumns(1) };
  const { inp, out } =
    n === 1 && single ? single : { inp: createInputColumns(n), out: createResultColumns(n) };
  const ages = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const { person, m } = items[i] as (typeof items)[number];
    const ageDays = daysBetween(person.birthDate, m.measuredOn);
    ages[i] = ageDays;
    // As `zscores` reads its input object (growth zscores.ts).
    inp.sex[i] = sexCode(person.sex);
    inp.ageDays[i] = nonNegative(ageDays);
    inp.ageMonths[i] = Number.NaN;
    inp.weightKg[i] = nonNegative(m.weightKg);
    inp.lenheiCm[i] = nonNegative(m.lenheiCm);
    inp.measure[i] = measureCode(m.measure);
    inp.oedema[i] = oedemaCode(m.oedema);
    inp.headcCm[i] = nonNegative(m.headcCm);
    inp.muacCm[i] = nonNegative(m.muacCm);
  }
  computeGrowthBatch(inp, out, 0, n);
  const derived = new Array<Derived>(n);
  for (let i = 0; i < n; i++) derived[i] = derivedAt(out, i, ages[i] as number);
  return derived;
}

/** A z-score rounded as WHO Anthro shows it (R's round(z, 2)); `+ 0` turns −0 into 0. Null when missing. */
function rounded(col: Float64Array, i: number): number | null {
  const z = col[i] as number;
  return Number.isNaN(z) ? null : roundR2(z) + 0;
}

function category(col: Uint8Array, i: number): string | null {
  return bandById(col[i] as number)?.code ?? null;
}

/** Flag names and their columns (a flag is raised when its column holds 1). */
const FLAGS = [
  ["zlen", "flen"],
  ["zwei", "fwei"],
  ["zwfl", "fwfl"],
  ["zbmi", "fbmi"],
  ["zhc", "fhc"],
  ["zac", "fac"],
  ["zhfa", "fhfa"],
  ["zwfa", "fwfa"],
  ["zbfa", "fbfa"],
] as const;

/** Row `i` of the engine's columns as what is kept: WHO 2006 below 60 months, WHO 2007 from 60 months. */
function derivedAt(out: GrowthResultColumns, i: number, ageDays: number): Derived {
  const flags: string[] = [];
  // An index loop: destructuring each pair made an iterator and an array per measurement.
  for (let f = 0; f < FLAGS.length; f++) {
    const flag = FLAGS[f] as (typeof FLAGS)[number];
    if (out[flag[1]][i] === 1) flags.push(flag[0]);
  }
  const clenhei = out.clenhei[i] as number;
  return {
    ageDays,
    clenhei: Number.isNaN(clenhei) ? null : clenhei,
    zlen: rounded(out.zlen, i) ?? rounded(out.zhfa, i),
    zwei: rounded(out.zwei, i) ?? rounded(out.zwfa, i),
    zwfl: rounded(out.zwfl, i),
    zbmi: rounded(out.zbmi, i) ?? rounded(out.zbfa, i),
    flags,
    tbu: category(out.tbu, i),
    bbu: category(out.bbu, i),
    bbtb: category(out.bbtb, i),
    imtu: category(out.imtu, i),
  };
}

/**
 * Measurement views for one child, oldest first, with N/T/O/B from the weights in order. `only` limits the
 * (costlier) growth computation to the views a caller needs — lists need just the latest — while N/T/O/B
 * and 2T still come from the whole history.
 */
export function measurementViews(
  person: { sex: 1 | 2; birthDate: string },
  raws: readonly RawMeasurement[],
  only: "all" | "latest" = "all",
): { views: MeasurementView[]; twoT: boolean } {
  const sorted = [...raws].sort((a, b) =>
    a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0,
  );
  const weighed = sorted.filter(
    (m) => m.weightKg !== null && m.weightKg > 0 && m.measuredOn >= person.birthDate,
  );
  const f = faltering(
    weighed.map((m) => ({
      date: m.measuredOn,
      weightKg: m.weightKg as number,
      birthDate: person.birthDate,
      sex: person.sex,
      imported: m.imported === true,
    })),
  );
  const status = new Map<string, WeighingStatus>();
  weighed.forEach((m, i) => {
    const e = f.entries[i];
    if (e) status.set(m.id, e.status);
  });
  const wanted = only === "latest" ? sorted.slice(-1) : sorted;
  const views = wanted.map((m): MeasurementView => {
    const d = derive(person, m);
    return {
      id: m.id,
      measuredOn: m.measuredOn,
      ageDays: d.ageDays,
      ageMonths: Math.round((d.ageDays / 30.4375) * 10) / 10,
      weightKg: m.weightKg,
      lenheiCm: m.lenheiCm,
      measure: m.measure,
      muacCm: m.muacCm,
      headcCm: m.headcCm,
      oedema: m.oedema,
      measuredBy: m.measuredBy,
      z: { lenhei: d.zlen, weight: d.zwei, wfl: d.zwfl, bmi: d.zbmi },
      categories: { tbu: d.tbu, bbu: d.bbu, bbtb: d.bbtb, imtu: d.imtu },
      flags: d.flags,
      weighing: status.get(m.id) ?? null,
    };
  });
  return { views, twoT: f.twoT };
}
