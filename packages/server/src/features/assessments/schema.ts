// The assessments feature's tables as Kysely sees them (see db/schema.ts for the conventions).

/** Every version of a regency's assessment method (highest = current; none stored = core ASSESSMENT_DEFAULT). */
export interface AssessmentMethodsTable {
  id: string;
  regency_code: string;
  version: number;
  method_json: string;
  created_at: string;
  created_by: string;
}

/** A year's scores as computed (draft) and as the TPPS confirmed them (published); the method is kept beside them. */
export interface AssessmentsTable {
  id: string;
  regency_code: string;
  year: number;
  /** draft | published */
  status: string;
  method_json: string;
  /** {desa: RankedUnit[], kecamatan: RankedUnit[]} */
  results_json: string;
  computed_at: string;
  computed_by: string;
  published_at: string | null;
  published_by: string | null;
  /** The regency's indicator achievements of the year when computed (core AchievementRow[]); null before 2026-12-06. */
  achievements_json: string | null;
}

export interface AssessmentsTables {
  assessment_methods: AssessmentMethodsTable;
  assessments: AssessmentsTable;
}
