// The imports feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface ImportsTable {
  id: string;
  kind: string;
  file_name: string;
  sha256: string;
  created_at: string;
  created_by: string | null;
  summary_json: string;
}

export interface ImportsTables {
  imports: ImportsTable;
}
