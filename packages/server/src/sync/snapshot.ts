import type { Actor, SyncRecord } from "@tumbuh/core";
import { canRead, isWithin } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { entityHandler } from "./registry";

/**
 * The tables the change-feed triggers watch (migrations 2026-11-22T1200 and T1800), with the entity name
 * the feed gives their rows. A full copy reads them directly, so it needs no feed at all: the feed only
 * has to cover what changed since a device's copy (and may be compacted below that, sync/compaction.ts).
 */
export const FED_TABLES = [
  ["households", "household"],
  ["persons", "person"],
  ["pregnancies", "pregnancy"],
  ["measurements", "measurement"],
  ["service_records", "service_record"],
  ["family_screenings", "family_screening"],
  ["catin", "catin"],
  ["catin_screenings", "catin_screening"],
  ["tpk_visits", "tpk_visit"],
  ["case_audits", "case_audit"],
  ["audit_followups", "audit_followup"],
  ["tika_readings", "tika_reading"],
] as const;

/**
 * Where a full copy stands: `s<seq>.<table index>.<last id>` — the feed's head when the copy began (every
 * change after it is pulled from the feed once the copy is done), the table being copied and the last id
 * sent from it (ids are copied in id order).
 */
export interface SnapshotPosition {
  seq: number;
  table: number;
  after: string;
}

export function parseSnapshotCursor(cursor: string): SnapshotPosition | null {
  const m = /^s(\d{1,18})\.(\d{1,2})\.([0-9A-Za-z-]{0,64})$/.exec(cursor);
  return m ? { seq: Number(m[1]), table: Number(m[2]), after: m[3] ?? "" } : null;
}

export function snapshotCursor(p: SnapshotPosition): string {
  return `s${p.seq}.${p.table}.${p.after}`;
}

/**
 * Up to `limit` records of the scope as they are now, from `from` on. Returns the records and where to go
 * on (null: the copy is complete; the device continues from the feed at `from.seq`). Voided and merged
 * records are left out: a device taking a full copy holds nothing it would have to forget.
 */
export async function snapshotPage(
  db: Kysely<Database>,
  actor: Actor,
  scopes: readonly string[],
  keep: string | undefined,
  from: SnapshotPosition,
  limit: number,
): Promise<{ records: SyncRecord[]; next: SnapshotPosition | null }> {
  const records: SyncRecord[] = [];
  const kept = (code: string) => canRead(actor, code) && (!keep || isWithin(code, keep));
  let { table, after } = from;
  while (table < FED_TABLES.length) {
    const [name, entity] = FED_TABLES[table] as (typeof FED_TABLES)[number];
    const handler = entityHandler(entity);
    const want = Math.min(500, limit - records.length);
    const ids = handler
      ? (
          await db
            // One query shape for every table: Kysely cannot type a table chosen at run time.
            .selectFrom(name as "persons")
            .select("id")
            .where("id", ">", after)
            .where(withinScopes("region_code", scopes))
            .orderBy("id")
            .limit(want)
            .execute()
        ).map((r) => r.id)
      : [];
    if (ids.length > 0 && handler) {
      const rows = new Map((await handler.load(db, ids)).map((r) => [r.id, r]));
      for (const id of ids) {
        const row = rows.get(id);
        if (!row || !kept(row.regionCode)) continue;
        if (row.data.deleted === true || row.data.mergedInto) continue;
        records.push({ entity, id, data: row.data });
      }
      after = ids.at(-1) as string;
    }
    if (ids.length < want) {
      table++;
      after = "";
    }
    if (records.length >= limit) break;
  }
  return { records, next: table < FED_TABLES.length ? { seq: from.seq, table, after } : null };
}
