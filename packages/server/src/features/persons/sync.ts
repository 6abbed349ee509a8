import {
  maskNik,
  PersonInput,
  PersonLeaveInput,
  PersonReturnInput,
  type PersonSyncData,
  readScopes,
} from "@tumbuh/core";
import type { z } from "zod";
import type { EntityHandler } from "../../sync/registry";
import { findPerson, type PersonRow } from "./repository";
import { createPerson, editPerson, leavePerson, undoLeavePerson } from "./service";

/** What an offline edit may change (region moves are not done on a phone). */
const PersonEdit = PersonInput.omit({ regionCode: true }).partial().strict();

/** Devices get the NIK masked (UU 27/2022): the posyandu day tells children apart by name and birth date. */
function wire(r: PersonRow): PersonSyncData {
  return {
    regionCode: r.region_code,
    householdId: r.household_id,
    name: r.name,
    sex: r.sex === 2 ? 2 : 1,
    birthDate: r.birth_date,
    nikMasked: maskNik(r.nik),
    motherId: r.mother_id,
    parentName: r.parent_name,
    birthWeightKg: r.birth_weight_kg,
    birthLengthCm: r.birth_length_cm,
    revision: r.revision,
    leftOn: r.left_on ?? null,
    deleted: r.deleted_at !== null,
    mergedInto: r.merged_into,
  };
}

export const person: EntityHandler = {
  name: "person",
  ops: {
    create: {
      schema: PersonInput,
      apply: async (trx, actor, op) => {
        const { person: p } = await createPerson(trx, actor, op.payload, { id: op.entityId });
        return { revision: p.revision };
      },
    },
    update: {
      schema: PersonEdit as z.ZodType<z.infer<typeof PersonEdit>>,
      apply: async (trx, actor, op) => {
        const { person: p } = await editPerson(trx, actor, op.entityId, {
          ...op.payload,
          revision: op.baseRevision ?? 0,
        });
        return { revision: p.revision };
      },
    },
  },
  async current(trx, actor, id) {
    const r = await findPerson(trx, readScopes(actor), id);
    return r && !r.merged_into ? { revision: r.revision, data: wire(r) } : undefined;
  },
  async load(db, ids) {
    const rows = await db.selectFrom("persons").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({ id: r.id, regionCode: r.region_code, data: wire(r) }));
  },
};

/**
 * Marking a child (or woman) moved away or died from the phone: an append of its own (the op's id is the
 * mark's id), applied whatever the person's revision (it changes two fields nobody edits on a phone). A
 * replay finds the same day and reason stored and writes nothing; the person's change carries the result.
 */
export const personLeave: EntityHandler = {
  name: "person_leave",
  ops: {
    append: {
      schema: PersonLeaveInput,
      apply: async (trx, actor, op) => {
        const p = await leavePerson(trx, actor, op.payload);
        return { revision: p.revision };
      },
    },
  },
  load: async () => [],
};

/**
 * Undoing a mistaken moved-away/died mark from the phone (issue 17): an append of its own, like
 * `person_leave`, applied whatever the person's revision; a replay finds nothing marked and writes nothing.
 */
export const personLeaveUndo: EntityHandler = {
  name: "person_leave_undo",
  ops: {
    append: {
      schema: PersonReturnInput,
      apply: async (trx, actor, op) => {
        const p = await undoLeavePerson(trx, actor, op.payload);
        return { revision: p.revision };
      },
    },
  },
  load: async () => [],
};
