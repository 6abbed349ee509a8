import {
  CatinExtraSchema,
  CatinInput,
  CatinScreeningInput,
  type CatinScreeningSyncData,
  type CatinSyncData,
  RecordVoidInput,
} from "@tumbuh/core";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import { optionalId } from "../../sync/payload-id";
import type { EntityHandler } from "../../sync/registry";
import { recordCatinScreening, registerCatin, voidCatinScreening } from "./service";

/**
 * Catin registered and screened on a phone (issue 8). A create and an append: a replay of the same id is
 * a no-op in the service, so none conflicts. The op's entityId is the record's id.
 */
export const catin: EntityHandler = {
  name: "catin",
  ops: {
    create: {
      schema: CatinInput,
      apply: async (trx, actor, op) => {
        await registerCatin(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("catin").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        personId: r.person_id,
        regionCode: r.region_code,
        partnerName: r.partner_name,
        partnerPersonId: r.partner_person_id,
        marriageDate: r.marriage_date,
      } satisfies CatinSyncData,
    }));
  },
};

export const catinScreening: EntityHandler = {
  name: "catin_screening",
  ops: {
    append: {
      schema: CatinScreeningInput.extend({ ...optionalId, catinId: z.string().uuid() }),
      apply: async (trx, actor, op) => {
        const { catinId, ...input } = op.payload;
        await recordCatinScreening(trx, actor, catinId, { ...input, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await db.selectFrom("catin_screenings").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      data: {
        catinId: r.catin_id,
        regionCode: r.region_code,
        screenedOn: r.screened_on,
        weightKg: r.weight_kg,
        heightCm: r.height_cm,
        muacCm: r.muac_cm,
        hbGdl: r.hb_g_dl,
        extra: parseJsonColumn(CatinExtraSchema, r.extra_json),
        voidReason: r.voided_at ? (r.void_reason ?? "") : null,
      } satisfies CatinScreeningSyncData,
    }));
  },
};

/**
 * Voiding a catin screening from the phone (issue 17): an append of its own (the op's id is the void's
 * id), like `service_record_void`. The voided screening reaches devices as a change of it (`voidReason`).
 */
export const catinScreeningVoid: EntityHandler = {
  name: "catin_screening_void",
  ops: {
    append: {
      schema: RecordVoidInput,
      apply: async (trx, actor, op) => {
        await voidCatinScreening(trx, actor, op.payload);
        return {};
      },
    },
  },
  load: async () => [],
};
