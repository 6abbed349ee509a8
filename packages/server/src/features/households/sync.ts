import { HouseholdInput, type HouseholdSyncData } from "@tumbuh/core";
import type { Selectable } from "kysely";
import type { EntityHandler } from "../../sync/registry";
import { toHouseholdView } from "./repository";
import type { HouseholdsTable } from "./schema";
import { createHousehold } from "./service";

/** The view's stored fields (the sync data is that schema's pick) and whether the household was deleted. */
function wire(r: Selectable<HouseholdsTable>): HouseholdSyncData {
  const { id: _id, kkNumber: _kk, safeWater: _water, properLatrine: _latrine, ...data } = toHouseholdView(r);
  return { ...data, deleted: r.deleted_at !== null };
}

/** Households are created on a device (online today, the contract already takes them); never edited there. */
export const household: EntityHandler = {
  name: "household",
  ops: {
    create: {
      schema: HouseholdInput,
      apply: async (trx, actor, op) => {
        await createHousehold(trx, actor, op.payload, { id: op.entityId });
        return { revision: 1 };
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("households").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({ id: r.id, regionCode: r.region_code, data: wire(r) }));
  },
};
