import { faltering, type ZScoreResult, zscores } from "@tumbuh/growth";
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
  const ageDays = daysBetween(person.birthDate, m.measuredOn);
  const r: ZScoreResult = zscores({
    sex: person.sex,
    ageDays,
    weightKg: m.weightKg,
    lenheiCm: m.lenheiCm,
    measure: m.measure,
    oedema: m.oedema,
    headcCm: m.headcCm,
    muacCm: m.muacCm,
  });
  const flags: string[] = [];
  for (const [name, f] of [
    ["zlen", r.flen],
    ["zwei", r.fwei],
    ["zwfl", r.fwfl],
    ["zbmi", r.fbmi],
    ["zhc", r.fhc],
    ["zac", r.fac],
    ["zhfa", r.fhfa],
    ["zwfa", r.fwfa],
    ["zbfa", r.fbfa],
  ] as const) {
    if (f === 1) flags.push(name);
  }
  return {
    ageDays,
    clenhei: r.clenhei,
    zlen: r.zlenRounded ?? r.zhfaRounded,
    zwei: r.zweiRounded ?? r.zwfaRounded,
    zwfl: r.zwflRounded,
    zbmi: r.zbmiRounded ?? r.zbfaRounded,
    flags,
    ...r.categories,
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
