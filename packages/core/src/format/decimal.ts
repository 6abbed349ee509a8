/**
 * Decimal numbers as people type them and Indonesian spreadsheets export them: "12,5" and "12.5" are both
 * 12.5 (a phone's Indonesian keyboard gives a comma), "12," and ",5" are fine and spaces are ignored.
 * Refused, as NaN: thousands separators ("1.234,5" is ambiguous), units ("12 kg"), exponents, hex, and a
 * minus sign unless `signed` (weights and counts are never negative). Empty text is null: not entered.
 */
export function parseDecimal(text: string, options: { signed?: boolean } = {}): number | null {
  const plain = plainDecimal(text, options.signed === true);
  if (plain !== undefined) return plain;
  const s = text.replace(/\s+/g, "");
  if (s === "") return null;
  const m = /^([+-]?)(\d+[.,]?\d*|[.,]\d+)$/.exec(s);
  if (!m || (m[1] === "-" && !options.signed)) return Number.NaN;
  return Number(`${m[1]}${(m[2] as string).replace(",", ".")}`);
}

/**
 * The same rule for text made only of digits, "+", "-", "." and ",", told by its characters: an import reads
 * three numbers a row, 90k for a month's file, and two patterns per number were a part of it (issue 16).
 * Such text has no white space to drop, so it fits the pattern above exactly when a sign comes first if at
 * all, at most one "." or "," appears and a digit does (decimal.test.ts holds the two equal). Any other
 * character that is no white space makes the text no number whatever the spaces ("Gizi Baik", which the
 * import's alignment check tries as a number). undefined: white space is there, and the patterns decide.
 */
function plainDecimal(text: string, signed: boolean): number | null | undefined {
  if (text.length === 0) return null;
  let digits = 0;
  let separators = 0;
  let comma = false;
  let value = 0; // the digits as one integer
  let scale = 1; // 10 to the number of digits after the separator
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      value = value * 10 + (c - 48);
      if (separators > 0) scale *= 10;
    } else if (c === 44 || c === 46) {
      separators++;
      comma ||= c === 44;
    } else if (c !== 43 && c !== 45) return mayBeSpace(c) ? undefined : Number.NaN;
    else if (i > 0) return Number.NaN;
  }
  const negative = text.charCodeAt(0) === 45;
  if (digits === 0 || separators > 1 || (negative && !signed)) return Number.NaN;
  // Up to 15 digits the integer is exact and so is 10^(digits after the separator): one division is then
  // the correctly rounded number, as Number() gives it (no string made with "." for ","; issue 16).
  if (digits > 15) return Number(comma ? text.replace(",", ".") : text);
  const abs = value / scale;
  return negative ? -abs : abs;
}

/** Whether \s might match the character: the ASCII ones exactly, everything from U+00A0 on left to the patterns. */
const mayBeSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c >= 0xa0;
