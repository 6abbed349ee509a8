import { RecordVoidInput, TpkVisitInput, type TpkVisitSyncData } from "@tumbuh/core";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordVisit, voidVisit } from "./service";

/**
 * TPK visits recorded in the field (issue 8). Appends: a replay of the same id is a no-op in the service,
 * so none conflicts. Team and member administration stays online (a desa officer at a desk, not a phone).
 */
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
        voidReason: r.voided_at ? (r.void_reason ?? "") : null,
      } satisfies TpkVisitSyncData,
    }));
  },
};

/**
 * Voiding a visit from the phone (issue 17): an append of its own (the op's id is the void's id), like
 * `service_record_void`. The voided visit reaches devices as a change of the visit (`voidReason`).
 */
export const tpkVisitVoid: EntityHandler = {
  name: "tpk_visit_void",
  ops: {
    append: {
      schema: RecordVoidInput,
      apply: async (trx, actor, op) => {
        await voidVisit(trx, actor, op.payload);
        return {};
      },
    },
  },
  load: async () => [],
};
