import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Role, SYSTEM_ACTOR, todayIso } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import { DATA_DIR } from "../data-files";
import type { Database } from "../db/schema";
import { FEATURES } from "../features";
import type { DemoContext } from "../features/feature";
import { createLocalUnit, importRegions } from "../features/regions/service";
import { createUser } from "../features/users/service";
import { compactFeed } from "../sync/compaction";
import { inSeedTransaction } from "./bulk-load";
import {
  createDemoPopulation,
  DEMO_REGENCY,
  DEMO_SEED,
  type DemoPopulationOptions,
  demoChildrenFromEnv,
} from "./population";

/** Demo log-ins, one per role, in real regions of Kabupaten Paser (also listed in the README). */
export const DEMO_PASSWORD = "tumbuh-demo";
export const DEMO_USERS: { username: string; displayName: string; role: Role; scope: string }[] = [
  { username: "admin", displayName: "Admin Kabupaten Paser", role: "admin_kabupaten", scope: "64.01" },
  {
    username: "tpps.paser",
    displayName: "Sekretariat TPPS Kabupaten Paser",
    role: "tpps_kabupaten",
    scope: "64.01",
  },
  { username: "dinkes", displayName: "Dinas Kesehatan Kabupaten Paser", role: "opd", scope: "64.01" },
  { username: "tpps.kuaro", displayName: "TPPS Kecamatan Kuaro", role: "tpps_kecamatan", scope: "64.01.05" },
  {
    username: "desa.sandeley",
    displayName: "Pemerintah Desa Sandeley",
    role: "pemerintah_desa",
    scope: "64.01.05.2003",
  },
  {
    username: "kpm.sandeley",
    displayName: "Siti Rahmah (KPM Sandeley)",
    role: "kpm",
    scope: "64.01.05.2003",
  },
  { username: "bidan.sandeley", displayName: "Bidan Nur Aini", role: "bidan", scope: "64.01.05.2003" },
  {
    username: "kader.melati",
    displayName: "Kader Posyandu Melati",
    role: "kader_posyandu",
    scope: "64.01.05.2003.P01",
  },
  { username: "peninjau", displayName: "Peninjau Kabupaten", role: "viewer", scope: "64.01" },
];

const DEMO_DESA = "64.01.05.2003";

/**
 * Create the demo regency once: Paser's regions, two dusun and two posyandu in Desa Sandeley, one user per
 * role, and a synthetic population (see ./population.ts; size from `TUMBUH_DEMO_CHILDREN`, 25,000 by
 * default, measured up to today's date). Returns false when the database already has users (nothing is
 * touched then). Tests pass `{ children: 0 }` unless they need the population.
 */
export async function ensureDemo(
  db: Kysely<Database>,
  /**
   * `families: false` leaves out the families/catin/TPK/audit demo (tests of the population alone);
   * `figuresLater: true` leaves the dashboards' figures to the server's rebuild job (npm start, issue 18).
   */
  population: DemoPopulationOptions & { families?: boolean; figuresLater?: boolean } = {},
): Promise<boolean> {
  const existing = await db.selectFrom("users").select("id").limit(1).execute();
  if (existing.length > 0) return false;
  // One transaction for all of it (issue 18): an interrupted first start leaves the database as it was,
  // and the next start creates the demo again.
  await inSeedTransaction(db, (trx) => createDemo(trx, population));
  return true;
}

async function createDemo(
  db: Transaction<Database>,
  population: DemoPopulationOptions & { families?: boolean; figuresLater?: boolean },
): Promise<void> {
  for (const file of ["provinsi.csv", "paser-6401.csv"]) {
    const report = await importRegions(
      db,
      SYSTEM_ACTOR,
      readFileSync(join(DATA_DIR, "regions", file), "utf8"),
      {
        allOrNothing: true,
      },
    );
    if (report.errors.length > 0)
      throw new Error(`demo regions ${file}: ${JSON.stringify(report.errors[0])}`);
  }
  const units = await db.selectFrom("regions").select("name").where("parent_code", "=", DEMO_DESA).execute();
  for (const [kind, name] of [
    ["dusun", "Dusun I Sandeley"],
    ["dusun", "Dusun II Sandeley"],
    ["posyandu", "Posyandu Melati"],
    ["posyandu", "Posyandu Mawar"],
  ] as const) {
    // Regions loaded before (by hand, or a demo of an earlier version) may hold them: no second copies.
    if (!units.some((u) => u.name === name))
      await createLocalUnit(db, SYSTEM_ACTOR, DEMO_DESA, { kind, name });
  }
  // The population goes in before the users: users are the mark that the demo is complete.
  const children = population.children ?? demoChildrenFromEnv();
  const today = population.today ?? todayIso();
  const log = population.log ?? console.log;
  if (children > 0) {
    await createDemoPopulation(db, {
      log: (line) => console.log(line),
      ...population,
      children,
    });
  }
  const ctx: DemoContext = {
    db,
    regency: DEMO_REGENCY,
    today,
    children,
    seed: population.seed ?? DEMO_SEED,
    families: population.families !== false,
    figuresLater: population.figuresLater === true,
    log,
  };
  // Each feature adds its own demo data (features/index.ts order: the dashboards' figures come last).
  for (const feature of FEATURES) await feature.demo?.(ctx);
  // No device has pulled yet: the feed of the whole demo goes (a first pull copies from the tables). On
  // SQLite the big tables were loaded without feed triggers (./bulk-load.ts): only the small rest goes, and
  // with the secondary indexes built after the load the file needs no VACUUM (issue 18: 363 MB without,
  // 357 MB with, for 3–7 s of the first start).
  await compactFeed(db);
  // Side by side: each password hash (scrypt, ~50–150 ms) runs on libuv's thread pool, not this thread.
  await Promise.all(
    DEMO_USERS.map((u) =>
      createUser(db, SYSTEM_ACTOR, {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        assignments: [{ role: u.role, scope: u.scope }],
      }),
    ),
  );
}
