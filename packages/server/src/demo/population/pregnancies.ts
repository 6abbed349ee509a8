import { addDays } from "@tumbuh/core";
import type { HouseholdsTable, PersonsTable, PregnanciesTable } from "../../db/schema";
import { type GenerationContext, iso, stamp, stochasticRound } from "./context";
import { HIGH_RISK_NOTES } from "./names";
import { clamp, type Rng, roundTo } from "./random";

/** A woman of the desa who may carry a pregnancy record. */
export interface Woman {
  person: PersonsTable;
  birthDay: number;
  /** Birth days of her children under five (empty for a woman without). */
  childBirthDays: number[];
  /** Earlier pregnancies not in the registry (older children, miscarriages). */
  earlierPregnancies: number;
}

/**
 * A pregnancy record as the bidan enters it at the first antenatal visit: MUAC (KEK below 23.5 cm in about
 * 15%), Hb (anaemia below 11 g/dL in about 30%), and a high-risk flag with a note in about 10%.
 */
export function pregnancyRow(
  ctx: GenerationContext,
  rng: Rng,
  woman: Woman,
  lmpDay: number,
  gravida: number,
  end: { day: number; outcome: "lahir_hidup" | "lahir_mati" | "keguguran" } | null,
): PregnanciesTable {
  const ageYears = (lmpDay - woman.birthDay) / 365.25;
  const muac = rng.chance(0.95) ? roundTo(rng.normal(26.2, 2.7), 1) : null;
  const hb = rng.chance(0.8) ? roundTo(clamp(rng.normal(11.6, 1.15), 6, 16), 1) : null;
  const reasons: string[] = [];
  if (ageYears > 35) reasons.push("Usia ibu > 35 tahun");
  if (ageYears < 20) reasons.push("Usia ibu < 20 tahun");
  if (gravida >= 5) reasons.push("Grande multipara (≥ 4 kali melahirkan)");
  if (hb !== null && hb < 8.5) reasons.push("Anemia berat");
  const lastChild = Math.max(-Infinity, ...woman.childBirthDays.filter((b) => b < lmpDay));
  if (lmpDay - lastChild < 365) reasons.push("Jarak kehamilan < 2 tahun");
  const highRisk = rng.chance(reasons.length > 0 ? 0.3 : 0.04);
  const note = highRisk ? (reasons.length > 0 ? reasons.join("; ") : rng.pick(HIGH_RISK_NOTES)) : null;
  const created = Math.min(ctx.yesterday, lmpDay + rng.int(42, 110), end ? end.day : ctx.yesterday);
  const createdAt = stamp(rng, created);
  // The end is recorded a few days after it (or after the registration), never before the registration.
  const endRecorded = end
    ? stamp(rng, Math.min(ctx.yesterday, Math.max(created, end.day) + rng.int(0, 10)))
    : "";
  return {
    id: ctx.nextId(),
    person_id: woman.person.id,
    region_code: woman.person.region_code,
    lmp_date: iso(lmpDay),
    edd_date: addDays(iso(lmpDay), 280),
    gravida,
    muac_cm: muac,
    hb_g_dl: hb,
    high_risk: highRisk ? 1 : 0,
    high_risk_note: note,
    ended_on: end ? iso(end.day) : null,
    outcome: end ? end.outcome : null,
    created_at: createdAt,
    updated_at: end && endRecorded > createdAt ? endRecorded : createdAt,
    revision: end ? 2 : 1,
    deleted_at: null,
  };
}

function gravidaOf(w: Woman, lmpDay: number): number {
  return w.earlierPregnancies + w.childBirthDays.filter((b) => b < lmpDay).length + 1;
}

/** Ongoing pregnancies (LMP within the last 9 months) and recently ended ones that did not end in a live birth. */
export function desaPregnancies(
  ctx: GenerationContext,
  rng: Rng,
  children: number,
  mothers: Woman[],
  newWoman: (lmpDay: number) => { woman: Woman; household: HouseholdsTable },
): { pregnancies: PregnanciesTable[]; persons: PersonsTable[]; households: HouseholdsTable[] } {
  const pregnancies: PregnanciesTable[] = [];
  const persons: PersonsTable[] = [];
  const households: HouseholdsTable[] = [];
  const used = new Set<string>();
  const woman = (lmpDay: number): Woman => {
    // A mother of the desa whose youngest child was born at least 15 months before, else a new household.
    if (rng.chance(0.55)) {
      for (let tries = 0; tries < 8 && mothers.length > 0; tries++) {
        const m = rng.pick(mothers);
        const youngest = Math.max(...m.childBirthDays);
        const age = (lmpDay - m.birthDay) / 365.25;
        if (!used.has(m.person.id) && lmpDay - youngest > 456 && age < 42) {
          used.add(m.person.id);
          return m;
        }
      }
    }
    const created = newWoman(lmpDay);
    persons.push(created.woman.person);
    households.push(created.household);
    used.add(created.woman.person.id);
    return created.woman;
  };
  const add = (w: Woman, row: PregnanciesTable) => {
    pregnancies.push(row);
    // Registered at the first antenatal visit at the latest.
    if (row.created_at < w.person.created_at) {
      w.person.created_at = row.created_at;
      w.person.updated_at = row.created_at;
    }
  };
  const ongoing = stochasticRound(rng, children * 0.028);
  for (let i = 0; i < ongoing; i++) {
    const lmp = ctx.today - rng.int(28, 270);
    const w = woman(lmp);
    add(w, pregnancyRow(ctx, rng, w, lmp, gravidaOf(w, lmp), null));
  }
  const miscarriages = stochasticRound(rng, children * 0.0025);
  for (let i = 0; i < miscarriages; i++) {
    const lmp = ctx.today - rng.int(150, 330);
    const w = woman(lmp);
    const end = Math.min(ctx.yesterday, lmp + rng.int(49, 140));
    add(w, pregnancyRow(ctx, rng, w, lmp, gravidaOf(w, lmp), { day: end, outcome: "keguguran" }));
  }
  const stillbirths = stochasticRound(rng, children * 0.0004);
  for (let i = 0; i < stillbirths; i++) {
    const lmp = ctx.today - rng.int(300, 420);
    const w = woman(lmp);
    const end = Math.min(ctx.yesterday, lmp + rng.int(200, 285));
    add(w, pregnancyRow(ctx, rng, w, lmp, gravidaOf(w, lmp), { day: end, outcome: "lahir_mati" }));
  }
  return { pregnancies, persons, households };
}

/** The recorded pregnancy that ended in a child's birth (for some recent births). */
export function livebirthPregnancy(ctx: GenerationContext, rng: Rng, w: Woman, birthDay: number) {
  const lmp = birthDay - rng.int(259, 290);
  return pregnancyRow(ctx, rng, w, lmp, gravidaOf(w, lmp), { day: birthDay, outcome: "lahir_hidup" });
}
