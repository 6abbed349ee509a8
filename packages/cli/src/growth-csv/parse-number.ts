/**
 * Decimal text (bytes) → double, identical to JavaScript's `Number(text)` for
 * the plain decimals a CSV holds, without creating a string per field.
 *
 * Fast path (Clinger 1990): at most 15 significant digits and a decimal
 * exponent within ±22 — the integer mantissa and 10^e are then exact doubles
 * and one division or multiplication gives the correctly rounded result, which
 * is what `Number()` returns. Everything else (more digits, large exponents)
 * goes through `Number()` on the decoded text.
 */

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(Number(`1e${i}`));

/** Result when the field is not a number at all. */
export const NOT_A_NUMBER = Number.NaN;

/**
 * Parses `bytes[start, end)` (spaces around are allowed). Returns the value,
 * or NaN if the text is not a decimal number (empty text is the caller's
 * business: test `start === end` first).
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let e = end;
  while (i < e && bytes[i] === 32) i++;
  while (e > i && bytes[e - 1] === 32) e--;
  if (i === e) return Number.NaN;
  let neg = false;
  const c0 = bytes[i] as number;
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let mant = 0;
  let digits = 0; // significant digits taken into `mant`
  let scale = 0; // decimal exponent adjustment
  let sawDigit = false;
  let sawDot = false;
  for (; i < e; i++) {
    const c = bytes[i] as number;
    if (c >= 48 && c <= 57) {
      sawDigit = true;
      if (mant === 0 && c === 48) {
        if (sawDot) scale--;
        continue; // leading zeros are not significant
      }
      if (digits >= 15) return slow(bytes, start, end);
      mant = mant * 10 + (c - 48);
      digits++;
      if (sawDot) scale--;
    } else if (c === 46 && !sawDot) {
      sawDot = true;
    } else if ((c === 101 || c === 69) && sawDigit) {
      return slow(bytes, start, end);
    } else {
      return Number.NaN;
    }
  }
  if (!sawDigit) return Number.NaN;
  let v: number;
  if (scale === 0) v = mant;
  else if (scale < 0) {
    if (scale < -22) return slow(bytes, start, end);
    v = mant / (POW10[-scale] as number);
  } else v = mant * (POW10[scale] as number);
  return neg ? -v : v;
}

function slow(bytes: Uint8Array, start: number, end: number): number {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  const t = s.trim();
  // Number() accepts things a CSV number should not be ("0x10", "Infinity", "").
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}
