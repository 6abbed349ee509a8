import type { AuditDomain } from "./case-audit";
import type { CatinFinding } from "./catin";
import type { FactSource, FamilyFactKey, FamilyFacts, FamilyRiskResult } from "./family-risk";
import type { TpkMemberRole, TpkSubjectKind } from "./schemas";

/** Response shapes of the families / catin / TPK / case-audit API, shared by server and web. */
export interface FamilyScreeningView {
  id: string;
  householdId: string;
  semester: string;
  screenedOn: string;
  facts: FamilyFacts;
  sources: Partial<Record<FamilyFactKey, FactSource>>;
  evaluation: FamilyRiskResult;
  note: string | null;
  verification: {
    result: "sesuai" | "tidak_sesuai";
    note: string | null;
    at: string;
    by: string | null;
  } | null;
  createdBy: string | null;
}

export interface FamilyView {
  household: { id: string; regionCode: string; headName: string | null; address: string; rt: string | null };
  /** Facts as the registry holds them today (the screening form is prefilled with these). */
  registryFacts: Partial<FamilyFacts>;
  /** Evaluation of the registry facts alone, before anyone screened. */
  registryEvaluation: FamilyRiskResult;
  screenings: FamilyScreeningView[];
}

export interface FamilyListRow {
  householdId: string;
  headName: string | null;
  address: string;
  regionCode: string;
  screeningId: string;
  screenedOn: string;
  atRisk: boolean;
  reasons: { ruleId: string; label: { id: string; en: string } }[];
  verified: boolean;
}

export interface FamilyList {
  semester: string;
  screened: number;
  atRisk: number;
  rows: FamilyListRow[];
  /** Households of the region without a screening this semester (first 300 by name). */
  unscreened: { householdId: string; headName: string | null; address: string }[];
}

export interface CatinScreeningView {
  id: string;
  screenedOn: string;
  weightKg: number;
  heightCm: number;
  muacCm: number | null;
  hbGdl: number | null;
  extra: Record<string, string>;
  ageYears: number;
  bmi: number | null;
  findings: CatinFinding[];
  ready: boolean;
  advice: { id: string; en: string }[];
  inTime: boolean;
}

export interface CatinView {
  id: string;
  regionCode: string;
  person: { id: string; name: string; sex: 1 | 2; birthDate: string; nik: string | null };
  partnerName: string | null;
  marriageDate: string;
  /** Latest day a screening counts as "≥ 3 months before marriage". */
  deadline: string;
  screenings: CatinScreeningView[];
  screenedInTime: boolean;
}

export interface CatinList {
  rows: CatinView[];
  coverage: { from: string; to: string; denominator: number; numerator: number; share: number | null };
}

export interface TpkMemberView {
  id: string;
  name: string;
  role: TpkMemberRole;
  userId: string | null;
  caseload: number;
  overdue: number;
}

export interface TpkAssignmentView {
  id: string;
  memberId: string;
  subjectKind: TpkSubjectKind;
  subjectId: string;
  subjectLabel: string;
  dueOn: string | null;
  overdue: boolean;
  lastVisit: {
    visitedOn: string;
    counselling: string | null;
    referralTo: string | null;
    referralDone: boolean | null;
    socialProgramme: string | null;
    socialOutcome: string | null;
  } | null;
  visits: number;
}

export interface OverdueFollowUp {
  recommendationId: string;
  auditId: string;
  childName: string;
  domain: AuditDomain;
  text: string;
  ownerName: string | null;
  dueOn: string;
  status: "terbuka" | "berjalan";
}

export interface TpkTeamView {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  members: TpkMemberView[];
  assignments: TpkAssignmentView[];
  overdueFollowUps: OverdueFollowUp[];
  auditShare: AuditShareView;
}

export interface AuditShareView {
  stuntedUnder2: number;
  audited: number;
  share: number | null;
  target: number;
  meetsTarget: boolean;
}

export interface AuditCase {
  childId: string;
  name: string;
  birthDate: string;
  regionCode: string;
  measuredOn: string;
  tbu: string;
  zlen: number | null;
  auditId: string | null;
}

export interface AuditCaseList {
  cases: AuditCase[];
  share: AuditShareView;
}

export interface RecommendationView {
  id: string;
  domain: AuditDomain;
  text: string;
  ownerTeamId: string;
  ownerName: string | null;
  dueOn: string;
  status: "terbuka" | "berjalan" | "selesai";
  overdue: boolean;
  followUps: { id: string; on: string; status: string; note: string | null }[];
}

export interface CaseAuditView {
  id: string;
  regionCode: string;
  child: { id: string; name: string; birthDate: string };
  auditedOn: string;
  team: string;
  findings: Partial<Record<AuditDomain, string>>;
  recommendations: RecommendationView[];
}
