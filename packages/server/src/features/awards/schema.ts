// The awards feature's table as Kysely sees it (see db/schema.ts for the conventions).

/** One award or kader incentive given by a Keputusan Bupati (Perbup Paser 47/2024 Pasal 49). */
export interface AwardsTable {
  id: string;
  year: number;
  region_code: string;
  /** core AWARD_RECIPIENTS (Pasal 49 ayat (2) a–h) */
  recipient_kind: string;
  recipient_name: string;
  /** ["piagam" | "piala" | "uang" | "insentif"] */
  forms_json: string;
  /** Rupiah for uang/insentif. */
  amount: number | null;
  sk_number: string;
  sk_date: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface AwardsTables {
  awards: AwardsTable;
}
