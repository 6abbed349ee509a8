// The households feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface HouseholdsTable {
  id: string;
  region_code: string;
  kk_number: string | null;
  head_name: string | null;
  address: string;
  rt: string | null;
  rw: string | null;
  water_source: string;
  latrine_type: string;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
}

export interface HouseholdsTables {
  households: HouseholdsTable;
}
