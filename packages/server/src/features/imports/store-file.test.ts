import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { syntheticEppgbm } from "../../../bench/eppgbm-file";
import { DATA_DIR } from "../../data-files";
import { sqliteHandleOf } from "../../db/bulk-insert";
import { type Db, openDatabase } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { freshDatabase } from "../../testing/dialects";
import { feedByRegion, measurementRow, personRow, rowCount } from "../../testing/table-rows";
import { importRegions } from "../regions/service";
import { importMeasurements } from "./service";
import { ImportStore } from "./store";

/**
 * Issue 16: on an SQLite file an import leaves the log to be copied into the file after it is done
 * (store.ts) and listens for waiting writers. What it stores must be what the same import stores in memory;
 * a failure half-way must leave nothing behind, and the connection must get its own setting back.
 */

let dir: string;
const AUGUST = syntheticEppgbm(3000, "2026-08");
const SEPTEMBER = syntheticEppgbm(3000, "2026-09", 42, "2026-08");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-store-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withRegions(db: Db): Promise<Db> {
  for (const f of ["provinsi.csv", "paser-6401.csv"]) {
    await importRegions(db.kysely, SYSTEM_ACTOR, readFileSync(join(DATA_DIR, "regions", f), "utf8"));
  }
  return db;
}

async function fileDatabase(name: string): Promise<Db> {
  const db = openDatabase(join(dir, name));
  await migrateToLatest(db.kysely);
  return withRegions(db);
}

/** Everything the imports stored, without ids and clock times. */
async function contents(db: Db) {
  const persons = await db.kysely
    .selectFrom("persons")
    .select(["name", "name_key", "nik", "sex", "birth_date", "region_code", "parent_name", "birth_weight_kg"])
    .orderBy(["name", "birth_date", "region_code", "nik"])
    .execute();
  const measurements = await db.kysely
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select([
      "p.name",
      "p.birth_date",
      "p.region_code",
      "p.nik",
      "m.measured_on",
      "m.weight_kg",
      "m.lenhei_cm",
      "m.measure",
      "m.age_days",
      "m.zlen",
      "m.zwei",
      "m.zwfl",
      "m.tbu",
      "m.bbu",
      "m.bbtb",
      "m.flagged",
    ])
    .orderBy(["p.name", "p.birth_date", "p.region_code", "p.nik", "m.measured_on"])
    .execute();
  const dirty = await db.kysely
    .selectFrom("indicator_dirty")
    .select("desa_code")
    .orderBy("desa_code")
    .execute();
  const imports = await db.kysely.selectFrom("imports").select(["status", "summary_json"]).execute();
  return { persons, measurements, feed: await feedByRegion(db.kysely), dirty, imports };
}

it("an import on a file stores exactly what it stores in memory, month after month", async () => {
  const file = await fileDatabase("months.db");
  const memory = await withRegions(await freshDatabase("sqlite"));
  try {
    for (const [name, text] of [
      ["agustus.csv", AUGUST],
      ["september.csv", SEPTEMBER],
    ] as const) {
      const options = { fileName: name, today: "2026-11-22" };
      // Small chunks on the file, each checked inside the open slice; the connection's settings changed and
      // restored each month.
      const a = await importMeasurements(file.kysely, SYSTEM_ACTOR, Buffer.from(text), {
        ...options,
        chunkRows: 250,
      });
      const b = await importMeasurements(memory.kysely, SYSTEM_ACTOR, Buffer.from(text), options);
      expect(a).toEqual(b);
      expect(a.stored.measurements).toBeGreaterThan(2900);
    }
    expect(await contents(file)).toEqual(await contents(memory));
    // The connection's own setting is back (a checkpoint every 1000 pages of log).
    const handle = sqliteHandleOf(file.kysely);
    expect(handle?.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  } finally {
    await file.close();
    await memory.close();
  }
});

it("a failure half-way leaves nothing of the import behind", async () => {
  const db = await fileDatabase("failure.db");
  try {
    const at = "2026-11-22T08:00:00.000Z";
    const IMPORT = "0193a000-0000-7000-8000-000000000001";
    const store = new ImportStore(
      db.kysely,
      SYSTEM_ACTOR,
      {
        id: IMPORT,
        kind: "eppgbm",
        file_name: "agustus.csv",
        sha256: "x",
        created_at: at,
        created_by: null,
        summary_json: "{}",
        status: "writing",
      },
      () => {},
    );
    const person = (n: number) =>
      personRow(`0193a000-0000-7000-8000-0000000001${String(n).padStart(2, "0")}`, "64.01.05.2003", {
        created_at: at,
        updated_at: at,
      });
    const measurement = (n: number, personId: string) =>
      measurementRow(`0193a000-0000-7000-8000-000000002${String(n).padStart(3, "0")}`, person(0), {
        person_id: personId,
        import_id: IMPORT,
        measured_on: "2026-08-15",
        created_at: at,
      });
    const good = Array.from({ length: 600 }, (_, n) => {
      const p = person(n % 100);
      const day = `2026-0${1 + Math.floor(n / 100)}-15`;
      return {
        person: n < 100 ? p : null,
        measurement: { ...measurement(n, p.id), measured_on: day },
        source: null,
      };
    });
    await store.add(good);
    // A measurement of nobody: the foreign key refuses it.
    const orphan = measurement(999, "0193a000-0000-7000-8000-00000000ffff");
    await expect(store.add([{ person: null, measurement: orphan, source: null }])).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await store.abort();
    const left = (t: "persons" | "measurements" | "imports") => rowCount(db.kysely, t);
    expect({
      persons: await left("persons"),
      measurements: await left("measurements"),
      imports: await left("imports"),
    }).toEqual({ persons: 0, measurements: 0, imports: 0 });
    const handle = sqliteHandleOf(db.kysely);
    expect(handle?.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  } finally {
    await db.close();
  }
});
