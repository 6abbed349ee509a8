import { TikaReadingInput, type TikaReadingSyncData } from "@tumbuh/core";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordTikaReading } from "./service";

/**
 * A tika reading taken on a phone (offline). An append: a replay of the same id is a no-op in the service,
 * so none conflicts. The op's entityId is the reading's id.
 */
export const tikaReading: EntityHandler = {
  name: "tika_reading",
  ops: {
    append: {
      schema: TikaReadingInput.extend(optionalId),
      apply: async (trx, actor, op) => {
        await recordTikaReading(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("tika_readings").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        personId: r.person_id,
        regionCode: r.region_code,
        measuredOn: r.measured_on,
        band: r.band as TikaReadingSyncData["band"],
        measuredBy: r.measured_by,
        recordedBy: r.created_by,
      } satisfies TikaReadingSyncData,
    }));
  },
};
