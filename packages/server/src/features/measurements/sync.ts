import { MeasurementInput, type MeasurementSyncData, MeasurementVoidInput } from "@tumbuh/core";
import type { EntityHandler } from "../../sync/registry";
import { type MeasurementRow, toRaw } from "./repository";
import { recordMeasurement, voidMeasurement } from "./service";

/** The raw values as the growth views read them (without id and recorder), with owner and deletion. */
function wire(r: MeasurementRow): MeasurementSyncData {
  const { id: _id, measuredBy: _by, ...raw } = toRaw(r);
  return { personId: r.person_id, regionCode: r.region_code, ...raw, deleted: r.deleted_at !== null };
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

/**
 * Voiding a measurement from the phone: an append of its own (the op's id is the void's id), since a
 * measurement has no edits. The voided row reaches devices as a change of the measurement (`deleted`).
 */
export const measurementVoid: EntityHandler = {
  name: "measurement_void",
  ops: {
    append: {
      schema: MeasurementVoidInput,
      apply: async (trx, actor, op) => {
        await voidMeasurement(trx, actor, op.payload);
        return {};
      },
    },
  },
  // Nothing of its own to send: the measurement's change carries the result.
  load: async () => [],
};
