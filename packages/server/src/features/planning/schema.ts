// The planning feature's tables as Kysely sees them (see db/schema.ts for the conventions).

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

export interface PlanningTables {
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
