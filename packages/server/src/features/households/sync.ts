import { HouseholdInput } from "@tumbuh/core";
import { createHousehold } from "../../features/households/service";
import type { EntityHandler } from "../registry";

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
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        regionCode: r.region_code,
        headName: r.head_name,
        address: r.address,
        rt: r.rt,
        rw: r.rw,
        waterSource: r.water_source,
        latrineType: r.latrine_type,
        revision: r.revision,
        deleted: r.deleted_at !== null,
      },
    }));
  },
};
