// The measurements feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface PosyanduSessionsTable {
  id: string;
  region_code: string;
  held_on: string;
  cadres_json: string;
  created_at: string;
  created_by: string | null;
}

export interface MeasurementsTable {
  id: string;
  person_id: string;
  region_code: string;
  session_id: string | null;
  import_id: string | null;
  measured_on: string;
  weight_kg: number | null;
  lenhei_cm: number | null;
  measure: string | null;
  muac_cm: number | null;
  headc_cm: number | null;
  oedema: number;
  measured_by: string | null;
  created_at: string;
  created_by: string | null;
  deleted_at: string | null;
  age_days: number | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  flagged: number;
  tbu: string | null;
  bbu: string | null;
  bbtb: string | null;
  imtu: string | null;
  growth_version: number;
  /** The measurement this one corrects (that one is voided: `deleted_at` set). */
  supersedes?: string | null;
  /** Why this row was corrected or voided (on the voided row) or why it corrects (on the new one). */
  change_reason?: string | null;
  voided_by?: string | null;
  /** An implausible value saved on purpose: `{issues, reason, by, at}` (core ImplausibleConfirmationJson). */
  implausible_json?: string | null;
}

export interface MeasurementsTables {
  posyandu_sessions: PosyanduSessionsTable;
  measurements: MeasurementsTable;
}
