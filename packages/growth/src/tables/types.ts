/**
 * Shape of one generated LMS table (see `*.generated.ts`, written by
 * `scripts/generate-tables.ts`).
 *
 * Rows are stored flat so that a lookup is one multiply-add and three reads,
 * with no object per row: `lms[((sex - 1) * count + (key - first)) * 3 + {0,1,2}]`
 * gives L, M and S. `key` is the integer age in days (WHO 2006 age tables),
 * the integer age in months (WHO 2007 tables) or the length/height in tenths
 * of a centimetre (WFL/WFH tables, e.g. 45.0 cm → 450).
 */
export interface LmsTable {
  /** Short WHO name of the indicator table, e.g. `"lhfa"`, `"wfl"`. */
  readonly name: string;
  /** What `key` counts: whole days, whole months or tenths of a centimetre. */
  readonly keyUnit: "day" | "month" | "mm";
  /** Unit of the measurement the table describes (kg, cm, mm, kg/m²). */
  readonly measureUnit: "cm" | "kg" | "mm" | "kg/m2";
  /** First key (same for both sexes). */
  readonly first: number;
  /** Number of consecutive keys per sex. */
  readonly count: number;
  /** L, M, S interleaved; males (sex 1) first, then females (sex 2). */
  readonly lms: Float64Array;
}
