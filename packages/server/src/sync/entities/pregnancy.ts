import { PregnancyInput } from "@tumbuh/core";
import { createPregnancy } from "../../features/pregnancies/service";
import type { EntityHandler } from "../registry";

export const pregnancy: EntityHandler = {
  name: "pregnancy",
  ops: {
    create: {
      schema: PregnancyInput,
      apply: async (trx, actor, op) => {
        await createPregnancy(trx, actor, op.payload, { id: op.entityId });
        return { revision: 1 };
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("pregnancies").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        personId: r.person_id,
        regionCode: r.region_code,
        lmpDate: r.lmp_date,
        eddDate: r.edd_date,
        gravida: r.gravida,
        muacCm: r.muac_cm,
        hbGdl: r.hb_g_dl,
        highRisk: r.high_risk === 1,
        endedOn: r.ended_on,
        outcome: r.outcome,
        revision: r.revision,
        deleted: r.deleted_at !== null,
      },
    }));
  },
};
