// The duplicates feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface PersonMergesTable {
  id: string;
  kept_id: string;
  merged_id: string;
  moved_json: string;
  region_code: string;
  merged_at: string;
  merged_by: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

export interface DuplicateDismissalsTable {
  person_a: string;
  person_b: string;
  dismissed_at: string;
  dismissed_by: string | null;
}

export interface DuplicatesTables {
  person_merges: PersonMergesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
}
