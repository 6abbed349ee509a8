/**
 * Growth faltering at the posyandu (KMS weight monitoring): each weighing is
 * N, T, O or B, and two consecutive T ("2T") mean referral.
 *
 * Letters of the posyandu monthly report (SKDN, format F2 "Rekapitulasi hasil
 * penimbangan", Kemenkes; also the KMS guidance of Permenkes 155/2010):
 * N = naik, weighed and gained at least the KBM; T = tidak naik, gained less
 * than the KBM (or lost); O = "ditimbang bulan ini, tidak hadir bulan lalu"
 * (not weighed last month, so no gain can be judged); B = "baru", the first
 * weighing on record. 2T = "tidak naik 2 kali berturut-turut", a T whose
 * comparison weighing (in the previous calendar month) was also T.
 * (Issue 3 listed "O/B" as first weighing / absent last month; the SKDN letters
 * that cadres and the F2 report use are followed here.)
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
import { calendarMonths, completedMonths, parseIsoDate } from "./age";
import { kbmGrams } from "./data/kbm";

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
}

function monthIndex(date: string): number {
  const [y, m] = parseIsoDate(date);
  return y * 12 + (m - 1);
}

export function faltering(history: readonly Weighing[], options: FalteringOptions = {}): FalteringResult {
  const ageOf = options.age === "calendar" ? calendarMonths : completedMonths;
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
      entry = entryOf(w, age, FIRST);
    } else if (monthIndex(base.date) !== month - 1) {
      entry = entryOf(w, age, SKIPPED);
    } else {
      const gain = Math.round((w.weightKg - base.weightKg) * 1000);
      const kbm = kbmGrams(age);
      const status: WeighingStatus = gain >= kbm ? "N" : "T";
      entry = {
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

function entryOf(w: Weighing, age: number, status: "O" | "B"): FalteringEntry {
  return {
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
