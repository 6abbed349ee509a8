import {
  type AuditDomain,
  AuditFindingsSchema,
  type AuditFollowUpSyncData,
  CaseAuditInput,
  type CaseAuditSyncData,
  FollowUpInput,
} from "@tumbuh/core";
import { parseJsonColumn } from "../../db/json-column";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordCaseAudit, recordFollowUp } from "./service";

/**
 * Case audits and their follow-ups recorded on a phone (issue 8). A create and an append: a replay of the
 * same id is a no-op in the service, so none conflicts. The op's entityId is the record's id.
 */
export const caseAudit: EntityHandler = {
  name: "case_audit",
  ops: {
    create: {
      schema: CaseAuditInput.extend(optionalId),
      apply: async (trx, actor, op) => {
        await recordCaseAudit(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("case_audits").selectAll().where("id", "in", ids).execute();
    // Recommendations are written with their audit (one transaction), so the audit's change carries them:
    // a device needs their ids to record follow-ups.
    const recs = await db
      .selectFrom("audit_recommendations")
      .selectAll()
      .where("audit_id", "in", ids)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        childId: r.child_id,
        regionCode: r.region_code,
        auditedOn: r.audited_on,
        team: r.team,
        findings: parseJsonColumn(AuditFindingsSchema, r.findings_json),
        recommendations: recs
          .filter((x) => x.audit_id === r.id)
          .map((x) => ({
            id: x.id,
            domain: x.domain as AuditDomain,
            text: x.text,
            ownerTeamId: x.owner_team_id,
            ownerName: x.owner_name,
            dueOn: x.due_on,
          })),
      } satisfies CaseAuditSyncData,
    }));
  },
};

export const auditFollowUp: EntityHandler = {
  name: "audit_followup",
  ops: {
    append: {
      schema: FollowUpInput.extend(optionalId),
      apply: async (trx, actor, op) => {
        await recordFollowUp(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("audit_followups").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        recommendationId: r.recommendation_id,
        regionCode: r.region_code,
        on: r.on_date,
        status: r.status,
        note: r.note,
      } satisfies AuditFollowUpSyncData,
    }));
  },
};
