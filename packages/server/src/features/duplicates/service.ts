import {
  type Actor,
  type DuplicatePair,
  type DuplicateReason,
  desaCodeOf,
  type MergeMoved,
  MergeMovedJson,
  nameKey,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findPerson, findPersonsByIds, toSummary } from "../persons/service";
import { writableRegion } from "../region-guard";
import { findRegion } from "../regions/service";
import { dismissPair, sameKeyAndBirth, sameNik } from "./repository";

/**
 * Likely duplicates: the same sound-alike name and birth date, in the same desa, with the same mother
 * (the same mother record, or mothers' / parents' names that sound alike). Only proposed; a person decides.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<DuplicatePair[]> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await sameKeyAndBirth(db, scopes, regionCode);
  const candidates = rows.flatMap((r) => {
    if (desaCodeOf(r.aRegion) !== desaCodeOf(r.bRegion)) return [];
    if (r.aNik && r.bNik && r.aNik !== r.bNik) return []; // two different NIKs are two people
    const reasons: DuplicateReason[] = ["same_name", "same_birth_date", "same_desa"];
    const motherA = r.aMotherKey ?? (r.aParent ? nameKey(r.aParent) : null);
    const motherB = r.bMotherKey ?? (r.bParent ? nameKey(r.bParent) : null);
    if (r.aMotherId && r.aMotherId === r.bMotherId) reasons.push("same_mother");
    else if (motherA && motherA === motherB) reasons.push("mother_name_alike");
    else return [];
    return [{ r, reasons }];
  });
  const pairs: {
    r: { aId: string; bId: string; aMotherName: string | null; bMotherName: string | null };
    reasons: DuplicateReason[];
  }[] = [...candidates];
  for (const n of await sameNik(db, scopes, regionCode)) {
    const known = pairs.find((c) => c.r.aId === n.aId && c.r.bId === n.bId);
    if (known) known.reasons.push("same_nik");
    else pairs.push({ r: n, reasons: ["same_nik"] });
  }
  const ids = pairs.flatMap(({ r }) => [r.aId, r.bId]);
  const persons = new Map((await findPersonsByIds(db, scopes, ids)).map((p) => [p.id, p]));
  const today = todayIso();
  return pairs.flatMap(({ r, reasons }) => {
    const a = persons.get(r.aId);
    const b = persons.get(r.bId);
    if (!a || !b) return [];
    return [
      {
        a: { ...toSummary(a, today), parentName: a.parent_name, motherName: r.aMotherName },
        b: { ...toSummary(b, today), parentName: b.parent_name, motherName: r.bMotherName },
        reasons,
      },
    ];
  });
}

/**
 * Merge `mergeId` into `keepId`: measurements, pregnancies and children move to the kept record; a
 * measurement on a day the kept record already has stays on the merged record (nothing is lost, undo
 * brings all back). The merged record is marked, not deleted. Audited; reversible with `undoMerge`.
 */
export async function mergePersons(
  db: Kysely<Database>,
  actor: Actor,
  keepId: string,
  mergeId: string,
): Promise<{ mergeId: string }> {
  if (keepId === mergeId) throw errors.validation("mergeId", "mergeId: cannot merge a person into itself");
  const scopes = readScopes(actor);
  const [keep, merge] = await Promise.all([findPerson(db, scopes, keepId), findPerson(db, scopes, mergeId)]);
  if (!keep || !merge || keep.merged_into || merge.merged_into) throw errors.notFound();
  await writableRegion(db, actor, keep.region_code, ["desa", "dusun", "posyandu"]);
  await writableRegion(db, actor, merge.region_code, ["desa", "dusun", "posyandu"]);
  if (desaCodeOf(keep.region_code) !== desaCodeOf(merge.region_code)) {
    throw errors.validation("mergeId", "mergeId: only records of the same desa are merged");
  }
  if (keep.nik && merge.nik && keep.nik !== merge.nik) {
    throw errors.validation("mergeId", "mergeId: the two records carry different NIKs");
  }
  const at = nowIso();
  const id = uuidv7();
  await inTransaction(db, async (trx) => {
    const keepDays = new Set(
      (
        await trx
          .selectFrom("measurements")
          .select("measured_on")
          .where("person_id", "=", keepId)
          .where("deleted_at", "is", null)
          .execute()
      ).map((m) => m.measured_on),
    );
    const theirs = await trx
      .selectFrom("measurements")
      .select(["id", "measured_on"])
      .where("person_id", "=", mergeId)
      .where("deleted_at", "is", null)
      .execute();
    const moved: MergeMoved = {
      measurements: theirs.filter((m) => !keepDays.has(m.measured_on)).map((m) => m.id),
      keptAside: theirs.filter((m) => keepDays.has(m.measured_on)).map((m) => m.id),
      pregnancies: (
        await trx.selectFrom("pregnancies").select("id").where("person_id", "=", mergeId).execute()
      ).map((p) => p.id),
      children: (await trx.selectFrom("persons").select("id").where("mother_id", "=", mergeId).execute()).map(
        (c) => c.id,
      ),
      nik: !keep.nik && merge.nik ? merge.nik : null,
      householdId: !keep.household_id && merge.household_id ? merge.household_id : null,
      motherId: !keep.mother_id && merge.mother_id ? merge.mother_id : null,
    };
    // The merged record leaves the live NIK index before the kept one takes its NIK.
    await trx
      .updateTable("persons")
      .set((eb) => ({ merged_into: keepId, updated_at: at, revision: eb("revision", "+", 1) }))
      .where("id", "=", mergeId)
      .execute();
    if (moved.measurements.length) {
      await trx
        .updateTable("measurements")
        .set({ person_id: keepId })
        .where("id", "in", moved.measurements)
        .execute();
    }
    if (moved.pregnancies.length) {
      await trx
        .updateTable("pregnancies")
        .set({ person_id: keepId })
        .where("id", "in", moved.pregnancies)
        .execute();
    }
    if (moved.children.length) {
      await trx.updateTable("persons").set({ mother_id: keepId }).where("id", "in", moved.children).execute();
    }
    await trx
      .updateTable("persons")
      .set((eb) => ({
        nik: moved.nik ?? keep.nik,
        household_id: moved.householdId ?? keep.household_id,
        mother_id: moved.motherId ?? keep.mother_id,
        updated_at: at,
        revision: eb("revision", "+", 1),
      }))
      .where("id", "=", keepId)
      .execute();
    await trx
      .insertInto("person_merges")
      .values({
        id,
        kept_id: keepId,
        merged_id: mergeId,
        moved_json: JSON.stringify(moved),
        region_code: keep.region_code,
        merged_at: at,
        merged_by: actor.userId,
        undone_at: null,
        undone_by: null,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: "person.merge",
      entity: "person",
      entityId: keepId,
      regionCode: keep.region_code,
      before: { keep, merge },
      after: { mergeId: id, moved },
    });
  });
  return { mergeId: id };
}

export async function undoMerge(db: Kysely<Database>, actor: Actor, mergeId: string): Promise<void> {
  const scopes = readScopes(actor);
  const m = await db.selectFrom("person_merges").selectAll().where("id", "=", mergeId).executeTakeFirst();
  if (!m || !(await findPerson(db, scopes, m.kept_id))) throw errors.notFound();
  await writableRegion(db, actor, m.region_code, ["desa", "dusun", "posyandu"]);
  if (m.undone_at) throw errors.conflict("This merge was already undone.");
  const moved = parseJsonColumn(MergeMovedJson, m.moved_json);
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    if (moved.measurements.length) {
      await trx
        .updateTable("measurements")
        .set({ person_id: m.merged_id })
        .where("id", "in", moved.measurements)
        .execute();
    }
    if (moved.pregnancies.length) {
      await trx
        .updateTable("pregnancies")
        .set({ person_id: m.merged_id })
        .where("id", "in", moved.pregnancies)
        .execute();
    }
    if (moved.children.length) {
      await trx
        .updateTable("persons")
        .set({ mother_id: m.merged_id })
        .where("id", "in", moved.children)
        .execute();
    }
    const kept = { updated_at: at } as {
      updated_at: string;
      nik?: null;
      household_id?: null;
      mother_id?: null;
    };
    if (moved.nik) kept.nik = null;
    if (moved.householdId) kept.household_id = null;
    if (moved.motherId) kept.mother_id = null;
    await trx
      .updateTable("persons")
      .set((eb) => ({ ...kept, revision: eb("revision", "+", 1) }))
      .where("id", "=", m.kept_id)
      .execute();
    await trx
      .updateTable("persons")
      .set((eb) => ({ merged_into: null, updated_at: at, revision: eb("revision", "+", 1) }))
      .where("id", "=", m.merged_id)
      .execute();
    await trx
      .updateTable("person_merges")
      .set({ undone_at: at, undone_by: actor.userId })
      .where("id", "=", mergeId)
      .execute();
    await appendAudit(trx, actor, {
      action: "person.merge_undo",
      entity: "person",
      entityId: m.kept_id,
      regionCode: m.region_code,
      before: { mergeId, moved },
    });
  });
}

export async function dismissDuplicate(
  db: Kysely<Database>,
  actor: Actor,
  aId: string,
  bId: string,
): Promise<void> {
  const scopes = readScopes(actor);
  const [a, b] = await Promise.all([findPerson(db, scopes, aId), findPerson(db, scopes, bId)]);
  if (!a || !b) throw errors.notFound();
  await writableRegion(db, actor, a.region_code, ["desa", "dusun", "posyandu"]);
  await inTransaction(db, async (trx) => {
    await dismissPair(trx, aId, bId, nowIso(), actor.userId);
    await appendAudit(trx, actor, {
      action: "person.duplicate_dismiss",
      entity: "person",
      entityId: aId,
      regionCode: a.region_code,
      after: { aId, bId },
    });
  });
}
