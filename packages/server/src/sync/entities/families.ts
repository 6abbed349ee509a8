import {
  CaseAuditInput,
  CatinInput,
  CatinScreeningInput,
  FamilyScreeningInput,
  FollowUpInput,
  TpkVisitInput,
} from "@tumbuh/core";
import { z } from "zod";
import { recordCaseAudit, recordFollowUp } from "../../features/case-audits/service";
import { recordCatinScreening, registerCatin } from "../../features/catin/service";
import { recordFamilyScreening } from "../../features/families/service";
import { recordVisit } from "../../features/tpk/service";
import type { EntityHandler } from "../registry";

// Issue 8 on the phone: family screenings, catin and their screenings, TPK visits, case audits and their
// follow-ups. All are appends or creates (a replay of the same id is a no-op in the services), so none
// conflicts. The op's entityId is the record's id; a payload may repeat it but entityId decides.
// Team and member administration stays online (a desa officer at a desk, not a phone in the field).
const optionalId = { id: z.string().uuid().optional() };

const json = (s: string) => JSON.parse(s) as unknown;

export const familyScreening: EntityHandler = {
  name: "family_screening",
  ops: {
    append: {
      schema: FamilyScreeningInput.extend(optionalId),
      apply: async (trx, actor, op) => {
        await recordFamilyScreening(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("family_screenings").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        householdId: r.household_id,
        regionCode: r.region_code,
        screenedOn: r.screened_on,
        observed: json(r.observed_json),
        atRisk: r.at_risk === 1,
        note: r.note,
        verifyResult: r.verify_result,
        verifiedAt: r.verified_at,
      },
    }));
  },
};

export const catin: EntityHandler = {
  name: "catin",
  ops: {
    create: {
      schema: CatinInput,
      apply: async (trx, actor, op) => {
        await registerCatin(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("catin").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        personId: r.person_id,
        regionCode: r.region_code,
        partnerName: r.partner_name,
        partnerPersonId: r.partner_person_id,
        marriageDate: r.marriage_date,
      },
    }));
  },
};

export const catinScreening: EntityHandler = {
  name: "catin_screening",
  ops: {
    append: {
      schema: CatinScreeningInput.extend({ ...optionalId, catinId: z.string().uuid() }),
      apply: async (trx, actor, op) => {
        const { catinId, ...input } = op.payload;
        await recordCatinScreening(trx, actor, catinId, { ...input, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("catin_screenings").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        catinId: r.catin_id,
        regionCode: r.region_code,
        screenedOn: r.screened_on,
        weightKg: r.weight_kg,
        heightCm: r.height_cm,
        muacCm: r.muac_cm,
        hbGdl: r.hb_g_dl,
        extra: json(r.extra_json),
      },
    }));
  },
};

export const tpkVisit: EntityHandler = {
  name: "tpk_visit",
  ops: {
    append: {
      schema: TpkVisitInput.extend(optionalId),
      apply: async (trx, actor, op) => {
        await recordVisit(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("tpk_visits").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        assignmentId: r.assignment_id,
        regionCode: r.region_code,
        visitedOn: r.visited_on,
        counselling: r.counselling,
        referralTo: r.referral_to,
        referralDone: r.referral_done == null ? null : r.referral_done === 1,
        socialProgramme: r.social_programme,
        socialOutcome: r.social_outcome,
        nextDueOn: r.next_due_on,
        note: r.note,
      },
    }));
  },
};

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
        findings: json(r.findings_json),
        recommendations: recs
          .filter((x) => x.audit_id === r.id)
          .map((x) => ({
            id: x.id,
            domain: x.domain,
            text: x.text,
            ownerTeamId: x.owner_team_id,
            ownerName: x.owner_name,
            dueOn: x.due_on,
          })),
      },
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
      },
    }));
  },
};
