import { fromDayNumber, toDayNumber } from "@tumbuh/core";
import type { Rng } from "./random";

/** What every part of one generation run shares: the dates, the id counter, the NIK and KK numbers taken. */
export interface GenerationContext {
  today: number;
  /** Last day anything may have happened on: the day before "today". */
  yesterday: number;
  /** Day number of the first day of each of the 24 measured months, oldest first. */
  monthStarts: number[];
  /** Earliest birth day of a child still under five today. */
  minBirth: number;
  /** Earliest birth day of a child under five at the start of the measured months (later aged out). */
  firstBirth: number;
  nextId: () => string;
  kecamatanCodes: readonly string[];
  niks: Set<string>;
  kkNumbers: Set<string>;
}

export const MEASURED_MONTHS = 24;

export function windowOf(today: string): { monthStarts: number[]; minBirth: number; firstBirth: number } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const last = y * 12 + (m - 1) - 1;
  const monthStarts: number[] = [];
  for (let k = MEASURED_MONTHS - 1; k >= 0; k--) {
    const i = last - k;
    monthStarts.push(toDayNumber(`${Math.floor(i / 12)}-${pad((i % 12) + 1, 2)}-01`));
  }
  // Under five today: born after the same date five years ago.
  return {
    monthStarts,
    minBirth: sameDateYearsLater(toDayNumber(today), -5) + 1,
    firstBirth: sameDateYearsLater(monthStarts[0] as number, -5) + 1,
  };
}

/**
 * The same calendar date `years` later (or earlier): the day a child born on `day` completes that many
 * years, as core's `completedMonths` counts (29 February → 1 March in other years).
 */
export function sameDateYearsLater(day: number, years: number): number {
  const [y, m, d] = iso(day).split("-").map(Number) as [number, number, number];
  const first = toDayNumber(`${y + years}-${pad(m, 2)}-01`);
  const next = toDayNumber(`${m === 12 ? y + years + 1 : y + years}-${pad((m % 12) + 1, 2)}-01`);
  return Math.min(first + d - 1, next);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

const isoCache = new Map<number, string>();

/** Day number → YYYY-MM-DD (memoised: a run touches a few thousand distinct days, hundreds of thousands of times). */
export function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    isoCache.set(day, s);
  }
  return s;
}

const PAD2 = Array.from({ length: 60 }, (_, i) => pad(i, 2));
const PAD3 = Array.from({ length: 1000 }, (_, i) => pad(i, 3));

/** An ISO timestamp on `day` during posyandu or office hours in Paser (UTC+8): 00:00–08:59 UTC. */
export function stamp(rng: Rng, day: number): string {
  return `${iso(day)}T0${rng.int(0, 8)}:${PAD2[rng.int(0, 59)]}:${PAD2[rng.int(0, 59)]}.${PAD3[rng.int(0, 999)]}Z`;
}

function ddmmyy(day: number, plus: number): string {
  const [y, m, d] = iso(day).split("-") as [string, string, string];
  return `${pad(Number(d) + plus, 2)}${m}${y.slice(2)}`;
}

/** A NIK with the structure of UU 24/2013: kecamatan digits + DDMMYY (day + 40 for women) + serial. */
export function makeNik(
  ctx: GenerationContext,
  rng: Rng,
  kecamatanCode: string,
  birthDay: number,
  sex: 1 | 2,
) {
  const head = kecamatanCode.replaceAll(".", "") + ddmmyy(birthDay, sex === 2 ? 40 : 0);
  for (;;) {
    const nik = head + pad(rng.int(1, 2999), 4);
    if (!ctx.niks.has(nik)) {
      ctx.niks.add(nik);
      return nik;
    }
  }
}

/** A family card number: kecamatan digits + issue date DDMMYY + serial. */
export function makeKk(ctx: GenerationContext, rng: Rng, kecamatanCode: string, issuedDay: number) {
  const head = kecamatanCode.replaceAll(".", "") + ddmmyy(issuedDay, 0);
  for (;;) {
    const kk = head + pad(rng.int(1, 2999), 4);
    if (!ctx.kkNumbers.has(kk)) {
      ctx.kkNumbers.add(kk);
      return kk;
    }
  }
}

/** floor(x) plus one with probability frac(x): keeps expected counts exact in small places. */
export function stochasticRound(rng: Rng, x: number): number {
  const f = Math.floor(x);
  return f + (rng.chance(x - f) ? 1 : 0);
}
