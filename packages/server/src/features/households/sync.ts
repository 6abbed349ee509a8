import { HouseholdInput, type HouseholdSyncData } from "@tumbuh/core";
import type { Selectable } from "kysely";
import type { EntityHandler } from "../../sync/registry";
import type { HouseholdsTable } from "./schema";
import { createHousehold } from "./service";

function wire(r: Selectable<HouseholdsTable>): HouseholdSyncData {
  return {
    regionCode: r.region_code,
    headName: r.head_name,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    waterSource: r.water_source,
    latrineType: r.latrine_type,
    revision: r.revision,
    deleted: r.deleted_at !== null,
  };
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
