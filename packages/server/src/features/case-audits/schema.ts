// The case-audits feature's tables as Kysely sees them (see db/schema.ts for the conventions).

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

export interface CaseAuditsTables {
  case_audits: CaseAuditsTable;
  audit_recommendations: AuditRecommendationsTable;
  audit_followups: AuditFollowupsTable;
}
