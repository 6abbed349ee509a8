/**
 * Kemendagri region codes (Kepmendagri 300.2.2-2138/2025 as amended by 300.2.2-2430/2025):
 * `PP` provinsi, `PP.KK` kabupaten/kota, `PP.KK.CC` kecamatan, `PP.KK.CC.VVVV` desa/kelurahan.
 * Tumbuh adds two local levels below a desa, created by users: dusun (`….D01`) and posyandu (`….P01`).
 * A code's parent is the code without its last segment, so scope checks are prefix checks on segments.
 */
export const LEVELS = ["provinsi", "kabupaten", "kecamatan", "desa", "dusun", "posyandu"] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = [
  "provinsi",
  "kab",
  "kota",
  "kecamatan",
  "desa",
  "kelurahan",
  "desa_adat",
  "dusun",
  "posyandu",
] as const;
export type Kind = (typeof KINDS)[number];

export interface Region {
  code: string;
  name: string;
  level: Level;
  kind: Kind;
  parentCode: string | null;
}

const OFFICIAL_SEGMENT = [/^\d{2}$/, /^\d{2}$/, /^\d{2}$/, /^\d{4}$/];
const LOCAL_SEGMENT = /^[DP]\d{2,4}$/;

/** The level a code denotes, or null when it is not a well-formed code. */
export function levelOfCode(code: string): Level | null {
  const parts = code.split(".");
  for (let i = 0; i < Math.min(parts.length, 4); i++) {
    if (!OFFICIAL_SEGMENT[i]?.test(parts[i] ?? "")) return null;
  }
  if (parts.length <= 4) return LEVELS[parts.length - 1] ?? null;
  if (parts.length === 5 && LOCAL_SEGMENT.test(parts[4] ?? "")) {
    return parts[4]?.startsWith("D") ? "dusun" : "posyandu";
  }
  return null;
}

export function parentCode(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

/** Every ancestor, root first, without the code itself. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split(".");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("."));
}

/** The desa/kelurahan a code lies in (itself for a desa; the parent desa for a dusun or posyandu). */
export function desaCodeOf(code: string): string {
  return code.split(".").slice(0, 4).join(".");
}

/** Is `code` the scope region itself or below it? Segment-wise, so `64.01` does not contain `64.010`. */
export function isWithin(code: string, scope: string): boolean {
  return code === scope || code.startsWith(`${scope}.`);
}

/** Derive the kind of an official code from its digits (kab 01–69 / kota 71–99; desa 2xxx, kelurahan 1xxx, desa adat 3xxx). */
export function kindOfOfficialCode(code: string): Kind | null {
  const level = levelOfCode(code);
  const parts = code.split(".");
  switch (level) {
    case "provinsi":
      return "provinsi";
    case "kabupaten":
      return Number(parts[1]) >= 71 ? "kota" : "kab";
    case "kecamatan":
      return "kecamatan";
    case "desa": {
      const first = parts[3]?.[0];
      return first === "1" ? "kelurahan" : first === "3" ? "desa_adat" : "desa";
    }
    default:
      return null;
  }
}
