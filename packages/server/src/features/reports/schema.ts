// The reports feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface ReportsTable {
  id: string;
  /** core REPORT_KINDS_LIST */
  kind: string;
  region_code: string;
  /** core period.ts: "2025-07", "2025-Q3", "2025-S1", "2025" */
  period: string;
  /** 1 for the first; a correction is the next number, naming the one it corrects in `supersedes`. */
  version: number;
  /** draft | issued | acknowledged (core REPORT_STATUSES) */
  status: string;
  /** The region whose inbox receives it (the level above); null when it goes outside the app (the Governor). */
  recipient_code: string | null;
  due_on: string;
  narrative_json: string;
  signatures_json: string;
  /** Live while a draft; frozen when issued (never recomputed afterwards). */
  figures_json: string;
  supersedes: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  issued_at: string | null;
  issued_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
}

/** The PDF and XLSX of an issued report, rendered once by a background job (base64 text: same on both dialects). */
export interface ReportDocumentsTable {
  report_id: string;
  /** pdf | xlsx */
  format: string;
  body_base64: string;
  created_at: string;
}

export interface ReportsTables {
  reports: ReportsTable;
  report_documents: ReportDocumentsTable;
}
