/**
 * Decimal numbers as people type them and Indonesian spreadsheets export them: "12,5" and "12.5" are both
 * 12.5 (a phone's Indonesian keyboard gives a comma), "12," and ",5" are fine and spaces are ignored.
 * Refused, as NaN: thousands separators ("1.234,5" is ambiguous), units ("12 kg"), exponents, hex, and a
 * minus sign unless `signed` (weights and counts are never negative). Empty text is null: not entered.
 */
export function parseDecimal(text: string, options: { signed?: boolean } = {}): number | null {
  const s = text.replace(/\s+/g, "");
  if (s === "") return null;
  const m = /^([+-]?)(\d+[.,]?\d*|[.,]\d+)$/.exec(s);
  if (!m || (m[1] === "-" && !options.signed)) return Number.NaN;
  return Number(`${m[1]}${(m[2] as string).replace(",", ".")}`);
}
