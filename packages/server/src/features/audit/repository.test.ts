import { SYSTEM_ACTOR } from "@tumbuh/core";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachDialect } from "../../testing/dialects";
import { appendAudit, listAudit } from "./repository";

describeEachDialect("audit log", (db, dialect) => {
  it("is append-only in the database itself: updates and deletes fail", async () => {
    const k = db().kysely;
    await appendAudit(k, SYSTEM_ACTOR, {
      action: "x",
      entity: "region",
      entityId: "64.01",
      regionCode: "64.01",
    });
    await expect(sql`update audit_log set action = 'y'`.execute(k)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(k)).rejects.toThrow(/append-only/);
    expect((await listAudit(k, [""], { limit: 10 }))[0]?.action).toBe("x");
  });

  it("cannot be rewritten: SQLite INSERT OR REPLACE of an existing id and PostgreSQL TRUNCATE are refused", async () => {
    const k = db().kysely;
    await appendAudit(k, SYSTEM_ACTOR, {
      action: "x",
      entity: "region",
      entityId: "64.01",
      regionCode: "64.01",
    });
    const [entry] = await listAudit(k, [""], { limit: 1 });
    const id = entry?.id ?? "";
    if (dialect === "sqlite") {
      await expect(
        sql`insert or replace into audit_log (id, at, action, entity) values (${id}, '2020-01-01', 'forged', 'x')`.execute(
          k,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql`replace into audit_log (id, at, action, entity) values (${id}, '2020-01-01', 'forged', 'x')`.execute(
          k,
        ),
      ).rejects.toThrow(/append-only/);
    } else {
      await expect(sql`truncate audit_log`.execute(k)).rejects.toThrow(/append-only/);
      await expect(
        sql`insert into audit_log (id, at, action, entity) values (${id}, '2020-01-01', 'forged', 'x')
            on conflict (id) do update set action = 'forged'`.execute(k),
      ).rejects.toThrow(/append-only/);
    }
    const after = await listAudit(k, [""], { limit: 10 });
    expect(after.map((e) => e.action)).toEqual(["x"]);
  });

  it("pages newest first and filters by scope", async () => {
    const k = db().kysely;
    for (const [i, region] of [
      "64.01.05.2003",
      "64.01.06.2001",
      "16.12.01.2001",
      "64.01.05.2004",
    ].entries()) {
      await appendAudit(k, SYSTEM_ACTOR, {
        action: `a${i}`,
        entity: "t",
        entityId: null,
        regionCode: region,
        after: { i },
      });
    }
    const paser = await listAudit(k, ["64.01"], { limit: 2 });
    expect(paser.map((e) => e.action)).toEqual(["a3", "a1"]);
    const next = await listAudit(k, ["64.01"], { limit: 2, before: paser[1]?.id });
    expect(next.map((e) => e.action)).toEqual(["a0"]);
    expect(next[0]?.after).toEqual({ i: 0 });
    expect((await listAudit(k, ["64.01.05"], { limit: 10 })).map((e) => e.action)).toEqual(["a3", "a0"]);
    expect(await listAudit(k, [], { limit: 10 })).toEqual([]);
  });
});
