import { type CurveIndicator, lmsAt, measureAtZ, zLmsRestricted } from "@tumbuh/growth";
import { clamp, type Rng, roundTo } from "./random";

/**
 * A child's growth as a z-score trajectory, turned into measurements with the WHO LMS tables.
 *
 * Length/height-for-age z = a persistent child-specific level + the typical Indonesian decline from birth
 * to 24 months (flat afterwards) + a slow child-specific slope + a mean-reverting monthly drift. The
 * level is calibrated so that about 20% of children are stunted (z < −2) at their latest measurement,
 * as in SSGI 2022–2023. Weight-for-length/height z is correlated with it, with its own drift and with
 * faltering episodes: the weight stays flat for 2–3 months (KMS "T T", referred as 2T), then recovers.
 */
export interface ChildTraits {
  sex: 1 | 2;
  /** Birth date as a day number (days since 1970-01-01). */
  birthDay: number;
  hazLevel: number;
  hazSlopePerYear: number;
  whzLevel: number;
  /** Per-month probability of starting a faltering episode. */
  falterRate: number;
}

/** The typical fall of length-for-age from birth to 2 years (Indonesian survey curves). */
export const HAZ_DECLINE_TO_24_MONTHS = 0.75;

export function drawTraits(
  rng: Rng,
  sex: 1 | 2,
  birthDay: number,
  shift: { haz: number; whz: number },
): ChildTraits {
  const hazLevel = rng.normal(-0.28 + shift.haz, 1.0);
  return {
    sex,
    birthDay,
    hazLevel,
    hazSlopePerYear: rng.normal(0, 0.12),
    whzLevel: clamp(rng.normal(-0.3 + shift.whz, 0.85) + 0.25 * (hazLevel + 0.5), -4, 3.5),
    falterRate: hazLevel < -1.5 ? 0.02 : 0.01,
  };
}

/** The child's true state at one posyandu day. */
export interface GrowthState {
  day: number;
  ageDays: number;
  haz: number;
  whz: number;
  /** True length (lying) below 731 days, true height (standing) from 731 days: the WHO table's position. */
  lenhei: number;
  weight: number;
}

const DAYS_PER_MONTH = 30.4375;
const STANDING_FROM_DAY = 731;

function lms(indicator: CurveIndicator, sex: 1 | 2, x: number) {
  const v = lmsAt(indicator, sex, x);
  if (!v) throw new RangeError(`${indicator} has no LMS at ${x}`);
  return v;
}

/** Weight-for-length below 2 years, weight-for-height from 2 years, inside the tables' cm range. */
function weightLms(sex: 1 | 2, ageDays: number, lenhei: number) {
  return ageDays < STANDING_FROM_DAY
    ? lms("wfl", sex, roundTo(clamp(lenhei, 45, 110), 1))
    : lms("wfh", sex, roundTo(clamp(lenhei, 65, 120), 1));
}

/**
 * The true state on each of `days` (one posyandu day per month, oldest first); null where the child was
 * not yet born or no longer under five (from `untilDay`). The drift runs through every month, weighed or not.
 */
export function simulateGrowth(
  rng: Rng,
  t: ChildTraits,
  days: readonly number[],
  untilDay: number,
): (GrowthState | null)[] {
  const out: (GrowthState | null)[] = [];
  let hazDrift = Number.NaN;
  let whzDrift = 0;
  let falterOffset = 0;
  let falterLeft = 0;
  let lastLying = 0;
  let lastWeight = 0;
  for (const day of days) {
    const ageDays = day - t.birthDay;
    if (ageDays <= 0 || day >= untilDay) {
      out.push(null);
      continue;
    }
    const months = ageDays / DAYS_PER_MONTH;
    if (Number.isNaN(hazDrift)) {
      // First month seen: the drift has been running since birth.
      hazDrift = rng.normal(0, 0.2 * Math.sqrt(Math.min(1, months / 12)));
      whzDrift = rng.normal(0, 0.2);
    } else {
      hazDrift = hazDrift * 0.93 + rng.normal(0, 0.07);
      whzDrift = whzDrift * 0.9 + rng.normal(0, 0.06);
    }
    const haz = clamp(
      t.hazLevel -
        (HAZ_DECLINE_TO_24_MONTHS * Math.min(months, 24)) / 24 +
        (t.hazSlopePerYear * months) / 12 +
        hazDrift,
      -5,
      4,
    );
    const l = lms("lhfa", t.sex, ageDays);
    let lenhei = measureAtZ(haz, l.l, l.m, l.s, false);
    // Children do not shrink: compare on the lying scale (standing is 0.7 cm less).
    const standing = ageDays >= STANDING_FROM_DAY;
    const lying = Math.max(lenhei + (standing ? 0.7 : 0), lastLying + 0.1);
    lenhei = lying - (standing ? 0.7 : 0);
    lastLying = lying;

    const w = weightLms(t.sex, ageDays, lenhei);
    let whz = clamp(t.whzLevel + whzDrift + falterOffset, -5, 4.5);
    let weight = measureAtZ(whz, w.l, w.m, w.s, true);
    if (falterLeft === 0 && lastWeight > 0 && months >= 3 && rng.chance(t.falterRate)) {
      falterLeft = rng.chance(0.7) ? 2 : 3;
    }
    if (falterLeft > 0 && lastWeight > 0) {
      // Faltering: the weight does not rise (or drops a little); the child's weight-for-length falls.
      weight = Math.max(1.5, lastWeight + rng.float() * 0.2 - 0.17);
      whz = zLmsRestricted(weight, w.l, w.m, w.s);
      falterOffset = whz - (t.whzLevel + whzDrift);
      falterLeft--;
    } else {
      falterOffset *= 0.75;
    }
    lastWeight = weight;
    out.push({ day, ageDays, haz, whz, lenhei, weight });
  }
  return out;
}

export interface Reading {
  ageDays: number;
  weightKg: number | null;
  lenheiCm: number | null;
  measure: "l" | "h" | null;
  muacCm: number | null;
}

/**
 * What the cadre writes down on `day` (near the state's day): weight to 0.1 kg (dacin), length lying below
 * 2 years and height standing from 2 years (about 3% the other way), read to 0.1 cm; MUAC sometimes.
 */
export function readMeasurement(rng: Rng, t: ChildTraits, s: GrowthState, day: number): Reading {
  const ageDays = day - t.birthDay;
  const lying = s.lenhei + (s.ageDays >= STANDING_FROM_DAY ? 0.7 : 0);
  const proper = ageDays >= STANDING_FROM_DAY ? "h" : "l";
  const wrong = rng.chance(0.03);
  const measure: "l" | "h" = wrong ? (proper === "l" ? "h" : "l") : proper;
  const noLength = rng.chance(0.02);
  const lenheiCm = noLength ? null : roundTo(lying - (measure === "h" ? 0.7 : 0) + rng.normal(0, 0.35), 1);
  const weightKg = roundTo(Math.max(1, s.weight + rng.normal(0, 0.04)), 1);
  let muacCm: number | null = null;
  if (ageDays >= 182 && rng.chance(0.2)) {
    const a = lmsAt("acfa", t.sex, ageDays);
    if (a) muacCm = roundTo(measureAtZ(0.85 * s.whz + rng.normal(0, 0.45), a.l, a.m, a.s, true), 1);
  }
  return { ageDays, weightKg, lenheiCm, measure: noLength ? null : measure, muacCm };
}

export type SlipKind = "weight_x10" | "weight_div10" | "length_mm" | "swapped";

/** A data-entry slip that makes a value biologically implausible (WHO flags catch it). */
export function slip(r: Reading, kind: SlipKind): Reading {
  switch (kind) {
    case "weight_x10":
      return { ...r, weightKg: r.weightKg === null ? null : roundTo(r.weightKg * 10, 1) };
    case "weight_div10":
      return { ...r, weightKg: r.weightKg === null ? null : roundTo(r.weightKg / 10, 2) };
    case "length_mm":
      return { ...r, lenheiCm: r.lenheiCm === null ? null : roundTo(r.lenheiCm * 10, 0) };
    case "swapped":
      return { ...r, weightKg: r.lenheiCm, lenheiCm: r.weightKg };
  }
}
