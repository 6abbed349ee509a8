/**
 * Funding sources of stunting activities: Paser Pasal 50 (APBD, APB Desa, other lawful and non-binding
 * sources), Paser Pasal 27 (desa activities in the APB Desa, kelurahan activities in the APBD, other lawful
 * sources may support both), PALI Pasal 14(2) (Dana Desa in particular), PALI Pasal 20(4) and 34(2) ("APB
 * Desa, APBD Kabupaten/Kota, APBD Provinsi, APBN, dan sumber pendanaan lainnya yang sah").
 */
export const FUNDING_SOURCES = [
  {
    code: "dana_desa",
    source: "PALI Pasal 14(2); Paser Pasal 19(2)",
    id: "Dana Desa (APB Desa)",
    en: "Village fund (village budget)",
  },
  {
    code: "apb_desa_lain",
    source: "Paser Pasal 27(1), 50 b",
    id: "APB Desa (selain Dana Desa)",
    en: "Village budget (other revenue)",
  },
  { code: "apbd", source: "Paser Pasal 27(2), 50 a", id: "APBD Kabupaten", en: "Regency budget (APBD)" },
  {
    code: "apbd_provinsi",
    source: "PALI Pasal 20(4), 34(2)",
    id: "APBD Provinsi",
    en: "Provincial budget (APBD Provinsi)",
  },
  { code: "apbn", source: "PALI Pasal 20(4), 34(2)", id: "APBN", en: "State budget (APBN)" },
  {
    code: "lain_sah",
    source: "Paser Pasal 27(3), 50 c",
    id: "Sumber lain yang sah dan tidak mengikat",
    en: "Other lawful, non-binding sources",
  },
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number]["code"];

/** A kelurahan has no village budget: its activities are funded from the APBD or other lawful sources (Paser Pasal 27(2–3)). */
export function fundingAllowed(kind: "desa" | "kelurahan", source: FundingSource): boolean {
  if (kind === "kelurahan") return !isVillageBudget(source);
  return true;
}

/** APB Desa money: Dana Desa and the rest of the village budget — the only money in the APB Desa share (PALI
 *  Pasal 40(5), Paser Pasal 50 b): APBD, APBN and other sources fund activities but are not village money. */
export function isVillageBudget(source: FundingSource): boolean {
  return source === "dana_desa" || source === "apb_desa_lain";
}

/**
 * Share of the APB Desa spent on stunting, in percent with one decimal, clamped to [0, 100]: a stunting
 * amount larger than the recorded budget is a data error shown as 100 %, never more. Null when no budget
 * is recorded (unknown, not zero). KPM task: "mengadvokasi peningkatan APB Desa untuk Pencegahan Stunting"
 * (PALI Pasal 30 d); the figure is a monitoring indicator (DOMAIN: APB Desa funds spent on stunting).
 */
export function stuntingShare(stuntingAmount: number, apbDesaTotal: number | null): number | null {
  if (apbDesaTotal === null || !(apbDesaTotal > 0)) return null;
  const raw = (Math.max(0, stuntingAmount) / apbDesaTotal) * 100;
  return Math.min(100, Math.round(raw * 10) / 10);
}
