// The imports feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface ImportsTable {
  id: string;
  kind: string;
  file_name: string;
  sha256: string;
  created_at: string;
  created_by: string | null;
  summary_json: string;
  /** "writing" while its chunks are being stored, "done" once the last one committed. */
  status: string;
}

/** e-PPGBM's own values of one imported measurement, as the file gave them (core EppgbmSourceColumn keys). */
export interface ImportSourceValuesTable {
  measurement_id: string;
  import_id: string;
  line: number;
  values_json: string;
}

export interface ImportsTables {
  imports: ImportsTable;
  import_source_values: ImportSourceValuesTable;
}
