import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "../testing/dialects";
import { FED_TABLES } from "./snapshot";

describe("full copy", () => {
  // A device that takes a full copy (first pull, or behind the compacted feed) gets only what FED_TABLES
  // lists: a table whose changes the feed carries but the list misses would never reach a new phone.
  it("reads every table the change feed watches", async () => {
    const db = await freshDatabase("sqlite");
    const triggers = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'trigger' and sql like '%insert into sync_changes%'`.execute(
      db.kysely,
    );
    const fed = new Set(
      triggers.rows.map((t) => /values\s*\(\s*'([a-z_]+)'/i.exec(t.sql)?.[1]).filter((e) => e !== undefined),
    );
    expect(fed.size).toBeGreaterThan(10);
    const copied = new Set<string>(FED_TABLES.map(([, entity]) => entity));
    expect([...fed].filter((entity) => !copied.has(entity))).toEqual([]);
    await db.close();
  });
});
