import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteHandleOf } from "../db/bulk-insert";
import { type Db, openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { inTransaction } from "../db/transaction";
import { freshDatabase } from "../testing/dialects";
import { inSeedTransaction } from "./bulk-load";
import { ensureDemo } from "./demo";
import { generatePopulation } from "./population";
import { BulkWriter } from "./population/insert";

const TODAY = "2026-11-22";
const DESA = ["64.01.05.2003", "64.01.04.1001"];

/** Every trigger and index of the schema, as SQLite keeps them. */
function schemaObjects(db: Db): string[] {
  const handle = sqliteHandleOf(db.kysely);
  if (!handle) throw new Error("not SQLite");
  return (
    handle
      .prepare("select type, name, sql from sqlite_master where type in ('trigger', 'index') order by name")
      .all() as { type: string; name: string; sql: string | null }[]
  ).map((o) => `${o.type} ${o.name} ${o.sql ?? ""}`);
}

const dirty = async (db: Db) =>
  (await db.kysely.selectFrom("indicator_dirty").select("desa_code").orderBy("desa_code").execute()).map(
    (r) => r.desa_code,
  );

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function fresh(): Promise<Db> {
  const db = await freshDatabase("sqlite");
  open.push(db);
  return db;
}

describe("demo bulk load on SQLite", () => {
  it("puts every trigger and index back and marks the same desa as the triggers would", async () => {
    const bulk = await fresh();
    const before = schemaObjects(bulk);
    // Without the families demo: it registers catin in two more desa of Kuaro, through the triggers.
    await ensureDemo(bulk.kysely, {
      children: 400,
      desa: DESA,
      today: TODAY,
      log: () => {},
      figuresLater: true,
      families: false,
    });
    expect(schemaObjects(bulk)).toEqual(before);
    // Written without the foreign keys enforced (inSeedTransaction): every reference holds all the same.
    const handle = sqliteHandleOf(bulk.kysely);
    expect(handle?.pragma("foreign_key_check")).toEqual([]);
    expect(handle?.pragma("foreign_keys", { simple: true })).toBe(1);

    // The same rows written through the triggers, row chunk by row chunk.
    const reference = await fresh();
    await ensureDemo(reference.kysely, { children: 0, today: TODAY, log: () => {} });
    await reference.kysely.deleteFrom("indicator_dirty").execute();
    const desa = await reference.kysely
      .selectFrom("regions")
      .select(["code", "name", "kind", "parent_code"])
      .where("code", "in", DESA)
      .execute();
    const units = await reference.kysely
      .selectFrom("regions")
      .select(["code", "name", "kind", "parent_code"])
      .where("level", "in", ["dusun", "posyandu"])
      .where("code", "like", "64.01.%")
      .execute();
    await inTransaction(reference.kysely, async (trx) => {
      const writer = new BulkWriter(reference.kysely, trx);
      for (const b of generatePopulation({
        seed: 472024,
        today: TODAY,
        children: 400,
        desa: desa.map((d) => ({
          code: d.code,
          name: d.name,
          kind: d.kind,
          kecamatanCode: d.parent_code ?? "",
        })),
        existingUnits: units.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind === "posyandu" ? "posyandu" : "dusun",
          parentCode: u.parent_code ?? "",
        })),
      })) {
        await writer.add("regions", b.regions);
        await writer.add("posyandu_sessions", b.sessions);
        await writer.add("households", b.households);
        await writer.add("persons", b.persons);
        await writer.add("pregnancies", b.pregnancies);
        await writer.add("measurements", b.measurements);
      }
      await writer.finish();
    });
    const referenceMarks = await dirty(reference);
    expect(referenceMarks).toEqual([...DESA].sort());
    // The bulk-loaded population and service records marked the same desa.
    expect(await dirty(bulk)).toEqual(referenceMarks);
    const count = (db: Db) =>
      db.kysely
        .selectFrom("measurements")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
    expect(Number((await count(bulk)).n)).toBe(Number((await count(reference)).n));
  });

  it("leaves the triggers and indexes in place when the load fails", async () => {
    const db = await fresh();
    const before = schemaObjects(db);
    await expect(
      inSeedTransaction(db.kysely, async (trx) => {
        await ensureDemo(trx, { children: 300, desa: DESA, today: TODAY, log: () => {} });
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(schemaObjects(db)).toEqual(before);
    expect(await db.kysely.selectFrom("persons").select("id").execute()).toEqual([]);
  });
});

describe("the first start's demo on a database file", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is rolled back when the process dies while writing it, and created again by the next start", async () => {
    dir = mkdtempSync(join(tmpdir(), "tumbuh-seed-"));
    const file = join(dir, "demo.db");
    const script = join(dir, "seed.mts");
    const here = (name: string) => new URL(name, import.meta.url).pathname;
    writeFileSync(
      script,
      [
        `import { openDatabase } from ${JSON.stringify(here("../db/database.ts"))};`,
        `import { migrateToLatest } from ${JSON.stringify(here("../db/migrate.ts"))};`,
        `import { ensureDemo } from ${JSON.stringify(here("./demo.ts"))};`,
        `const db = openDatabase(${JSON.stringify(file)});`,
        "await migrateToLatest(db.kysely);",
        `await ensureDemo(db.kysely, { children: 20000, today: ${JSON.stringify(TODAY)}, log: console.log, figuresLater: true });`,
      ].join("\n"),
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, TUMBUH_PASSWORD_COST: "10" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Killed (no chance to roll back) while the population is being written.
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d) => {
        if (String(d).includes("Demo population: 48/")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.once("exit", () => reject(new Error("the seed ended before it was interrupted")));
    });
    await new Promise((r) => child.once("exit", r));

    const db = openDatabase(file);
    open.push(db);
    const handle = sqliteHandleOf(db.kysely);
    expect(handle?.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(await db.kysely.selectFrom("persons").select("id").limit(1).execute()).toEqual([]);
    expect(await db.kysely.selectFrom("users").select("id").limit(1).execute()).toEqual([]);
    expect(handle?.pragma("journal_mode", { simple: true })).toBe("wal");
    await migrateToLatest(db.kysely);
    expect(await ensureDemo(db.kysely, { children: 200, desa: DESA, today: TODAY, log: () => {} })).toBe(
      true,
    );
    expect(await db.kysely.selectFrom("users").select("id").execute()).toHaveLength(9);
  }, 120_000);
});
