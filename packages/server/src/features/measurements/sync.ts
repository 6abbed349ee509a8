import { MeasurementInput, type MeasurementSyncData } from "@tumbuh/core";
import type { EntityHandler } from "../../sync/registry";
import type { MeasurementRow } from "./repository";
import { recordMeasurement } from "./service";

function wire(r: MeasurementRow): MeasurementSyncData {
  return {
    personId: r.person_id,
    regionCode: r.region_code,
    measuredOn: r.measured_on,
    weightKg: r.weight_kg,
    lenheiCm: r.lenhei_cm,
    measure: r.measure === "l" || r.measure === "h" ? r.measure : null,
    muacCm: r.muac_cm,
    headcCm: r.headc_cm,
    oedema: r.oedema === 1,
    deleted: r.deleted_at !== null,
  };
}

/** Measurements are appends: a device never edits one, so they never conflict. */
export const measurement: EntityHandler = {
  name: "measurement",
  ops: {
    append: {
      schema: MeasurementInput,
      apply: async (trx, actor, op) => {
        await recordMeasurement(trx, actor, op.payload, { id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("measurements").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({ id: r.id, regionCode: r.region_code, data: wire(r) }));
  },
};
