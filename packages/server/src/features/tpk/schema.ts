// The tpk feature's tables as Kysely sees them (see db/schema.ts for the conventions).

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
  /** Voided by mistake (migration 2026-12-06T1000): kept, out of every list and figure. */
  voided_at?: string | null;
  voided_by?: string | null;
  void_reason?: string | null;
}

export interface TpkTables {
  tpk_teams: TpkTeamsTable;
  tpk_members: TpkMembersTable;
  tpk_assignments: TpkAssignmentsTable;
  tpk_visits: TpkVisitsTable;
}
