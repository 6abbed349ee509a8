import type { Generated } from "kysely";

/**
 * Table types as Kysely sees them. Both dialects store the same shapes: timestamps and dates as ISO-8601
 * text in UTC (sortable, identical on SQLite and PostgreSQL), JSON as text, booleans as 0/1 integers.
 */
export interface RegionsTable {
  code: string;
  name: string;
  level: string;
  kind: string;
  parent_code: string | null;
  /** "kemendagri" for official regions, "local" for dusun/posyandu created by users. */
  source: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
}

export interface AssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before_json: string | null;
  after_json: string | null;
}

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
}

export interface PregnanciesTable {
  id: string;
  person_id: string;
  region_code: string;
  lmp_date: string;
  edd_date: string;
  gravida: number;
  muac_cm: number | null;
  hb_g_dl: number | null;
  high_risk: number;
  high_risk_note: string | null;
  ended_on: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
}

export interface PosyanduSessionsTable {
  id: string;
  region_code: string;
  held_on: string;
  cadres_json: string;
  created_at: string;
  created_by: string | null;
}

export interface ImportsTable {
  id: string;
  kind: string;
  file_name: string;
  sha256: string;
  created_at: string;
  created_by: string | null;
  summary_json: string;
}

export interface MeasurementsTable {
  id: string;
  person_id: string;
  region_code: string;
  session_id: string | null;
  import_id: string | null;
  measured_on: string;
  weight_kg: number | null;
  lenhei_cm: number | null;
  measure: string | null;
  muac_cm: number | null;
  headc_cm: number | null;
  oedema: number;
  measured_by: string | null;
  created_at: string;
  created_by: string | null;
  deleted_at: string | null;
  age_days: number | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  flagged: number;
  tbu: string | null;
  bbu: string | null;
  bbtb: string | null;
  imtu: string | null;
  growth_version: number;
}

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

export interface IndicatorValuesTable {
  id: string;
  indicator_id: string;
  region_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  entered_at: string;
  entered_by: string | null;
  entered_by_name: string | null;
  superseded_at: string | null;
  superseded_by: string | null;
}

/** Per desa (children's home) and period: counts of children 0–59 months; see features/indicators/aggregates. */
export interface IndicatorDesaPeriodsTable {
  desa_code: string;
  period: string;
  registered: number;
  measured: number;
  flagged: number;
  len_n: number;
  stunted: number;
  wei_n: number;
  underweight: number;
  wfl_n: number;
  wasted: number;
}

export interface IndicatorDesaHouseholdsTable {
  desa_code: string;
  households: number;
  safe_water: number;
  proper_sanitation: number;
}

/** Scorecard-based indicator counts of one desa in one month (features/indicators/service-aggregates). */
export interface IndicatorDesaServicesTable {
  desa_code: string;
  period: string;
  code: string;
  numerator: number;
  denominator: number;
}

export interface IndicatorDirtyTable {
  desa_code: string;
}

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
}

export interface Database {
  regions: RegionsTable;
  users: UsersTable;
  assignments: AssignmentsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  pregnancies: PregnanciesTable;
  posyandu_sessions: PosyanduSessionsTable;
  imports: ImportsTable;
  measurements: MeasurementsTable;
  person_merges: PersonMergesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  indicator_catalogs: IndicatorCatalogsTable;
  indicator_values: IndicatorValuesTable;
  indicator_desa_periods: IndicatorDesaPeriodsTable;
  indicator_desa_households: IndicatorDesaHouseholdsTable;
  indicator_dirty: IndicatorDirtyTable;
  indicator_desa_services: IndicatorDesaServicesTable;
  sync_changes: SyncChangesTable;
  sync_ops: SyncOpsTable;
  sync_conflicts: SyncConflictsTable;
  service_records: ServiceRecordsTable;
  family_screenings: FamilyScreeningsTable;
  catin: CatinTable;
  catin_screenings: CatinScreeningsTable;
  tpk_teams: TpkTeamsTable;
  tpk_members: TpkMembersTable;
  tpk_assignments: TpkAssignmentsTable;
  tpk_visits: TpkVisitsTable;
  case_audits: CaseAuditsTable;
  audit_recommendations: AuditRecommendationsTable;
  audit_followups: AuditFollowupsTable;
  planning_cycles: PlanningCyclesTable;
  planning_stages: PlanningStagesTable;
  planning_meetings: PlanningMeetingsTable;
  planning_proposals: PlanningProposalsTable;
  planning_reviews: PlanningReviewsTable;
  planning_campaigns: PlanningCampaignsTable;
  planning_institutions: PlanningInstitutionsTable;
  planning_members: PlanningMembersTable;
  planning_kpm: PlanningKpmTable;
}

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

/** The change feed, written by triggers on every synced table (never by application code). */
export interface SyncChangesTable {
  seq: Generated<number>;
  entity: string;
  entity_id: string;
  region_code: string;
}

/** Device operations already applied: a replayed op id gets the stored result back. */
export interface SyncOpsTable {
  op_id: string;
  user_id: string;
  entity: string;
  entity_id: string;
  kind: string;
  /** applied | conflict | rejected */
  status: string;
  result_json: string;
  applied_at: string;
}

/** A stale offline edit kept with both versions until a person resolves it. */
export interface SyncConflictsTable {
  id: string;
  op_id: string;
  entity: string;
  entity_id: string;
  region_code: string;
  user_id: string;
  user_name: string;
  base_revision: number;
  mine_json: string;
  theirs_json: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

// Families at risk, catin, TPK, case audits (issue 8; migration 2026-11-22T1400-families).
export interface FamilyScreeningsTable {
  id: string;
  region_code: string;
  household_id: string;
  semester: string;
  screened_on: string;
  observed_json: string;
  facts_json: string;
  sources_json: string;
  at_risk: number;
  reasons_json: string;
  note: string | null;
  verify_result: string | null;
  verify_note: string | null;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CatinTable {
  id: string;
  region_code: string;
  person_id: string;
  partner_person_id: string | null;
  partner_name: string | null;
  marriage_date: string;
  created_at: string;
  created_by: string | null;
}

export interface CatinScreeningsTable {
  id: string;
  region_code: string;
  catin_id: string;
  screened_on: string;
  weight_kg: number;
  height_cm: number;
  muac_cm: number | null;
  hb_g_dl: number | null;
  extra_json: string;
  created_at: string;
  created_by: string | null;
}

export interface TpkTeamsTable {
  id: string;
  region_code: string;
  name: string;
  created_at: string;
}

export interface TpkMembersTable {
  id: string;
  region_code: string;
  team_id: string;
  name: string;
  role: string;
  user_id: string | null;
  created_at: string;
}

export interface TpkAssignmentsTable {
  id: string;
  region_code: string;
  member_id: string;
  subject_kind: string;
  subject_id: string;
  first_due_on: string;
  created_at: string;
}

export interface TpkVisitsTable {
  id: string;
  region_code: string;
  assignment_id: string;
  visited_on: string;
  counselling: string | null;
  referral_to: string | null;
  referral_done: number | null;
  social_programme: string | null;
  social_outcome: string | null;
  next_due_on: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CaseAuditsTable {
  id: string;
  region_code: string;
  child_id: string;
  audited_on: string;
  team: string;
  findings_json: string;
  created_at: string;
  created_by: string | null;
}

export interface AuditRecommendationsTable {
  id: string;
  region_code: string;
  audit_id: string;
  domain: string;
  text: string;
  owner_team_id: string;
  owner_name: string | null;
  due_on: string;
}

export interface AuditFollowupsTable {
  id: string;
  region_code: string;
  recommendation_id: string;
  on_date: string;
  status: string;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

// Planning cycle tables (features/planning); money in rupiah.
export interface PlanningCyclesTable {
  id: string;
  region_code: string;
  kind: string;
  year: number;
  musyawarah_date: string | null;
  apb_total: number | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface PlanningStagesTable {
  cycle_id: string;
  region_code: string;
  stage: string;
  status: string;
  started_on: string | null;
  finished_on: string | null;
  note: string | null;
  documents_json: string;
  updated_at: string;
}

export interface PlanningMeetingsTable {
  id: string;
  cycle_id: string | null;
  region_code: string;
  kind: string;
  held_on: string;
  place: string;
  attendance_count: number;
  attendees_json: string;
  problems_json: string;
  opportunities_json: string;
  notes: string | null;
  signatories_json: string;
  mapping_json: string | null;
  created_at: string;
}

export interface PlanningProposalsTable {
  id: string;
  cycle_id: string;
  region_code: string;
  activity_code: string;
  title: string;
  target_group: string;
  package: string;
  location: string;
  volume: number;
  unit: string;
  cost: number;
  funding_source: string;
  priority: number | null;
  in_plan: number;
  budget_amount: number | null;
  realised_amount: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlanningReviewsTable {
  id: string;
  cycle_id: string;
  region_code: string;
  decision: string;
  comment: string;
  reviewer_name: string;
  at: string;
}

export interface PlanningCampaignsTable {
  id: string;
  cycle_id: string;
  region_code: string;
  media: string;
  held_on: string;
  reach: number;
  description: string;
  created_at: string;
}

export interface PlanningInstitutionsTable {
  id: string;
  region_code: string;
  kind: string;
  name: string;
  decree_number: string | null;
  decree_date: string | null;
  created_at: string;
}

export interface PlanningMembersTable {
  id: string;
  institution_id: string;
  region_code: string;
  name: string;
  role: string;
  unit: string | null;
  created_at: string;
}

export interface PlanningKpmTable {
  id: string;
  region_code: string;
  name: string;
  dusun_code: string | null;
  facts_json: string;
  chosen_on: string | null;
  decree_number: string | null;
  decree_date: string | null;
  created_at: string;
}
