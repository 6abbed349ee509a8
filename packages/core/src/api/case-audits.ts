import { CaseAuditInput, FollowUpInput } from "../families/schemas";
import { AuditCaseListSchema, CaseAuditViewSchema } from "../families/views";
import { CodeParams, IdParams } from "./common";
import { endpoint } from "./endpoint";

/** Stunting case audits (Paser Pasal 13(5)): cases, audits with recommendations, follow-ups. */
export const caseAuditsApi = {
  cases: endpoint({
    method: "GET",
    path: "/api/regions/:code/audit-cases",
    tag: "case-audits",
    summary: "Stunted under-twos of a region, which are audited, and the share against the 50% target",
    params: CodeParams,
    response: AuditCaseListSchema,
  }),
  record: endpoint({
    method: "POST",
    path: "/api/case-audits",
    tag: "case-audits",
    status: 201,
    body: CaseAuditInput,
    response: CaseAuditViewSchema,
  }),
  view: endpoint({
    method: "GET",
    path: "/api/case-audits/:id",
    tag: "case-audits",
    params: IdParams,
    response: CaseAuditViewSchema,
  }),
  followUp: endpoint({
    method: "POST",
    path: "/api/audit-followups",
    tag: "case-audits",
    status: 201,
    body: FollowUpInput,
    response: CaseAuditViewSchema,
  }),
};
