import { SYSTEM_ACTOR, todayIso } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../features/audit/repository";
import { bulkLoad } from "./bulk-load";
import { generatePopulation, type PopulationOptions } from "./population/generate";
import { BulkWriter, POPULATION_TABLES } from "./population/insert";
import type { ExistingUnit } from "./population/places";

export { generatePopulation, type PopulationBatch, type PopulationInput } from "./population/generate";

/** The demo regency: Kabupaten Paser. */
export const DEMO_REGENCY = "64.01";
/** Perbup Paser 47/2024. */
export const DEMO_SEED = 472024;
/** About Paser's children under five (≈ 8% of some 300,000 inhabitants). */
export const DEMO_CHILDREN = 25_000;

/**
 * Children in the demo population: `TUMBUH_DEMO_CHILDREN` when set (0 leaves the population out, for a
 * quick start), else 25,000.
 */
export function demoChildrenFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TUMBUH_DEMO_CHILDREN?.trim();
  if (raw) {
    const n = Number(raw.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
      throw new Error(`TUMBUH_DEMO_CHILDREN: expected a whole number 0–1000000, got "${raw}"`);
    }
    return n;
  }
  return DEMO_CHILDREN;
}

export interface DemoPopulationOptions extends Partial<PopulationOptions> {
  /** Only these desa/kelurahan (default: every desa and kelurahan of the regency). */
  desa?: readonly string[];
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface PopulationCounts {
  children: number;
  persons: number;
  households: number;
  measurements: number;
  pregnancies: number;
  ongoingPregnancies: number;
  posyanduSessions: number;
  newRegions: number;
  implausibleMeasurements: number;
  duplicateRegistrations: number;
}

/**
 * Generate the synthetic population of the demo regency and write it in one transaction, with one audit
 * entry for the whole of it. Expects the regions (and any existing dusun/posyandu) to be there.
 */
export async function createDemoPopulation(
  db: Kysely<Database>,
  options: DemoPopulationOptions = {},
): Promise<{ counts: PopulationCounts; seconds: number }> {
  const started = performance.now();
  const today = options.today ?? todayIso();
  const seed = options.seed ?? DEMO_SEED;
  const children = options.children ?? DEMO_CHILDREN;
  let desaQuery = db
    .selectFrom("regions")
    .select(["code", "name", "kind", "parent_code"])
    .where("level", "=", "desa")
    .where(withinScopes("code", [DEMO_REGENCY]));
  if (options.desa) desaQuery = desaQuery.where("code", "in", options.desa.length ? options.desa : [""]);
  const desa = (await desaQuery.orderBy("code").execute()).map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    kecamatanCode: r.parent_code ?? r.code.split(".").slice(0, 3).join("."),
  }));
  const units = await db
    .selectFrom("regions")
    .select(["code", "name", "kind", "parent_code"])
    .where("level", "in", ["dusun", "posyandu"])
    .where(withinScopes("code", [DEMO_REGENCY]))
    .execute();
  const existingUnits: ExistingUnit[] = units.map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind === "posyandu" ? "posyandu" : "dusun",
    parentCode: u.parent_code ?? "",
  }));

  const counts: PopulationCounts = {
    children,
    persons: 0,
    households: 0,
    measurements: 0,
    pregnancies: 0,
    ongoingPregnancies: 0,
    posyanduSessions: 0,
    newRegions: 0,
    implausibleMeasurements: 0,
    duplicateRegistrations: 0,
  };
  await inTransaction(db, async (trx) => {
    // Into the empty tables without their feed/mark triggers and secondary indexes (./bulk-load.ts).
    await bulkLoad(db, POPULATION_TABLES, () => writePopulation(trx));
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: "demo.population",
      entity: "demo",
      entityId: null,
      regionCode: DEMO_REGENCY,
      after: { seed, today, counts },
    });
  });

  async function writePopulation(trx: Transaction<Database>): Promise<void> {
    const writer = new BulkWriter(db, trx);
    let done = 0;
    for (const batch of generatePopulation({ seed, today, children, desa, existingUnits })) {
      await writer.add("regions", batch.regions);
      await writer.add("posyandu_sessions", batch.sessions);
      await writer.add("households", batch.households);
      await writer.add("persons", batch.persons);
      await writer.add("pregnancies", batch.pregnancies);
      await writer.add("measurements", batch.measurements);
      counts.newRegions += batch.regions.length;
      counts.posyanduSessions += batch.sessions.length;
      counts.households += batch.households.length;
      counts.persons += batch.persons.length;
      counts.pregnancies += batch.pregnancies.length;
      counts.ongoingPregnancies += batch.pregnancies.filter((p) => p.ended_on === null).length;
      counts.measurements += batch.measurements.length;
      counts.implausibleMeasurements += batch.implausible.length;
      counts.duplicateRegistrations += batch.duplicates.length;
      done++;
      if (options.log && (done % 24 === 0 || done === desa.length)) {
        options.log(
          `Demo population: ${done}/${desa.length} desa, ${counts.measurements.toLocaleString("en")} measurements…`,
        );
      }
    }
    await writer.finish();
  }
  const seconds = (performance.now() - started) / 1000;
  options.log?.(
    `Demo population: ${counts.children.toLocaleString("en")} children, ${counts.measurements.toLocaleString("en")} measurements, ${counts.pregnancies.toLocaleString("en")} pregnancies (${counts.ongoingPregnancies.toLocaleString("en")} ongoing) in ${seconds.toFixed(1)} s`,
  );
  return { counts, seconds };
}
