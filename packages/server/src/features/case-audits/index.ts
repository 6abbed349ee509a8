import type { Feature } from "../feature";
import { caseAuditRoutes } from "./routes";
import { auditFollowUp, caseAudit } from "./sync";

export const caseAuditsFeature: Feature = {
  name: "case-audits",
  routes: caseAuditRoutes,
  syncEntities: [caseAudit, auditFollowUp],
};
