import { TpkAssignmentInput, TpkMemberInput, TpkTeamInput, TpkVisitInput } from "../families/schemas";
import { TpkCandidateListSchema, TpkTeamListSchema, TpkTeamViewSchema } from "../families/views";
import { RecordVoidInput } from "../registry-schemas";
import { CodeParams, IdParams } from "./common";
import { endpoint } from "./endpoint";

/** Family support teams (TPK: bidan, PKK, kader KB; Paser Pasal 13(2)): members, assignments, visits. */
export const tpkApi = {
  teams: endpoint({
    method: "GET",
    path: "/api/regions/:code/tpk-teams",
    tag: "tpk",
    params: CodeParams,
    response: TpkTeamListSchema,
  }),
  candidates: endpoint({
    method: "GET",
    path: "/api/regions/:code/tpk-candidates",
    tag: "tpk",
    summary: "Pregnant women and mothers ≤ 42 days after delivery a team may accompany",
    params: CodeParams,
    response: TpkCandidateListSchema,
  }),
  createTeam: endpoint({
    method: "POST",
    path: "/api/tpk-teams",
    tag: "tpk",
    status: 201,
    body: TpkTeamInput,
    response: TpkTeamViewSchema,
  }),
  team: endpoint({
    method: "GET",
    path: "/api/tpk-teams/:id",
    tag: "tpk",
    summary: "The team's dashboard: caseload, overdue visits and follow-ups, the audited share",
    params: IdParams,
    response: TpkTeamViewSchema,
  }),
  addMember: endpoint({
    method: "POST",
    path: "/api/tpk-teams/:id/members",
    tag: "tpk",
    status: 201,
    params: IdParams,
    body: TpkMemberInput,
    response: TpkTeamViewSchema,
  }),
  assign: endpoint({
    method: "POST",
    path: "/api/tpk-assignments",
    tag: "tpk",
    status: 201,
    body: TpkAssignmentInput,
    response: TpkTeamViewSchema,
  }),
  visit: endpoint({
    method: "POST",
    path: "/api/tpk-visits",
    tag: "tpk",
    status: 201,
    body: TpkVisitInput,
    response: TpkTeamViewSchema,
  }),
  /** Void a visit recorded by mistake, with a reason (kept, audited, out of the due date and every figure). */
  voidVisit: endpoint({
    method: "POST",
    path: "/api/tpk-visits/:id/void",
    tag: "tpk",
    params: IdParams,
    body: RecordVoidInput.omit({ id: true }),
    response: TpkTeamViewSchema,
  }),
};
