import { resetClock, SYSTEM_ACTOR, setClock } from "@tumbuh/core";
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

  it("filters by who, what, where and when, and names the region", async () => {
    const k = db().kysely;
    await k
      .insertInto("regions")
      .values({
        code: "64.01.05.2003",
        name: "Sandeley",
        level: "desa",
        kind: "desa",
        parent_code: null,
        source: "kemendagri",
        created_at: "2026-01-01T00:00:00.000Z",
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const entry = async (at: string, who: string, action: string, region: string) => {
      setClock(at);
      await appendAudit(
        k,
        { ...SYSTEM_ACTOR, username: who },
        { action, entity: action.split(".")[0] ?? action, entityId: null, regionCode: region },
      );
    };
    await entry("2026-06-01T10:00:00.000Z", "kader.melati", "measurement.create", "64.01.05.2003.P01");
    await entry("2026-06-29T23:59:00.000Z", "bidan.sandeley", "pregnancy.create", "64.01.05.2003");
    await entry("2026-07-01T00:00:00.000Z", "kader.melati", "person.create", "64.01.06.2001");
    resetClock();
    const actions = async (f: object) =>
      (await listAudit(k, ["64.01"], { limit: 10, ...f })).map((e) => e.action);
    expect(await actions({ actor: "kader.melati" })).toEqual(["person.create", "measurement.create"]);
    expect(await actions({ what: "pregnancy" })).toEqual(["pregnancy.create"]);
    expect(await actions({ what: "person.create" })).toEqual(["person.create"]);
    expect(await actions({ region: "64.01.05.2003" })).toEqual(["pregnancy.create", "measurement.create"]);
    const [named] = await listAudit(k, ["64.01"], { limit: 1, what: "pregnancy" });
    expect(named?.regionName).toBe("Sandeley");
    expect(named?.regionKind).toBe("desa");
    // days are whole and both ends count
    expect(await actions({ from: "2026-06-29", to: "2026-06-30" })).toEqual(["pregnancy.create"]);
    expect(await actions({ from: "2026-06-01", to: "2026-06-01" })).toEqual(["measurement.create"]);
    expect(await actions({ from: "2026-07-01" })).toEqual(["person.create"]);
  });
});
