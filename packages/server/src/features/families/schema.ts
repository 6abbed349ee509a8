// The families feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface FamilyScreeningsTable {
  id: string;
  region_code: string;
  household_id: string;
  semester: string;
  screened_on: string;
  observed_json: string;
  facts_json: string;
  sources_json: string;
  at_risk: number;
  reasons_json: string;
  note: string | null;
  verify_result: string | null;
  verify_note: string | null;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  created_by: string | null;
  /** Voided by mistake (migration 2026-12-06T1000): kept, out of every list and figure. */
  voided_at?: string | null;
  voided_by?: string | null;
  void_reason?: string | null;
}

export interface FamiliesTables {
  family_screenings: FamilyScreeningsTable;
}
