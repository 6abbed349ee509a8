// The indicator-catalog feature's tables as Kysely sees them (see db/schema.ts for the conventions).

/** One version of a regency's indicator catalog (features/indicator-catalog); the highest version is current. */
export interface IndicatorCatalogsTable {
  id: string;
  regency_code: string;
  version: number;
  /** The catalog file as JSON text. */
  content: string;
  origin: "shipped" | "import" | "target";
  /** What changed, for the history list ("108 indicators", "annex.A.a.1 target 90 → 95"). */
  summary: string | null;
  created_at: string;
  created_by: string | null;
}

export interface IndicatorCatalogTables {
  indicator_catalogs: IndicatorCatalogsTable;
}
