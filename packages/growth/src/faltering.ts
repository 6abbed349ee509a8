/**
 * Growth faltering at the posyandu (KMS weight monitoring): each weighing is
 * N, T, O or B, and two consecutive T ("2T") mean referral.
 *
 * Letters of the posyandu monthly report (SKDN, format F2 "Rekapitulasi hasil
 * penimbangan", Kemenkes; also the KMS guidance of Permenkes 155/2010):
 * O = "ditimbang bulan ini, tidak hadir bulan lalu" (not weighed last month,
 * so no gain can be judged); B = "baru pertama kali hadir di penimbangan bulan
 * ini", the first weighing on record — unless that weighing came from an
 * e-PPGBM import: an imported history is a child already known to a posyandu,
 * not a new one, so it is O. 2T = "tidak naik 2 kali berturut-turut", a T whose
 * comparison weighing (in the previous calendar month) was also T.
 *
 * N and T follow the Buku KIA (Kemenkes, 2023 print of 6 May 2023, p. 54, the
 * KMS page): "NAIK (N): Grafik BB mengikuti garis pertumbuhan atau Kenaikan BB
 * sama dengan KBM (Kenaikan BB Minimal) atau lebih"; "TIDAK NAIK (T): Grafik
 * BB mendatar atau menurun memotong garis pertumbuhan di bawahnya atau
 * Kenaikan BB kurang dari KBM"; and "KBM digunakan bila ada keraguan
 * menginterpretasikan arah kurva pertumbuhan" — the line comes first. So:
 *  - the weight is flat or falls (gain ≤ 0 g) while its line rises: T
 *    ("mendatar atau menurun");
 *  - else it FOLLOWS ITS LINE when it is at least the weight that keeps the
 *    previous weighing's weight-for-age z (WHO 2006, the KMS curves of
 *    Permenkes 2/2020) at today's age, less one scale division
 *    (`LINE_TOLERANCE_KG`): N ("mengikuti garis pertumbuhan");
 *  - else the KBM decides: gain ≥ KBM → N, less → T.
 * Why one scale division (0.1 kg): posyandu scales (dacin, the Buku KIA's BB
 * column) read to 0.1 kg, so two weighings on the same line can differ from
 * it by up to one division; a drop larger than that is visible on the KMS as
 * a line that bends down, and then the KBM settles the doubt as the book says.
 * A child growing exactly along any WHO line is therefore N at every month
 * (property-tested), which the KBM alone did not give: the WHO median gains
 * < 200 g/month from about 24 months, so KBM-only marked it T.
 * Without the child's sex the line cannot be drawn and the KBM alone decides.
 *
 * Rules made explicit here:
 *  - "Last month" is the previous CALENDAR month of the weighing date. The
 *    comparison weighing is the latest one in an earlier calendar month; a
 *    second weighing in the same month is judged against that same earlier
 *    weighing, not against the first weighing of its own month.
 *  - The KBM (`data/kbm.ts`) is taken at the child's age on the CURRENT
 *    weighing, by default in COMPLETED months (`completedMonths`: 1 month on the
 *    first monthly anniversary; born 31 Jan → 1 month on 29 Feb). Age 0 uses
 *    the 1-month KBM. The KMS card itself numbers columns by calendar month
 *    since the birth month; pass `{ age: "calendar" }` to use that instead.
 *  - The gain is rounded to whole grams before comparing, so that 5.6 − 4.8 kg
 *    (0.7999999999999998 in binary) is 800 g, not less.
 */
import { calendarMonths, completedMonths, daysBetween, parseIsoDate } from "./age";
import { lmsAt } from "./curves";
import { kbmGrams } from "./data/kbm";
import { sdLms, zLms } from "./lms";

/** One division of a posyandu scale: how far below its line a weight may read and still follow it. */
export const LINE_TOLERANCE_KG = 0.1;

/** Why a weighing got its letter (for the explanation shown to the cadre). */
export type FalteringReason =
  | "first" // B: first weighing on record
  | "imported_first" // O: first weighing here, but its history came from an e-PPGBM import
  | "skipped" // O: not weighed last month
  | "flat_or_falling" // T: gain ≤ 0
  | "follows_line" // N: on or above its weight-for-age line (less one scale division)
  | "kbm_reached" // N: below its line, but gained at least the KBM
  | "below_kbm"; // T: below its line and gained less than the KBM

export type WeighingStatus = "N" | "T" | "O" | "B";

/** Status of a first weighing (no earlier one on record). */
const FIRST = "B";
/** Status when the previous weighing is not in the previous calendar month. */
const SKIPPED = "O";

export const WEIGHING_STATUS_LABELS: Readonly<Record<WeighingStatus, { id: string; en: string }>> = {
  N: { id: "Naik", en: "Gained (at least the minimum gain)" },
  T: { id: "Tidak naik", en: "Did not gain enough" },
  O: { id: "Tidak ditimbang bulan lalu", en: "Not weighed last month" },
  B: { id: "Baru pertama kali ditimbang", en: "First weighing" },
};

export interface Weighing {
  /** YYYY-MM-DD */
  date: string;
  weightKg: number;
  /** YYYY-MM-DD */
  birthDate: string;
  /** 1 boy, 2 girl: needed to draw the growth line (without it the KBM alone decides). */
  sex?: 1 | 2;
  /** The weighing came from an e-PPGBM import (a known child's history, not a new arrival). */
  imported?: boolean;
}

export interface FalteringEntry {
  date: string;
  weightKg: number;
  /** Age used for the KBM, in months (per `FalteringOptions.age`). */
  ageMonths: number;
  status: WeighingStatus;
  /** Date of the weighing compared with (N/T only). */
  previousDate: string | null;
  /** Rounded to whole grams (N/T only). */
  gainGrams: number | null;
  /** Minimum gain required (N/T only). */
  kbmGrams: number | null;
  /** This weighing and the one compared with are both T: refer. */
  twoT: boolean;
  reason: FalteringReason;
  /** The weight (kg, 3 decimals) that would keep the previous weighing's line today (N/T with sex only). */
  lineWeightKg: number | null;
}

export interface FalteringResult {
  /** One entry per weighing, sorted by date. */
  entries: FalteringEntry[];
  /** The latest weighing is 2T (refer now). */
  twoT: boolean;
  /** Any weighing in the history was 2T. */
  anyTwoT: boolean;
}

export interface FalteringOptions {
  /** Age convention for the KBM lookup; default "completed". */
  age?: "completed" | "calendar";
  /** Scale division used as the line tolerance (kg); default `LINE_TOLERANCE_KG`. */
  lineToleranceKg?: number;
}

/** Weight-for-age LMS at an age in days (WHO 2006 table: 0–1856 days), or null beyond it. */
function wfaAt(sex: 1 | 2, ageDays: number) {
  return lmsAt("wfa", sex, ageDays);
}

/** The weight at `date` on the weight-for-age line the previous weighing was on. */
export function lineWeight(
  sex: 1 | 2,
  birthDate: string,
  previous: { date: string; weightKg: number },
  date: string,
): number | null {
  const before = wfaAt(sex, daysBetween(birthDate, previous.date));
  const now = wfaAt(sex, daysBetween(birthDate, date));
  if (before === null || now === null) return null;
  const z = zLms(previous.weightKg, before.l, before.m, before.s);
  return Number.isFinite(z) ? sdLms(z, now.l, now.m, now.s) : null;
}

function monthIndex(date: string): number {
  const [y, m] = parseIsoDate(date);
  return y * 12 + (m - 1);
}

export function faltering(history: readonly Weighing[], options: FalteringOptions = {}): FalteringResult {
  const ageOf = options.age === "calendar" ? calendarMonths : completedMonths;
  const tolerance = options.lineToleranceKg ?? LINE_TOLERANCE_KG;
  const sorted = history
    .map((w, i) => ({ w, i, month: monthIndex(w.date) }))
    .sort((a, b) => (a.w.date < b.w.date ? -1 : a.w.date > b.w.date ? 1 : a.i - b.i));

  const entries: FalteringEntry[] = [];
  // Index in `entries` of the latest weighing of the most recent month before
  // the current one, and the latest weighing of the current month.
  let basePrevMonth = -1;
  let lastOfMonth = -1;
  let currentMonth = Number.NaN;
  for (const { w, month } of sorted) {
    if (!(Number.isFinite(w.weightKg) && w.weightKg > 0)) {
      throw new RangeError(`weighing on ${w.date}: weight must be a positive number`);
    }
    const age = ageOf(w.birthDate, w.date);
    if (age < 0) throw new RangeError(`weighing on ${w.date} is before the birth date ${w.birthDate}`);
    if (month !== currentMonth) {
      basePrevMonth = lastOfMonth;
      currentMonth = month;
    }
    const base = basePrevMonth >= 0 ? entries[basePrevMonth] : undefined;
    let entry: FalteringEntry;
    if (base === undefined) {
      entry = w.imported ? entryOf(w, age, SKIPPED, "imported_first") : entryOf(w, age, FIRST, "first");
    } else if (monthIndex(base.date) !== month - 1) {
      entry = entryOf(w, age, SKIPPED, "skipped");
    } else {
      const gain = Math.round((w.weightKg - base.weightKg) * 1000);
      const kbm = kbmGrams(age);
      const line = w.sex ? lineWeight(w.sex, w.birthDate, base, w.date) : null;
      // Grams, so that float noise never decides a boundary.
      const followsLine =
        line !== null && Math.round(w.weightKg * 1000) >= Math.round((line - tolerance) * 1000);
      // Flat or falling is T unless the line itself is flat — rises less than half a scale division, which
      // happens only over the first days after birth (over a month every WHO line rises ≥ 90 g) — and the
      // weight keeps to it: then the weight follows its line.
      const lineGain = line === null ? null : Math.round((line - base.weightKg) * 1000);
      const flatLine = lineGain !== null && lineGain < (tolerance * 1000) / 2;
      const flat = gain <= 0 && !(flatLine && followsLine);
      const reason: FalteringReason = flat
        ? "flat_or_falling"
        : followsLine
          ? "follows_line"
          : gain >= kbm
            ? "kbm_reached"
            : "below_kbm";
      const status: WeighingStatus = reason === "follows_line" || reason === "kbm_reached" ? "N" : "T";
      entry = {
        reason,
        lineWeightKg: line === null ? null : Math.round(line * 1000) / 1000,
        date: w.date,
        weightKg: w.weightKg,
        ageMonths: age,
        status,
        previousDate: base.date,
        gainGrams: gain,
        kbmGrams: kbm,
        twoT: status === "T" && base.status === "T",
      };
    }
    entries.push(entry);
    lastOfMonth = entries.length - 1;
  }
  const last = entries[entries.length - 1];
  return { entries, twoT: last?.twoT ?? false, anyTwoT: entries.some((e) => e.twoT) };
}

function entryOf(w: Weighing, age: number, status: "O" | "B", reason: FalteringReason): FalteringEntry {
  return {
    reason,
    lineWeightKg: null,
    date: w.date,
    weightKg: w.weightKg,
    ageMonths: age,
    status,
    previousDate: null,
    gainGrams: null,
    kbmGrams: null,
    twoT: false,
  };
}
