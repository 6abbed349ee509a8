// The services feature's tables as Kysely sees them (see db/schema.ts for the conventions).

/** A service given to a target (append-only; a correction supersedes). */
export interface ServiceRecordsTable {
  id: string;
  person_id: string;
  region_code: string;
  service: string;
  given_on: string;
  detail: string | null;
  received: number;
  supersedes: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
  /** Tablets given (TTD); null otherwise (migration 2026-12-06T0100). */
  quantity: number | null;
  /** Voided by mistake (migration 2026-12-06T1000): kept, out of every list and figure. */
  voided_at?: string | null;
  voided_by?: string | null;
  void_reason?: string | null;
}

/** The scorecard's counts per desa and period (migration 2026-12-06T1600; ./scorecard-figures). */
export interface ScorecardFiguresTable {
  desa_code: string;
  period: string;
  /** ScorecardCounts (core) as JSON, as the regency's scorecard scores the desa's targets. */
  counts: string;
  /** As the kecamatan's scorecard scores them, when that differs; null otherwise. */
  kecamatan_counts: string | null;
}

export interface ScorecardFiguresStateTable {
  id: number;
  /** The month (YYYY-MM) the figures were last completed for. */
  month: string;
}

export interface ServicesTables {
  service_records: ServiceRecordsTable;
  scorecard_figures: ScorecardFiguresTable;
  scorecard_figures_state: ScorecardFiguresStateTable;
}
