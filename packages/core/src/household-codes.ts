/**
 * Coded lists for a household's drinking water and latrine, with whether each counts as "layak"
 * (safe/proper), following BPS's definitions used for SDG 6 in Susenas (Indikator air minum layak and
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
export const LATRINE_TYPE_CODES = Object.keys(LATRINE_TYPES) as [LatrineType, ...LatrineType[]];
