import { auditFollowUp, caseAudit } from "../../sync/entities/families";
import type { Feature } from "../feature";
import { caseAuditRoutes } from "./routes";

export const caseAuditsFeature: Feature = {
  name: "case-audits",
  routes: caseAuditRoutes,
  syncEntities: [caseAudit, auditFollowUp],
};
