import { toDayNumber } from "@tumbuh/core";
import type {
  HouseholdsTable,
  MeasurementsTable,
  PersonsTable,
  PosyanduSessionsTable,
  PregnanciesTable,
  RegionsTable,
} from "../../db/schema";
import { type GenerationContext, iso, windowOf } from "./context";
import { desaFamilies, newWomanFactory, type SessionRef } from "./families";
import { idMaker } from "./ids";
import { apportion, type ExistingUnit, type PopulationDesa, planPlaces } from "./places";
import { desaPregnancies } from "./pregnancies";
import { createRng } from "./random";

export interface PopulationOptions {
  /** Same seed (and same other inputs) → the same rows, ids included. */
  seed: number;
  /** "Today" (YYYY-MM-DD): measurements run over the 24 months before this month. */
  today: string;
  /**
   * Children under five today in the whole population. Children who turned five during the measured
   * months come on top (about 40% more), so every month has its full under-five cohort.
   */
  children: number;
}

export interface PopulationInput extends PopulationOptions {
  /** The desa and kelurahan to populate (all of the regency in the demo). */
  desa: readonly PopulationDesa[];
  /** Dusun and posyandu that exist already; reused, never duplicated. */
  existingUnits: readonly ExistingUnit[];
}

/** One desa's rows, in an order that satisfies the foreign keys (regions → … → measurements). */
export interface PopulationBatch {
  desaCode: string;
  regions: RegionsTable[];
  sessions: PosyanduSessionsTable[];
  households: HouseholdsTable[];
  persons: PersonsTable[];
  pregnancies: PregnanciesTable[];
  measurements: MeasurementsTable[];
  /** Ids of measurements carrying an implausible value on purpose (all flagged). */
  implausible: string[];
  /** [first registration, second registration] of the same child. */
  duplicates: [string, string][];
}

/**
 * The synthetic population, desa by desa (so it can be written while it is generated). Pure and
 * deterministic: no clock, no crypto, no I/O; each desa draws from its own stream of the seeded PRNG.
 */
export function* generatePopulation(input: PopulationInput): Generator<PopulationBatch> {
  const root = createRng(input.seed);
  const desa = [...input.desa].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const today = toDayNumber(input.today);
  const { monthStarts, minBirth, firstBirth } = windowOf(input.today);
  const ctx: GenerationContext = {
    today,
    yesterday: today - 1,
    monthStarts,
    minBirth,
    firstBirth,
    nextId: idMaker(root.fork("ids")),
    kecamatanCodes: [...new Set(desa.map((d) => d.kecamatanCode))],
    niks: new Set(),
    kkNumbers: new Set(),
  };
  const unitsCreated = iso((monthStarts[0] as number) - 30);
  const plans = planPlaces(root.fork("places"), desa, input.existingUnits, `${unitsCreated}T01:00:00.000Z`);
  const counts = apportion(
    Math.max(0, Math.round(input.children)),
    plans.map((p) => p.size),
  );
  for (const [i, plan] of plans.entries()) {
    const rng = root.fork(`desa:${plan.code}`);
    const children = counts[i] ?? 0;
    const sessions: PosyanduSessionsTable[] = [];
    const refs: SessionRef[][] = plan.posyandu.map((p) =>
      monthStarts.map((start) => {
        const day = start + p.day - 1;
        const row: PosyanduSessionsTable = {
          id: ctx.nextId(),
          region_code: p.code,
          held_on: iso(day),
          cadres_json: JSON.stringify(p.cadres),
          // Opened before the day's first weighing is typed in.
          created_at: `${iso(day)}T00:00:00.000Z`,
          created_by: null,
        };
        sessions.push(row);
        return { id: row.id, day };
      }),
    );
    const families = desaFamilies(ctx, rng, plan, children, refs);
    const more = desaPregnancies(ctx, rng, children, families.mothers, newWomanFactory(ctx, rng, plan));
    yield {
      desaCode: plan.code,
      regions: plan.newRegions,
      sessions,
      households: [...families.households, ...more.households],
      persons: [...families.persons, ...more.persons],
      pregnancies: [...families.pregnancies, ...more.pregnancies],
      measurements: families.measurements,
      implausible: families.implausible,
      duplicates: families.duplicates,
    };
  }
}
