/**
 * Whether a spreadsheet number format shows a date, so a number cell with it is read as a date (both XLSX
 * and BIFF store dates as day serial numbers). Built-in ids: ECMA-376 Part 1, 18.8.30 numFmt (14–22 dates
 * and times; 27–36 and 50–58 the East Asian date formats; 45–47 times). A custom format is a date when,
 * outside quoted text, escapes and [colour]/[locale] sections, it has d, m, y, h or s.
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_IDS.has(id)) return true;
  if (code === undefined) return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const DAY_MS = 86_400_000;

/** A day serial as a date: from 1899-12-30 (the 1900 system, its 1900-02-29 bug included) or 1904-01-01. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Round to the second: stored fractions carry float noise (0.9999999 of a day is midnight).
  return new Date(Math.round((epoch + serial * DAY_MS) / 1000) * 1000);
}
