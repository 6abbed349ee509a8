// Numbers as cadres type them, read by core's parseDecimal ("12,5" and "12.5" are both 12.5). Inputs are
// type="text" inputMode="decimal", because type="number" drops a comma silently.
import { parseDecimal as readDecimal } from "@tumbuh/core";

export type Parsed<T> = { kind: "empty" } | { kind: "ok"; value: T } | { kind: "invalid" };

/** "" → empty; "12,5" / "12.5" / "12," / ",5" → ok; "1.234,5", "12 kg", "-3" → invalid. */
export function parseDecimal(text: string): Parsed<number> {
  const value = readDecimal(text);
  if (value === null) return { kind: "empty" };
  return Number.isFinite(value) ? { kind: "ok", value } : { kind: "invalid" };
}

/** Whole numbers only (e.g. gravida). */
export function parseInteger(text: string): Parsed<number> {
  const s = text.trim();
  if (s === "") return { kind: "empty" };
  return /^\d+$/.test(s) ? { kind: "ok", value: Number(s) } : { kind: "invalid" };
}

/** Digits only, ignoring the spaces and dashes people type in long numbers (NIK, KK). */
export function digitsOnly(text: string): string {
  return text.replace(/[\s.-]/g, "");
}
