/**
 * Coded lists for a household's drinking water and latrine, with whether each counts as "layak"
 * (safe/proper; for water the rules read SAFE_WATER_LISTS below), following BPS's definitions used for SDG 6 in Susenas (Indikator air minum layak and
 * sanitasi layak): improved water sources; a toilet with a goose-neck closet whose waste goes to a septic
 * tank or treatment plant (own or shared) counts as proper sanitation.
 */
export const WATER_SOURCES = {
  ledeng: { layak: true, id: "Air ledeng / PDAM", en: "Piped water" },
  sumur_bor: { layak: true, id: "Sumur bor / pompa", en: "Borehole / pump" },
  sumur_terlindung: { layak: true, id: "Sumur terlindung", en: "Protected well" },
  mata_air_terlindung: { layak: true, id: "Mata air terlindung", en: "Protected spring" },
  air_hujan: { layak: true, id: "Air hujan", en: "Rainwater" },
  air_kemasan: { layak: true, id: "Air kemasan / isi ulang", en: "Bottled / refill water" },
  sumur_tak_terlindung: { layak: false, id: "Sumur tak terlindung", en: "Unprotected well" },
  mata_air_tak_terlindung: { layak: false, id: "Mata air tak terlindung", en: "Unprotected spring" },
  air_permukaan: { layak: false, id: "Sungai / danau / kolam", en: "River / lake / pond" },
  lainnya: { layak: false, id: "Lainnya", en: "Other" },
} as const;
export type WaterSource = keyof typeof WATER_SOURCES;

export const LATRINE_TYPES = {
  sendiri_septik: {
    layak: true,
    id: "Jamban sendiri, leher angsa, tangki septik/IPAL",
    en: "Own toilet, goose-neck, septic tank",
  },
  bersama_septik: {
    layak: true,
    id: "Jamban bersama, leher angsa, tangki septik/IPAL",
    en: "Shared toilet, goose-neck, septic tank",
  },
  leher_angsa_tanpa_septik: {
    layak: false,
    id: "Leher angsa, dibuang ke sungai/kebun",
    en: "Goose-neck, waste to river/field",
  },
  cemplung: { layak: false, id: "Jamban cemplung / plengsengan", en: "Pit latrine" },
  umum: { layak: false, id: "Jamban umum (MCK)", en: "Public toilet" },
  tidak_ada: { layak: false, id: "Tidak ada (BAB sembarangan)", en: "None (open defecation)" },
} as const;
export type LatrineType = keyof typeof LATRINE_TYPES;

export const WATER_SOURCE_CODES = Object.keys(WATER_SOURCES) as [WaterSource, ...WaterSource[]];

/**
 * Which drinking-water sources count as "layak", one list per body that defines it — two rules cite two
 * sources (issue 14), and each reads its own list:
 * - `bps`: the household indicator (Paser Pasal 7 l, "rumah tangga yang menggunakan sumber air bersih";
 *   computation household_safe_water) — BPS, Susenas, indicator "air minum layak" (SDG 6.1): ledeng,
 *   sumur bor/pompa, sumur terlindung, mata air terlindung, air hujan; bottled or refill water only when the
 *   water for bathing/washing comes from one of those. Tumbuh does not record the bathing-water source, so
 *   `air_kemasan` is counted layak ("bersyarat" below): the figure can be slightly high where refill water
 *   is common — a known gap, written down.
 * - `bkkbn`: the family-risk screening (core families/family-risk, risk "air minum tidak layak") — BKKBN,
 *   Pendataan Keluarga (PK21 and its yearly updates), variable "sumber air minum utama"; the KRS risk factor
 *   is a main drinking-water source that is not layak. The list as BKKBN described it for its PK figures
 *   (Kepala BKKBN, Antara 31 March 2023): the same improved sources, bottled/refill with an improved
 *   bathing source. The PK21 form's own answer list was not found: checked against BKKBN's guide when read.
 * They are equal today; they are kept apart so a change of either body changes only its rule.
 */
export const SAFE_WATER_LISTS = {
  bps: {
    source: "BPS, Susenas: indikator air minum layak (SDG 6.1)",
    layak: {
      ledeng: true,
      sumur_bor: true,
      sumur_terlindung: true,
      mata_air_terlindung: true,
      air_hujan: true,
      air_kemasan: "bersyarat",
      sumur_tak_terlindung: false,
      mata_air_tak_terlindung: false,
      air_permukaan: false,
      lainnya: false,
    },
  },
  bkkbn: {
    source: "BKKBN, Pendataan Keluarga (PK21): sumber air minum utama layak",
    layak: {
      ledeng: true,
      sumur_bor: true,
      sumur_terlindung: true,
      mata_air_terlindung: true,
      air_hujan: true,
      air_kemasan: "bersyarat",
      sumur_tak_terlindung: false,
      mata_air_tak_terlindung: false,
      air_permukaan: false,
      lainnya: false,
    },
  },
} as const satisfies Record<string, { source: string; layak: Record<WaterSource, boolean | "bersyarat"> }>;

/** Whether a source is layak by one body's list ("bersyarat" counts: the condition is not recorded). */
export function isSafeWater(list: keyof typeof SAFE_WATER_LISTS, source: string | null | undefined): boolean {
  if (!source || !(source in WATER_SOURCES)) return false;
  return SAFE_WATER_LISTS[list].layak[source as WaterSource] !== false;
}
export const LATRINE_TYPE_CODES = Object.keys(LATRINE_TYPES) as [LatrineType, ...LatrineType[]];
