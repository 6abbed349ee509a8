// The persons feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface PersonsTable {
  id: string;
  region_code: string;
  household_id: string | null;
  name: string;
  /** Sound-alike key of the name (core `nameKey`), for proposing likely duplicates. */
  name_key: string;
  sex: number;
  birth_date: string;
  nik: string | null;
  mother_id: string | null;
  parent_name: string | null;
  birth_weight_kg: number | null;
  birth_length_cm: number | null;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
  merged_into: string | null;
  /** The day the person left the registry's denominators: moved away or died (`left_reason`). */
  left_on?: string | null;
  left_reason?: string | null;
}

export interface PersonsTables {
  persons: PersonsTable;
}
