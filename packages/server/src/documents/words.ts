import { MONTH_NAMES } from "@tumbuh/core";

/**
 * The one way a download speaks the user's language: every column header and fixed word of a CSV/XLSX a
 * user downloads is a pair { id, en } picked by `say`; dates and numbers are written for that language.
 * Indonesian is the default. Official documents (berita acara, report PDFs, certificates, the KMS) stay
 * in Indonesian whatever the language: they are filed with Indonesian authorities.
 */
export type DocLanguage = "id" | "en";
export interface Words {
  id: string;
  en: string;
}

export const words = (id: string, en: string): Words => ({ id, en });

export function say(lang: DocLanguage, w: Words): string {
  return w[lang];
}

/** A header row in the user's language. */
export function headerRow(lang: DocLanguage, columns: readonly Words[]): string[] {
  return columns.map((c) => c[lang]);
}

/** "2026-06-29" → "29 Juni 2026" / "29 June 2026". */
export function dateIn(lang: DocLanguage, iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTH_NAMES[lang][Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** 1234567.5 → "1.234.567,5" (id) / "1,234,567.5" (en); at most `decimals` decimals. */
export function numberIn(lang: DocLanguage, value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  const key = `${lang}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  return f.format(value);
}
