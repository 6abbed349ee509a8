import { type LatrineType, nameKey, type WaterSource } from "@tumbuh/core";
import { lmsAt, measureAtZ } from "@tumbuh/growth";
import type { HouseholdsTable, MeasurementsTable, PersonsTable, PregnanciesTable } from "../../db/schema";
import { measurementRow } from "../../features/measurements/service";
import { type GenerationContext, iso, makeKk, makeNik, pad, sameDateYearsLater, stamp } from "./context";
import {
  type ChildTraits,
  drawTraits,
  type GrowthState,
  readMeasurement,
  type SlipKind,
  simulateGrowth,
  slip,
} from "./growth-model";
import { childName, manName, STREETS, spellingVariant, womanName } from "./names";
import type { DesaPlan, PosyanduPlan } from "./places";
import { livebirthPregnancy, type Woman } from "./pregnancies";
import { clamp, type Rng, roundTo, weighted } from "./random";

/** A posyandu day: its session id and day number, per posyandu and measured month. */
export interface SessionRef {
  id: string;
  day: number;
}

export interface FamilyOutput {
  households: HouseholdsTable[];
  persons: PersonsTable[];
  pregnancies: PregnanciesTable[];
  measurements: MeasurementsTable[];
  /** Measurement ids given an implausible value on purpose. */
  implausible: string[];
  /** [registered first, registered again] person ids. */
  duplicates: [string, string][];
  mothers: Woman[];
}

// Shares within the safe / unsafe groups (BPS Susenas categories), for rural desa and urban kelurahan.
const SAFE_WATER: Partial<Record<WaterSource, number>> = {
  ledeng: 22,
  sumur_bor: 26,
  sumur_terlindung: 20,
  mata_air_terlindung: 7,
  air_hujan: 11,
  air_kemasan: 14,
};
const SAFE_WATER_URBAN: Partial<Record<WaterSource, number>> = { ledeng: 60, sumur_bor: 15, air_kemasan: 25 };
const UNSAFE_WATER: Partial<Record<WaterSource, number>> = {
  sumur_tak_terlindung: 40,
  mata_air_tak_terlindung: 20,
  air_permukaan: 35,
  lainnya: 5,
};
const PROPER_LATRINE: Partial<Record<LatrineType, number>> = { sendiri_septik: 85, bersama_septik: 15 };
const IMPROPER_LATRINE: Partial<Record<LatrineType, number>> = {
  leher_angsa_tanpa_septik: 45,
  cemplung: 28,
  umum: 12,
  tidak_ada: 15,
};

const SLIPS: readonly SlipKind[] = ["weight_x10", "weight_x10", "swapped", "weight_div10", "length_mm"];
const IMPLAUSIBLE_RATE = 0.005;
const DUPLICATE_RATE = 0.012;

function pickIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rng.float() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

export function makeHousehold(
  ctx: GenerationContext,
  rng: Rng,
  plan: DesaPlan,
  headName: string,
  kkIssuedDay: number,
): { row: HouseholdsTable; unsafeWater: boolean; improperLatrine: boolean } {
  const dusun = rng.pick(plan.dusun);
  const unsafeWater = rng.chance(clamp(0.2 + 0.1 * plan.risk, 0.03, 0.6));
  const improperLatrine = rng.chance(clamp(0.25 + 0.12 * plan.risk, 0.04, 0.7));
  const water = unsafeWater
    ? weighted(rng, UNSAFE_WATER)
    : weighted(rng, plan.kelurahan ? SAFE_WATER_URBAN : SAFE_WATER);
  const latrine = weighted(rng, improperLatrine ? IMPROPER_LATRINE : PROPER_LATRINE);
  const street = rng.pick(STREETS);
  const address = `${rng.chance(0.8) ? "Jl." : "Gg."} ${street === "Poros" ? `Poros ${plan.name}` : street} No. ${rng.int(1, 150)}`;
  return {
    row: {
      id: ctx.nextId(),
      region_code: dusun.code,
      kk_number: rng.chance(0.95)
        ? makeKk(ctx, rng, plan.kecamatanCode, Math.min(kkIssuedDay, ctx.yesterday))
        : null,
      head_name: headName,
      address,
      rt: pad(rng.int(1, dusun.rtCount), 3),
      rw: plan.kelurahan || rng.chance(0.6) ? pad(dusun.rw, 3) : null,
      water_source: water,
      latrine_type: latrine,
      created_at: "",
      updated_at: "",
      revision: 1,
      deleted_at: null,
    },
    unsafeWater,
    improperLatrine,
  };
}

const nameKeys = new Map<string, string>();

/** core's `nameKey`, memoised: the name lists make the same few thousand names over and over. */
function keyOf(name: string): string {
  let k = nameKeys.get(name);
  if (k === undefined) {
    k = nameKey(name);
    nameKeys.set(name, k);
  }
  return k;
}

export function personRow(
  ctx: GenerationContext,
  p: Pick<
    PersonsTable,
    "region_code" | "household_id" | "name" | "sex" | "nik" | "mother_id" | "parent_name"
  > & {
    birthDay: number;
    birthWeightKg?: number | null;
    birthLengthCm?: number | null;
  },
): PersonsTable {
  return {
    id: ctx.nextId(),
    region_code: p.region_code,
    household_id: p.household_id,
    name: p.name,
    name_key: keyOf(p.name),
    sex: p.sex,
    birth_date: iso(p.birthDay),
    nik: p.nik,
    mother_id: p.mother_id,
    parent_name: p.parent_name,
    birth_weight_kg: p.birthWeightKg ?? null,
    birth_length_cm: p.birthLengthCm ?? null,
    created_at: "",
    updated_at: "",
    revision: 1,
    deleted_at: null,
    merged_into: null,
  };
}

function setCreated(row: { created_at: string; updated_at: string }, at: string) {
  row.created_at = at;
  row.updated_at = at;
}

/** A new woman (17–40) in a new household: used for pregnancies of women without a child under five. */
export function newWomanFactory(ctx: GenerationContext, rng: Rng, plan: DesaPlan) {
  return (lmpDay: number): { woman: Woman; household: HouseholdsTable } => {
    const age = clamp(rng.normal(24.5, 5), 17, 40);
    const birthDay = lmpDay - Math.round(age * 365.25) - rng.int(0, 364);
    const posyandu = plan.posyandu[
      pickIndex(
        rng,
        plan.posyandu.map((p) => p.weight),
      )
    ] as PosyanduPlan;
    const name = womanName(rng);
    const hh = makeHousehold(
      ctx,
      rng,
      plan,
      rng.chance(0.95) ? manName(rng) : name,
      lmpDay - rng.int(60, 900),
    );
    const person = personRow(ctx, {
      region_code: posyandu.code,
      household_id: hh.row.id,
      name,
      sex: 2,
      nik: rng.chance(0.75) ? makeNik(ctx, rng, plan.kecamatanCode, birthDay, 2) : null,
      mother_id: null,
      parent_name: null,
      birthDay,
    });
    // Midnight: never after the pregnancy's own registration on the same day.
    const at = `${iso(Math.min(ctx.yesterday, lmpDay + 35))}T00:00:00.000Z`;
    setCreated(person, at);
    setCreated(hh.row, at);
    const earlier = age >= 22 && rng.chance(0.4) ? rng.int(1, 3) : 0;
    return {
      woman: { person, birthDay, childBirthDays: [], earlierPregnancies: earlier },
      household: hh.row,
    };
  };
}

/**
 * The desa's families: a household, a mother and one or two children each, with their monthly
 * measurements — `children` of them under five today, plus those who turned five during the measured months.
 */
export function desaFamilies(
  ctx: GenerationContext,
  rng: Rng,
  plan: DesaPlan,
  children: number,
  sessions: readonly (readonly SessionRef[])[],
): FamilyOutput {
  const out: FamilyOutput = {
    households: [],
    persons: [],
    pregnancies: [],
    measurements: [],
    implausible: [],
    duplicates: [],
    mothers: [],
  };
  const hazShift = -0.2 * plan.risk;
  const posyanduWeights = plan.posyandu.map((p) => p.weight);

  const measure = (
    person: PersonsTable,
    traits: ChildTraits,
    state: GrowthState,
    session: SessionRef,
    posyandu: PosyanduPlan,
  ) => {
    const reading = readMeasurement(rng, traits, state, session.day);
    const raw = {
      id: ctx.nextId(),
      measuredOn: iso(session.day),
      weightKg: reading.weightKg,
      lenheiCm: reading.lenheiCm,
      measure: reading.measure,
      muacCm: reading.muacCm,
      headcCm: null,
      oedema: false,
      measuredBy: rng.pick(posyandu.cadres),
    };
    const meta = { sessionId: session.id, importId: null, createdBy: null, at: stamp(rng, session.day) };
    let row = measurementRow(person, raw, meta);
    if (rng.chance(IMPLAUSIBLE_RATE)) {
      // A typing slip: kept only if the WHO flags catch it (they always should; the loop makes sure).
      const first = rng.int(0, SLIPS.length - 1);
      for (let k = 0; k < SLIPS.length; k++) {
        const kind = SLIPS[(first + k) % SLIPS.length] as SlipKind;
        const s = slip(reading, kind);
        const bad = measurementRow(person, { ...raw, weightKg: s.weightKg, lenheiCm: s.lenheiCm }, meta);
        if (bad.flagged === 1) {
          row = bad;
          out.implausible.push(row.id);
          break;
        }
      }
    }
    out.measurements.push(row);
    return row;
  };

  let remaining = children;
  while (remaining > 0) {
    const pIdx = pickIndex(rng, posyanduWeights);
    const posyandu = plan.posyandu[pIdx] as PosyanduPlan;
    const births = rng.chance(0.17)
      ? (() => {
          const older = rng.int(ctx.firstBirth, ctx.yesterday - 456);
          return [older, rng.int(older + 456, Math.min(older + 1300, ctx.yesterday))];
        })()
      : [rng.int(ctx.firstBirth, ctx.yesterday)];
    // Exactly `children` under five today; those who turned five during the measured months come on top.
    while (births.filter((b) => b >= ctx.minBirth).length > remaining) births.pop();
    remaining -= births.filter((b) => b >= ctx.minBirth).length;
    const oldest = births[0] as number;
    const oldestYears = (ctx.today - oldest) / 365.25;
    const ageAtFirst = clamp(rng.normal(26.5, 5.5), Math.max(16.5, 17.05 - oldestYears), 41.9 - oldestYears);
    const motherBirth = oldest - Math.round(ageAtFirst * 365.25);
    const motherName = womanName(rng);
    const youngest = births[births.length - 1] as number;
    const hh = makeHousehold(
      ctx,
      rng,
      plan,
      rng.chance(0.88) ? manName(rng) : motherName,
      youngest + rng.int(14, 240),
    );
    out.households.push(hh.row);
    const mother = personRow(ctx, {
      region_code: posyandu.code,
      household_id: hh.row.id,
      name: motherName,
      sex: 2,
      nik: rng.chance(0.7)
        ? makeNik(
            ctx,
            rng,
            rng.chance(0.85) ? plan.kecamatanCode : rng.pick(ctx.kecamatanCodes),
            motherBirth,
            2,
          )
        : null,
      mother_id: null,
      parent_name: null,
      birthDay: motherBirth,
    });
    out.persons.push(mother);
    const woman: Woman = {
      person: mother,
      birthDay: motherBirth,
      childBirthDays: births,
      earlierPregnancies: (ageAtFirst > 22 ? rng.int(0, 2) : rng.int(0, 1)) + (rng.chance(0.1) ? 1 : 0),
    };
    out.mothers.push(woman);
    const childShift = hazShift - (hh.unsafeWater ? 0.15 : 0) - (hh.improperLatrine ? 0.15 : 0);
    let familyRegistered = "";

    for (const birthDay of births) {
      const sex: 1 | 2 = rng.chance(0.51) ? 1 : 2;
      const ageMonths = (ctx.today - birthDay) / 30.4375;
      // Younger cohorts fare a little better (the regency's programmes work): about −2 points over 2 years.
      const cohort = (0.04 * (birthDay - ctx.today)) / 365.25;
      const traits = drawTraits(rng, sex, birthDay, { haz: childShift + cohort, whz: -0.1 * plan.risk });
      const bw = lmsAt("wfa", sex, 0);
      const bl = lmsAt("lhfa", sex, 0);
      const child = personRow(ctx, {
        region_code: posyandu.code,
        household_id: hh.row.id,
        name: childName(rng, sex),
        sex,
        nik: rng.chance(ageMonths < 3 ? 0.3 : ageMonths < 12 ? 0.5 : ageMonths < 60 ? 0.66 : 0.8)
          ? makeNik(ctx, rng, plan.kecamatanCode, birthDay, sex)
          : null,
        mother_id: mother.id,
        parent_name: motherName,
        birthDay,
        birthWeightKg:
          bw && rng.chance(0.85)
            ? roundTo(measureAtZ(0.45 * traits.hazLevel + rng.normal(-0.25, 0.85), bw.l, bw.m, bw.s, true), 1)
            : null,
        birthLengthCm:
          bl && rng.chance(0.75)
            ? Math.round(
                2 * measureAtZ(0.6 * traits.hazLevel + rng.normal(0, 0.6), bl.l, bl.m, bl.s, false),
              ) / 2
            : null,
      });
      out.persons.push(child);
      const ownSessions = sessions[pIdx] as readonly SessionRef[];
      const fifthBirthday = sameDateYearsLater(birthDay, 5);
      const states = simulateGrowth(
        rng,
        traits,
        ownSessions.map((s) => s.day),
        fifthBirthday,
      );
      const propensity = clamp(rng.normal(0.87, 0.09), 0.45, 0.99);
      const missed: number[] = [];
      let firstDay = Number.POSITIVE_INFINITY;
      states.forEach((state, i) => {
        if (!state) return;
        const p = Math.min(0.99, propensity * (state.ageDays >= 1096 ? 0.93 : 1.03));
        if (!rng.chance(p)) {
          missed.push(i);
          return;
        }
        measure(child, traits, state, ownSessions[i] as SessionRef, posyandu);
        firstDay = Math.min(firstDay, (ownSessions[i] as SessionRef).day);
      });
      const registered = Math.min(birthDay + rng.int(1, 40), firstDay, ctx.yesterday);
      // Registered at the latest on the first weighing, before it was typed in.
      setCreated(child, registered === firstDay ? `${iso(firstDay)}T00:00:00.000Z` : stamp(rng, registered));
      if (familyRegistered === "") familyRegistered = child.created_at;

      if (ctx.today - birthDay <= 183 && rng.chance(0.1)) {
        out.pregnancies.push(livebirthPregnancy(ctx, rng, woman, birthDay));
      }
      if (rng.chance(DUPLICATE_RATE)) {
        duplicate(child, traits, states, missed, pIdx, fifthBirthday);
      }
    }
    setCreated(mother, familyRegistered);
    setCreated(hh.row, familyRegistered);
  }

  /** The same child registered again (another cadre, another posyandu of the desa), without NIK. */
  function duplicate(
    original: PersonsTable,
    traits: ChildTraits,
    states: readonly (GrowthState | null)[],
    missed: readonly number[],
    pIdx: number,
    fifthBirthday: number,
  ) {
    const otherIdx =
      plan.posyandu.length > 1 && rng.chance(0.6)
        ? (pIdx + rng.int(1, plan.posyandu.length - 1)) % plan.posyandu.length
        : pIdx;
    const posyandu = plan.posyandu[otherIdx] as PosyanduPlan;
    const dup = personRow(ctx, {
      region_code: posyandu.code,
      household_id: rng.chance(0.5) ? original.household_id : null,
      name: spellingVariant(rng, original.name),
      sex: original.sex,
      nik: null,
      mother_id: rng.chance(0.5) ? original.mother_id : null,
      parent_name: original.parent_name,
      birthDay: traits.birthDay,
    });
    out.persons.push(dup);
    out.duplicates.push([original.id, dup.id]);
    const chosen = missed.filter(() => rng.chance(0.5)).slice(0, 3);
    let first = Number.POSITIVE_INFINITY;
    for (const i of chosen) {
      const session = (sessions[otherIdx] as readonly SessionRef[])[i] as SessionRef;
      const state = states[i];
      if (!state || session.day <= traits.birthDay || session.day >= fifthBirthday) continue;
      measure(dup, traits, state, session, posyandu);
      first = Math.min(first, session.day);
    }
    const after = Date.parse(original.created_at) / 86_400_000;
    const registered = Number.isFinite(first)
      ? first
      : rng.int(Math.min(Math.ceil(after), ctx.yesterday), ctx.yesterday);
    setCreated(dup, stamp(rng, registered));
  }

  return out;
}
