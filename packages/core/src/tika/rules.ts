import type { TikaBoundaries } from "@tumbuh/growth";

/**
 * Which WHO length-for-age lines separate the tika colours. The regulation (PALI 64/2021 Pasal 40 ayat (2)
 * d–f) names the three results; the mat (Generasi / Kemenkes / Kemendesa, 2018) prints marks "berdasarkan
 * Standar Grafik Pertumbuhan WHO"; no source found gives the SD of each mark (docs/HANDBOOK-RULES.md). So
 * the boundaries are data, chosen per regency, and each rule says how sure it is.
 */
export interface TikaRule {
  key: string;
  boundaries: TikaBoundaries;
  /** Where the rule comes from, printed beside every count. */
  source: string;
  /** false until the SD of the marks is read on a mat or in the Kemendesa guide. */
  confirmed: boolean;
}

export const TIKA_RULES = {
  /**
   * Merah below −2 SD: "terindikasi stunting" is the WHO / Permenkes 2/2020 stunting line (TB/U < −2 SD
   * "pendek"). Kuning from −2 SD to below −1 SD: the next WHO line up, the usual "at risk" band of growth
   * monitoring; the mat's yellow edge is NOT confirmed from a primary source.
   */
  "who-2sd-1sd": {
    key: "who-2sd-1sd",
    boundaries: { red: -2, yellow: -1 },
    source:
      "Perbup PALI 64/2021 Pasal 40 ayat (2) huruf d–f; tanda tika dari standar WHO 2006 PB/U (Kemendesa/Generasi 2018); merah < −2 SD (Permenkes 2/2020), kuning −2 SD s.d. < −1 SD (belum terkonfirmasi)",
    confirmed: false,
  },
} as const satisfies Record<string, TikaRule>;

export type TikaRuleKey = keyof typeof TIKA_RULES;

/** A regency's choice (its code → rule). A regency without an entry gets the default. */
export const REGENCY_TIKA_RULES: Record<string, TikaRuleKey> = {
  "16.12": "who-2sd-1sd",
  "64.01": "who-2sd-1sd",
};

export const DEFAULT_TIKA_RULE: TikaRuleKey = "who-2sd-1sd";

/** The rule for any region code (its regency is the first two segments). */
export function tikaRuleFor(regionCode: string): TikaRule {
  const regency = regionCode.split(".").slice(0, 2).join(".");
  return TIKA_RULES[REGENCY_TIKA_RULES[regency] ?? DEFAULT_TIKA_RULE];
}
