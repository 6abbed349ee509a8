import { periodLabel } from "@tumbuh/core";
import { type DocLanguage, dateIn, type Words } from "./words";

/**
 * The one way a download is named (issue 17: "a user reads names, not codes"): what it is, the place by
 * its name, the period or day in words — in the user's language — slugged to plain ASCII so every browser,
 * phone and e-mail program keeps it: `skdn-desa-sandeley-september-2025.xlsx`. A region code, a UUID or
 * an ISO date never appears (names.test.ts checks every download route).
 */
export interface DownloadName {
  /** What the file is, e.g. words("laporan-skdn", "skdn-report"). */
  what: Words | string;
  /** The region, by its kind (or level) and name ("desa", "Sandeley" → "desa-sandeley"). */
  place?: { kind: string; name: string } | null;
  /** The person a file is about (a child's growth card, a catin certificate), by name. */
  who?: string | null;
  /** A period of the period module ("2025-09", "2025-Q3", "2025"). */
  period?: string | null;
  /** A day (ISO), written in words. */
  date?: string | null;
  /** Anything else that tells two files apart (a person's name, "v2"). */
  extra?: readonly (string | null | undefined)[];
  ext: string;
}

/** The word a region kind is named with, as Indonesians write it before the name. */
const KIND_WORD: Record<string, string> = {
  provinsi: "Provinsi",
  kab: "Kabupaten",
  kabupaten: "Kabupaten",
  kota: "Kota",
  kecamatan: "Kecamatan",
  desa: "Desa",
  kelurahan: "Kelurahan",
  desa_adat: "Desa Adat",
  dusun: "Dusun",
  posyandu: "Posyandu",
};

/** "Desa Sandeley" from ("desa", "Sandeley"); a name that already starts with its kind stays as it is. */
export function placeTitle(kind: string, name: string): string {
  const word = KIND_WORD[kind];
  if (!word || name.toLowerCase().startsWith(word.toLowerCase())) return name;
  return `${word} ${name}`;
}

/** "Posyandu Melati – Ibu Ani" → "posyandu-melati-ibu-ani": ASCII letters, digits and single dashes. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

export function downloadName(lang: DocLanguage, n: DownloadName): string {
  const parts = [
    typeof n.what === "string" ? n.what : n.what[lang],
    n.place ? placeTitle(n.place.kind, n.place.name) : null,
    n.who ?? null,
    n.period ? periodLabel(n.period, lang) : null,
    n.date ? dateIn(lang, n.date) : null,
    ...(n.extra ?? []),
  ];
  const name = parts
    .filter((p): p is string => !!p)
    .map(slug)
    .filter((p) => p !== "")
    .join("-");
  return `${name || "unduhan"}.${n.ext}`;
}
