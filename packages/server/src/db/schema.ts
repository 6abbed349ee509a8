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
