import { FamilyObserved, FamilyScreeningInput, type FamilyScreeningSyncData } from "@tumbuh/core";
import { parseJsonColumn } from "../../db/json-column";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordFamilyScreening } from "./service";

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
      } satisfies FamilyScreeningSyncData,
    }));
  },
};
