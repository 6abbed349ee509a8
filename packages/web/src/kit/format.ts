// Pure formatting for the registry pages: ages ("2 th 3 bln"), dates, numbers with the locale's
// decimal separator, z-scores, and the "YYYY-MM" month of the lists. No React, unit-tested in node.
import { completedMonths, daysBetween, todayIso } from "@tumbuh/core";
import { intlLocale, type Locale } from "../i18n/messages";

const AGE_UNITS: Record<Locale, { y: string; m: string; d: string }> = {
  id: { y: "th", m: "bln", d: "hari" },
  en: { y: "y", m: "mo", d: "days" },
};

/** Age in whole months as "2 th 3 bln" (id) / "2 y 3 mo" (en); "0 bln" for a newborn. */
export function formatAgeMonths(months: number, locale: Locale): string {
  const u = AGE_UNITS[locale];
  const m = Math.max(0, Math.floor(months));
  const years = Math.floor(m / 12);
  const rest = m % 12;
  if (years === 0) return `${rest} ${u.m}`;
  return rest === 0 ? `${years} ${u.y}` : `${years} ${u.y} ${rest} ${u.m}`;
}

/** Age on a date from the birth date; under one month it is counted in days ("12 hari"). */
export function formatAge(birthDate: string, asOf: string, locale: Locale): string {
  const days = daysBetween(birthDate, asOf);
  if (days < 0) return "—";
  const months = completedMonths(birthDate, asOf);
  if (months < 1) return `${days} ${AGE_UNITS[locale].d}`;
  return formatAgeMonths(months, locale);
}

// Intl formatters are costly to construct (a chart formats ~200 numbers per render): build each once.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cachedFormat<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formats.get(key) as F | undefined;
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

function numberFormat(locale: Locale, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  return cachedFormat(
    `n:${locale}:${minDecimals}:${maxDecimals}`,
    () =>
      new Intl.NumberFormat(intlLocale[locale], {
        minimumFractionDigits: minDecimals,
        maximumFractionDigits: maxDecimals,
        useGrouping: false,
      }),
  );
}

/** "7 Maret 2023" / "7 March 2023" for a YYYY-MM-DD date (the month in words, as Indonesians write a date),
 *  independent of the device's time zone. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const at = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(at)) return iso;
  return cachedFormat(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: "UTC" }),
  ).format(at);
}

/** "Mei 2025" for "2025-05". */
export function formatMonth(month: string, locale: Locale): string {
  const at = Date.parse(`${month}-01T00:00:00Z`);
  if (Number.isNaN(at)) return month;
  return cachedFormat(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale[locale], { month: "long", year: "numeric", timeZone: "UTC" }),
  ).format(at);
}

/** A measurement value with the locale's decimal separator: 12.5 → "12,5" (id). */
export function formatNumber(value: number | null | undefined, locale: Locale, maxDecimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return numberFormat(locale, 0, maxDecimals).format(value);
}

/** A z-score with its sign and two decimals, using a true minus sign: "−2,14", "+0,50", "0,00". */
export function formatZ(z: number | null | undefined, locale: Locale): string {
  if (z === null || z === undefined || !Number.isFinite(z)) return "—";
  const f = numberFormat(locale, 2, 2);
  const abs = f.format(Math.abs(z));
  if (abs === f.format(0)) return abs;
  return `${z < 0 ? "\u2212" : "+"}${abs}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Today on the device's calendar, from core's clock (re-exported for the pages that format with this file). */
export { todayIso };

export function currentMonth(now: Date = new Date()): string {
  return todayIso(now).slice(0, 7);
}

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** "2025-01" shifted by −1 → "2024-12". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/**
 * Shows only the last 4 digits of a NIK or KK number, compactly ("••••1234") so it fits a 360 px
 * line. Also re-formats a number the server masked already (any mask characters before the digits).
 */
export function maskDigits(value: string): string {
  const last4 = value.replace(/\D/g, "").slice(-4);
  return last4 === "" ? "••••" : `••••${last4}`;
}

/** "Desa Sandeley", "Posyandu Melati" — without doubling a kind the name already starts with. */
export function placeTitle(kindLabel: string, name: string): string {
  return name.toLowerCase().startsWith(kindLabel.toLowerCase()) ? name : `${kindLabel} ${name}`;
}
