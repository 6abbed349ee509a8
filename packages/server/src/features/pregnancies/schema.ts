// The pregnancies feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface PregnanciesTable {
  id: string;
  person_id: string;
  region_code: string;
  lmp_date: string;
  edd_date: string;
  gravida: number;
  muac_cm: number | null;
  hb_g_dl: number | null;
  high_risk: number;
  high_risk_note: string | null;
  ended_on: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
}

export interface PregnanciesTables {
  pregnancies: PregnanciesTable;
}
