import {
  catalogForRegion,
  monthsOfPeriod,
  RULES,
  readScopes,
  type ServiceCatalog,
  type ServiceFact,
  SYSTEM_ACTOR,
  servicesReadBy,
  type TargetFacts,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { forEachRow } from "../../db/raw-rows";
import { rowKey } from "../../db/row-key";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { personsInRegionBornBetweenQuery } from "../persons/service";
import { pregnanciesInRegionQuery } from "../pregnancies/service";
import { findRegionsByCode } from "../regions/service";
import { serviceRecordsOfPersonsQuery } from "./repository";
import {
  childFacts,
  coveringCodes,
  pregnancyFacts,
  readsOf,
  scorecardBounds,
  scorecardFilters,
  serviceFact,
} from "./scorecard";

/** What scorecardTargetsPerPerson reports, person by person. */
export interface PersonTargetsVisitor {
  /**
   * One target (a child, or one pregnancy of a woman) of `periods[period]` in `desa`: `facts` hold exactly what
   * a scorecard of that desa and period scores for it. The object is reused for the target's next period:
   * keep nothing of it.
   */
  target(period: number, desa: string, catalog: ServiceCatalog, facts: TargetFacts): void;
  /** Every target of one person in `desa` was visited (its periods in order; a child before pregnancies). */
  personDone(desa: string): void;
}

/**
 * The scorecard targets per period of each of its `desas` (what scoreTargets scores), read once for all the
 * periods and for `regionCode` (a region holding them all), then split by where each person lives and each
 * record was taken, and by period (the queries' conditions, in memory: scorecardFilters) — the targets a
 * scorecard of each desa scores (issue 18: the dashboards' rebuild scored ~1,700 desa-quarters one by one;
 * tested equal in indicators/aggregates.test.ts). Returns the desas that are regions (no other is visited).
 *
 * Person by person, not period by period (issue 18: the quarter-by-quarter way kept the regency's 224k
 * records as facts in per-desa maps and made ~250k target objects, most of the dashboards' rebuild and its
 * garbage collection): the records come sorted by their person, keyed by the person's row key (db/row-key,
 * in one read-only snapshot), so each person's are in hand once and dropped when the person is done.
 * Only the records of the services the indicators `reading` read (core servicesReadBy) are read; those
 * indicators must read neither measurements nor households (none is read here).
 */
export async function scorecardTargetsPerPerson(
  db: Kysely<Database>,
  regionCode: string,
  periods: readonly { period: string; desas: readonly string[] }[],
  reading: readonly string[],
  visitor: PersonTargetsVisitor,
): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const scopes = readScopes(SYSTEM_ACTOR);
  const all = periods.flatMap((p) => monthsOfPeriod(p.period)).sort();
  const span = [all[0] as string, all.at(-1) as string];
  const catalogs = new Map<string, ServiceCatalog>();
  const catalogOf = (desa: string) => {
    let catalog = catalogs.get(desa);
    if (!catalog) {
      const full = catalogForRegion(desa);
      catalog = { ...full, indicators: full.indicators.filter((i) => reading.includes(i.code)) };
      catalogs.set(desa, catalog);
    }
    return catalog;
  };
  const desaCodes = [...new Set(periods.flatMap((p) => p.desas))];
  const indicators = desaCodes.flatMap((d) => catalogOf(d).indicators);
  const reads = readsOf(indicators);
  if (reads.measured || reads.households)
    throw new Error("scorecardTargetsPerPerson reads no measurements or households");
  const services = [...new Set(indicators.flatMap(servicesReadBy))];
  const filters = periods.map((p) => scorecardFilters(monthsOfPeriod(p.period)));
  const b = scorecardBounds(span);

  return inTransaction(
    db,
    async (trx) => {
      const known = new Set((await findRegionsByCode(trx, desaCodes)).map((r) => r.code));
      // The periods of each desa, in order.
      const periodsOf = new Map<string, number[]>();
      periods.forEach(({ desas }, i) => {
        for (const d of new Set(desas)) if (known.has(d)) periodsOf.set(d, [...(periodsOf.get(d) ?? []), i]);
      });
      // The desa(s) of a region code (one region code stands for thousands of rows: asked once).
      const desasOfRegion = new Map<string, string[]>();
      const desasOf = (region: string) => {
        let list = desasOfRegion.get(region);
        if (!list) {
          list = coveringCodes(region, known).filter((d) => periodsOf.has(d));
          desasOfRegion.set(region, list);
        }
        return list;
      };

      type Child = {
        region_code: string;
        birth_date: string;
        left_on: string | null;
        birth_length_cm: number | null;
      };
      const children = new Map<unknown, Child>();
      await forEachRow<[unknown, string, string, string | null, number | null]>(
        trx,
        personsInRegionBornBetweenQuery(trx, scopes, regionCode, b.childBornFrom, b.to).select([
          rowKey(trx, "persons").as("key"),
          "region_code",
          "birth_date",
          "left_on",
          "birth_length_cm",
        ]),
        ([key, region_code, birth_date, left_on, birth_length_cm]) => {
          children.set(key, { region_code, birth_date, left_on, birth_length_cm });
        },
      );
      // A pregnancy stays on the scorecard through nifas, or 4 weeks past the expected date without an outcome.
      const rows = await pregnanciesInRegionQuery(trx, scopes, regionCode, b.from, b.to, RULES.nifasDays + 28)
        .select(rowKey(trx, "persons").as("person_key"))
        .execute();
      type Pregnancy = (typeof rows)[number];
      const pregnancies = new Map<unknown, Pregnancy[]>();
      for (const p of rows) {
        const list = pregnancies.get(p.person_key);
        if (list) list.push(p);
        else pregnancies.set(p.person_key, [p]);
      }

      const none: readonly ServiceFact[] = [];
      const noDays = { weighedOn: [], lengthOn: [], nutrition: [] };
      const done = new Set<unknown>();
      const person = (key: unknown, records: Map<string, ServiceFact[]> | null) => {
        done.add(key);
        // (No function made per target: tsx names each one it makes, a property write.)
        const targets: { desa: string; facts: TargetFacts; child?: Child; pregnancy?: Pregnancy }[] = [];
        const child = children.get(key);
        if (child)
          for (const desa of desasOf(child.region_code))
            targets.push({ desa, facts: childFacts(child, noDays, null, none), child });
        for (const p of pregnancies.get(key) ?? [])
          for (const desa of desasOf(p.region_code))
            targets.push({ desa, facts: pregnancyFacts(p, null, none), pregnancy: p });
        for (const desa of new Set(targets.map((t) => t.desa))) {
          const mine = records?.get(desa) ?? none;
          const catalog = catalogOf(desa);
          for (const t of targets) {
            if (t.desa !== desa) continue;
            for (const i of periodsOf.get(desa) as number[]) {
              const f = filters[i] as (typeof filters)[number];
              if (t.child ? !f.child(t.child) : !f.pregnancy(t.pregnancy as Pregnancy)) continue;
              t.facts.records = mine.length === 0 ? none : mine.filter((r) => f.record(r.service, r.givenOn));
              visitor.target(i, desa, catalog, t.facts);
            }
          }
          visitor.personDone(desa);
        }
      };

      // Each person's records by the desa each was taken in, in the order read (by day: no rule of a cell
      // depends on the order of a person's records, but for two records of a state on one day, which the
      // scorecard's own read leaves in no defined order either).
      if (services.length > 0) {
        let current: unknown;
        let records = new Map<string, ServiceFact[]>();
        await forEachRow<[unknown, string, string, string, string | null, number, number | null]>(
          trx,
          serviceRecordsOfPersonsQuery(trx, scopes, regionCode, b.to, b.since)
            .where("r.service", "in", services)
            .select([
              rowKey(trx, "p").as("key"),
              "r.region_code",
              "r.service",
              "r.given_on",
              "r.detail",
              "r.received",
              "r.quantity",
            ])
            .orderBy(rowKey(trx, "p")),
          ([key, region, service, givenOn, detail, received, quantity]) => {
            if (key !== current) {
              if (records.size > 0) person(current, records);
              current = key;
              records = new Map();
            }
            const desas = desasOf(region);
            if (desas.length === 0) return;
            const fact = serviceFact(service, givenOn, detail, received, quantity);
            for (const d of desas) {
              const list = records.get(d);
              if (list) list.push(fact);
              else records.set(d, [fact]);
            }
          },
        );
        if (records.size > 0) person(current, records);
      }
      for (const key of children.keys()) if (!done.has(key)) person(key, null);
      for (const key of pregnancies.keys()) if (!done.has(key)) person(key, null);
      return new Set(periodsOf.keys());
    },
    { readOnly: true },
  );
}
