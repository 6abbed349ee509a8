import { z } from "zod";

/**
 * The one way a reporting period is written everywhere (scorecard, indicators, reports, exports, CLI, URLs):
 *   "2025-07"  a month    — posyandu weighing month, monthly monitoring (PALI Pasal 37)
 *   "2025-Q3"  a quarter  — three-monthly evaluation meeting (PALI Pasal 38)
 *   "2025-S1"  a semester — twice-yearly reports and meetings (PALI Pasal 39; Paser Pasal 46)
 *   "2025"     a year     — yearly targets and reports (Paser Pasal 6; PALI Pasal 40)
 */
export type PeriodKind = "month" | "quarter" | "semester" | "year";

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])))?$/;

export const AnyPeriod = z
  .string()
  .regex(
    PATTERN,
    "period: expected YYYY, YYYY-MM, YYYY-Qn or YYYY-Sn (e.g. 2025, 2025-06, 2025-Q3, 2025-S1)",
  );
export type AnyPeriod = z.infer<typeof AnyPeriod>;

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** 1-based month of the year of the period's first month. */
  firstMonth: number;
  /** Number of months the period spans. */
  length: number;
  /** Month 1–12, quarter 1–4, semester 1–2; 1 for a year. */
  index: number;
}

export function parsePeriod(period: string): ParsedPeriod | null {
  const m = PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: "month", year, firstMonth: Number(m[2]), length: 1, index: Number(m[2]) };
  if (m[3]) {
    const q = Number(m[3]);
    return { kind: "quarter", year, firstMonth: (q - 1) * 3 + 1, length: 3, index: q };
  }
  if (m[4]) {
    const s = Number(m[4]);
    return { kind: "semester", year, firstMonth: (s - 1) * 6 + 1, length: 6, index: s };
  }
  return { kind: "year", year, firstMonth: 1, length: 12, index: 1 };
}

function mustParse(period: string): ParsedPeriod {
  const p = parsePeriod(period);
  if (!p) throw new Error(`not a period: ${period}`);
  return p;
}

export function isPeriod(period: string): boolean {
  return PATTERN.test(period);
}

export function periodKind(period: string): PeriodKind {
  return mustParse(period).kind;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The months (YYYY-MM) of a period, in order; throws on a malformed period (validate first). */
export function monthsOfPeriod(period: string): string[] {
  const p = mustParse(period);
  return Array.from({ length: p.length }, (_, i) => `${p.year}-${pad2(p.firstMonth + i)}`);
}

/** First and last calendar day of the period (inclusive), as YYYY-MM-DD. */
export function periodBounds(period: string): { start: string; end: string } {
  const p = mustParse(period);
  const lastMonth = p.firstMonth + p.length - 1;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return {
    start: `${p.year}-${pad2(p.firstMonth)}-01`,
    end: `${p.year}-${pad2(lastMonth)}-${pad2(lastDay)}`,
  };
}

/** The period's year (targets are per year). */
export function periodYear(period: string): number {
  return mustParse(period).year;
}

/** The period of the given kind that contains a month (YYYY-MM) or a date (YYYY-MM-DD). */
export function periodContaining(kind: PeriodKind, dateOrMonth: string): string {
  const year = dateOrMonth.slice(0, 4);
  const month = Number(dateOrMonth.slice(5, 7));
  switch (kind) {
    case "month":
      return `${year}-${pad2(month)}`;
    case "quarter":
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case "semester":
      return `${year}-S${month <= 6 ? 1 : 2}`;
    case "year":
      return year;
  }
}

/** The period of the same kind `by` steps later (negative: earlier). */
export function shiftPeriod(period: string, by: number): string {
  const p = mustParse(period);
  const perYear = 12 / p.length;
  const k = p.year * perYear + (p.index - 1) + by;
  const year = Math.floor(k / perYear);
  const index = (k % perYear) + 1;
  switch (p.kind) {
    case "month":
      return `${year}-${pad2(index)}`;
    case "quarter":
      return `${year}-Q${index}`;
    case "semester":
      return `${year}-S${index}`;
    case "year":
      return String(year);
  }
}

/** Month names as people write them (documents and pages use these, never a locale's abbreviations). */
export const MONTH_NAMES = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
} as const;
const ROMAN = ["I", "II", "III", "IV"] as const;

/** How a person reads the period: "Juni 2026", "Triwulan III 2026", "Semester I 2026", "Tahun 2026". */
export function periodLabel(period: string, lang: "id" | "en" = "id"): string {
  const p = mustParse(period);
  switch (p.kind) {
    case "month":
      return `${MONTH_NAMES[lang][p.index - 1]} ${p.year}`;
    case "quarter":
      return `${lang === "id" ? "Triwulan" : "Quarter"} ${ROMAN[p.index - 1]} ${p.year}`;
    case "semester":
      return `Semester ${ROMAN[p.index - 1]} ${p.year}`;
    case "year":
      return `${lang === "id" ? "Tahun" : "Year"} ${p.year}`;
  }
}

/** The `count` latest periods of a kind up to the one containing `today` (YYYY-MM-DD), newest first. */
export function recentPeriods(kind: PeriodKind, today: string, count: number): string[] {
  const current = periodContaining(kind, today);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -i));
}

// --- DHIS2 forms (the one place they are made) -------------------------------------------------------
// DHIS2 Web API, "Date and period format" and "ADX period definitions" (dhis2-docs src/developer/web-api/
// data.md, ADX data format): monthly 202509, quarterly 2025Q3, six-monthly 2025S1, yearly 2025; ADX writes a
// start date and an ISO 8601 duration, e.g. 2025-09-01/P1M, 2025-07-01/P3M, 2025-01-01/P6M, 2025-01-01/P1Y.

/** The DHIS2 period id of a period: "2025-09" → "202509", "2025-Q3" → "2025Q3", "2025-S1" → "2025S1". */
export function toDhis2Period(period: string): string {
  const p = mustParse(period);
  switch (p.kind) {
    case "month":
      return `${p.year}${pad2(p.index)}`;
    case "quarter":
      return `${p.year}Q${p.index}`;
    case "semester":
      return `${p.year}S${p.index}`;
    case "year":
      return String(p.year);
  }
}

const ADX_DURATION: Record<PeriodKind, string> = {
  month: "P1M",
  quarter: "P3M",
  semester: "P6M",
  year: "P1Y",
};

/** The ADX period of a period: its first day and its length, "2025-09" → "2025-09-01/P1M". */
export function toAdxPeriod(period: string): string {
  const p = mustParse(period);
  return `${periodBounds(period).start}/${ADX_DURATION[p.kind]}`;
}

/**
 * Reads a period typed in either form — Tumbuh's ("2025-09", "2025-Q3") or DHIS2's ("202509", "2025Q3",
 * "2025S1") — so the CLI takes what a DHIS2 user would type. Null when it is neither.
 */
export function fromAnyPeriodForm(text: string): string | null {
  const t = text.trim();
  if (isPeriod(t)) return t;
  const m = /^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4])|S([12]))$/.exec(t);
  if (!m) return null;
  if (m[2]) return `${m[1]}-${m[2]}`;
  if (m[3]) return `${m[1]}-Q${m[3]}`;
  return `${m[1]}-S${m[4]}`;
}
