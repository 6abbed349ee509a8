import { RecordVoidInput, ServiceRecordInput } from "@tumbuh/core";
import type { EntityHandler } from "../../sync/registry";
import { serviceRecordsByIds, toServiceRecordView } from "./repository";
import { recordService, voidServiceRecord } from "./service";

/**
 * Service records (issue 6) are appends: a correction is a new record that supersedes the old one, so a
 * device never edits one and they never conflict. The op's entityId is the record's id.
 */
export const serviceRecord: EntityHandler = {
  name: "service_record",
  ops: {
    append: {
      schema: ServiceRecordInput,
      apply: async (trx, actor, op) => {
        await recordService(trx, actor, { ...op.payload, id: op.entityId });
        return {};
      },
    },
  },
  async load(db, ids) {
    const rows = await serviceRecordsByIds(db, ids);
    return rows.map((r) => {
      const { id: _id, recordedBy: _by, live: _live, ...data } = toServiceRecordView(r, true);
      return { id: r.id, regionCode: r.region_code, data };
    });
  },
};

/**
 * Voiding a service record from the phone: an append of its own (the op's id is the void's id). The voided
 * record reaches devices as a change of the record (`voidReason`).
 */
export const serviceRecordVoid: EntityHandler = {
  name: "service_record_void",
  ops: {
    append: {
      schema: RecordVoidInput,
      apply: async (trx, actor, op) => {
        await voidServiceRecord(trx, actor, op.payload);
        return {};
      },
    },
  },
  load: async () => [],
};
