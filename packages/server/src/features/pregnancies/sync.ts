import { PregnancyInput, type PregnancySyncData, readScopes } from "@tumbuh/core";
import type { z } from "zod";
import type { EntityHandler } from "../../sync/registry";
import { findPregnancy, type PregnancyRow } from "./repository";
import { createPregnancy, editPregnancy } from "./service";

const PregnancyEdit = PregnancyInput.omit({ personId: true }).partial().strict();

function wire(r: PregnancyRow): PregnancySyncData {
  return {
    personId: r.person_id,
    regionCode: r.region_code,
    lmpDate: r.lmp_date,
    eddDate: r.edd_date,
    gravida: r.gravida,
    muacCm: r.muac_cm,
    hbGdl: r.hb_g_dl,
    highRisk: r.high_risk === 1,
    highRiskNote: r.high_risk_note,
    endedOn: r.ended_on,
    outcome: r.outcome,
    revision: r.revision,
    deleted: r.deleted_at !== null,
  };
}

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
    update: {
      schema: PregnancyEdit as z.ZodType<z.infer<typeof PregnancyEdit>>,
      apply: async (trx, actor, op) => {
        const p = await editPregnancy(trx, actor, op.entityId, {
          ...op.payload,
          revision: op.baseRevision ?? 0,
        });
        return { revision: p.revision };
      },
    },
  },
  async current(trx, actor, id) {
    const r = await findPregnancy(trx, readScopes(actor), id);
    return r ? { revision: r.revision, data: wire(r) } : undefined;
  },
  async load(db, ids) {
    const rows = await db.selectFrom("pregnancies").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({ id: r.id, regionCode: r.region_code, data: wire(r) }));
  },
};
