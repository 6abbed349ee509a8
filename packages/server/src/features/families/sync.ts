import {
  FamilyObserved,
  FamilyScreeningInput,
  type FamilyScreeningSyncData,
  RecordVoidInput,
} from "@tumbuh/core";
import { parseJsonColumn } from "../../db/json-column";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordFamilyScreening, voidFamilyScreening } from "./service";

/**
 * Family screenings recorded on a phone (issue 8). Appends: a replay of the same id is a no-op in the
 * service, so none conflicts. The op's entityId is the screening's id.
 */
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
        observed: parseJsonColumn(FamilyObserved, r.observed_json),
        atRisk: r.at_risk === 1,
        note: r.note,
        verifyResult: r.verify_result,
        verifiedAt: r.verified_at,
        voidReason: r.voided_at ? (r.void_reason ?? "") : null,
      } satisfies FamilyScreeningSyncData,
    }));
  },
};

/**
 * Voiding a family screening from the phone (issue 17): an append of its own (the op's id is the void's
 * id), like `service_record_void`. The voided screening reaches devices as a change of it (`voidReason`).
 */
export const familyScreeningVoid: EntityHandler = {
  name: "family_screening_void",
  ops: {
    append: {
      schema: RecordVoidInput,
      apply: async (trx, actor, op) => {
        await voidFamilyScreening(trx, actor, op.payload);
        return {};
      },
    },
  },
  load: async () => [],
};
