// Families at risk, catin, TPK and case-audit endpoints (issue 8). Every write carries a client-made
// UUIDv7 so the offline sync can replay it safely (the server treats a repeated id as a no-op).
import type {
  AuditCaseList,
  CaseAuditInput,
  CaseAuditView,
  CatinList,
  CatinScreeningInput,
  CatinView,
  FamilyList,
  FamilyObserved,
  FamilyScreeningView,
  FamilyView,
  FollowUpInput,
  PersonInput,
  TpkMemberRole,
  TpkSubjectKind,
  TpkTeamView,
  TpkVisitInput,
} from "@tumbuh/core";
import type { Requester } from "./client";

const enc = encodeURIComponent;

export function familyEndpoints(request: Requester) {
  return {
    families(code: string, semester: string | null, signal?: AbortSignal): Promise<FamilyList> {
      const q = semester ? `?semester=${enc(semester)}` : "";
      return request(`/regions/${enc(code)}/families${q}`, { signal });
    },
    family(householdId: string, signal?: AbortSignal): Promise<FamilyView> {
      return request(`/families/${enc(householdId)}`, { signal });
    },
    screenFamily(input: {
      id: string;
      householdId: string;
      screenedOn: string;
      observed: FamilyObserved;
      note?: string | null;
    }): Promise<FamilyScreeningView> {
      return request(`/family-screenings`, { method: "POST", body: input });
    },
    verifyFamily(
      id: string,
      result: "sesuai" | "tidak_sesuai",
      note: string | null,
    ): Promise<FamilyScreeningView> {
      return request(`/family-screenings/${enc(id)}/verify`, { method: "POST", body: { result, note } });
    },
    catinList(code: string, signal?: AbortSignal): Promise<CatinList> {
      return request(`/regions/${enc(code)}/catin`, { signal });
    },
    catin(id: string, signal?: AbortSignal): Promise<CatinView> {
      return request(`/catin/${enc(id)}`, { signal });
    },
    registerCatin(
      input: { id: string; partnerName: string | null; marriageDate: string } & (
        | { person: PersonInput }
        | { personId: string }
      ),
    ): Promise<CatinView> {
      return request(`/catin`, { method: "POST", body: input });
    },
    screenCatin(catinId: string, input: CatinScreeningInput): Promise<CatinView> {
      return request(`/catin/${enc(catinId)}/screenings`, { method: "POST", body: input });
    },
    certificateUrl(screeningId: string): string {
      return `/api/catin-screenings/${enc(screeningId)}/certificate.pdf`;
    },
    tpkTeams(
      code: string,
      signal?: AbortSignal,
    ): Promise<{ teams: { id: string; regionCode: string; name: string }[] }> {
      return request(`/regions/${enc(code)}/tpk-teams`, { signal });
    },
    tpkCandidates(
      code: string,
      signal?: AbortSignal,
    ): Promise<{ candidates: { personId: string; name: string; kind: "ibu_hamil" | "ibu_nifas" }[] }> {
      return request(`/regions/${enc(code)}/tpk-candidates`, { signal });
    },
    createTpkTeam(input: { id: string; regionCode: string; name: string }): Promise<TpkTeamView> {
      return request(`/tpk-teams`, { method: "POST", body: input });
    },
    tpkTeam(id: string, signal?: AbortSignal): Promise<TpkTeamView> {
      return request(`/tpk-teams/${enc(id)}`, { signal });
    },
    addTpkMember(
      teamId: string,
      input: { id: string; name: string; role: TpkMemberRole },
    ): Promise<TpkTeamView> {
      return request(`/tpk-teams/${enc(teamId)}/members`, { method: "POST", body: input });
    },
    assignTpk(input: {
      id: string;
      memberId: string;
      subjectKind: TpkSubjectKind;
      subjectId: string;
      firstDueOn: string;
    }): Promise<TpkTeamView> {
      return request(`/tpk-assignments`, { method: "POST", body: input });
    },
    tpkVisit(input: TpkVisitInput): Promise<TpkTeamView> {
      return request(`/tpk-visits`, { method: "POST", body: input });
    },
    auditCases(code: string, signal?: AbortSignal): Promise<AuditCaseList> {
      return request(`/regions/${enc(code)}/audit-cases`, { signal });
    },
    caseAudit(id: string, signal?: AbortSignal): Promise<CaseAuditView> {
      return request(`/case-audits/${enc(id)}`, { signal });
    },
    recordCaseAudit(input: CaseAuditInput): Promise<CaseAuditView> {
      return request(`/case-audits`, { method: "POST", body: input });
    },
    followUp(input: FollowUpInput): Promise<CaseAuditView> {
      return request(`/audit-followups`, { method: "POST", body: input });
    },
  };
}
