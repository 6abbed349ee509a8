import {
  type Actor,
  type HouseholdInput,
  type HouseholdView,
  is1000HpkHousehold,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { listPersonsOfHousehold, summariesWithFacts } from "../persons/repository";
import { writableRegion } from "../region-guard";
import { findHousehold, insertHousehold, toHouseholdView } from "./repository";

export async function createHousehold(
  db: Kysely<Database>,
  actor: Actor,
  input: HouseholdInput,
  opts: { id?: string } = {},
): Promise<HouseholdView> {
  await writableRegion(db, actor, input.regionCode, ["desa", "dusun"]);
  const at = nowIso();
  const row = {
    id: opts.id ?? uuidv7(),
    region_code: input.regionCode,
    kk_number: input.kkNumber ?? null,
    head_name: input.headName ?? null,
    address: input.address,
    rt: input.rt ?? null,
    rw: input.rw ?? null,
    water_source: input.waterSource,
    latrine_type: input.latrineType,
    created_at: at,
    updated_at: at,
    revision: 1,
    deleted_at: null,
  };
  await inTransaction(db, async (trx) => {
    await insertHousehold(trx, row);
    await appendAudit(trx, actor, {
      action: "household.create",
      entity: "household",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return toHouseholdView(row);
}

export async function viewHousehold(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await findHousehold(db, readScopes(actor), id);
  if (!row) throw errors.notFound();
  const members = await summariesWithFacts(
    db,
    await listPersonsOfHousehold(db, readScopes(actor), id),
    todayIso(),
  );
  // PALI Pasal 1 angka 17: a household with a pregnant woman or a child 0–23 months.
  return {
    household: toHouseholdView(row),
    members,
    is1000Hpk: is1000HpkHousehold(members.map((m) => m.targetRoles)),
  };
}

/** A household the actor may see, or 404 — for linking a person to it. */
export async function visibleHousehold(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await findHousehold(db, readScopes(actor), id);
  if (!row) throw errors.missingReference("householdId", "householdId: no such household in your area");
  return row;
}

// What other features read of households (through this file, not the repository).
export { findHousehold, householdSanitationOf, toHouseholdView } from "./repository";
