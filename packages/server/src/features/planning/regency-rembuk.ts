import {
  type Actor,
  hasPowerAt,
  type RegencyRembukInput,
  type RegencyRembukView,
  readScopes,
  TextListSchema,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";

/**
 * The regency's yearly rembuk stunting (Paser Pasal 9 g), kept as a meeting of the kabupaten without a
 * village cycle: participants (agencies, kecamatan, villages, community), and what was agreed. Held by the
 * TPPS Kabupaten (power reviewPlans at kabupaten level). Its row reuses the meeting columns: the
 * participants are in `attendees_json` and the agreements in `problems_json`, both lists of texts.
 */
const KIND = "rembuk_kabupaten";

function toView(r: {
  id: string;
  region_code: string;
  held_on: string;
  place: string;
  attendance_count: number;
  attendees_json: string;
  problems_json: string;
  notes: string | null;
}): RegencyRembukView {
  return {
    id: r.id,
    regionCode: r.region_code,
    heldOn: r.held_on,
    place: r.place,
    attendanceCount: r.attendance_count,
    participants: parseJsonColumn(TextListSchema, r.attendees_json),
    agreements: parseJsonColumn(TextListSchema, r.problems_json),
    notes: r.notes,
  };
}

export async function listRegencyRembuk(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
) {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await db
    .selectFrom("planning_meetings")
    .selectAll()
    .where("kind", "=", KIND)
    .where("held_on", ">=", `${year}-01-01`)
    .where("held_on", "<=", `${year}-12-31`)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .orderBy("held_on")
    .execute();
  return rows.map(toView);
}

export async function recordRegencyRembuk(
  db: Kysely<Database>,
  actor: Actor,
  input: z.output<typeof RegencyRembukInput>,
): Promise<RegencyRembukView> {
  const region = await findRegion(db, readScopes(actor), input.regionCode);
  if (!region) throw errors.notFound();
  if (!hasPowerAt(actor, "write", region.code) || !hasPowerAt(actor, "reviewPlans", region.code))
    throw errors.forbidden();
  if (region.level !== "kabupaten")
    throw errors.validation("regionCode", "regionCode: the regency rembuk stunting is held by a kabupaten");
  if (input.heldOn > todayIso()) throw errors.validation("heldOn", "heldOn: is in the future");
  const row = {
    id: uuidv7(),
    cycle_id: null,
    region_code: region.code,
    kind: KIND,
    held_on: input.heldOn,
    place: input.place,
    attendance_count: input.attendanceCount,
    attendees_json: JSON.stringify(input.participants),
    problems_json: JSON.stringify(input.agreements),
    opportunities_json: "[]",
    notes: input.notes ?? null,
    signatories_json: "[]",
    mapping_json: null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_meetings").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.regency_rembuk.create",
      entity: "planning_meeting",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return toView(row);
}
