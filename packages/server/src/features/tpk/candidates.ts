import {
  type Actor,
  addDays,
  completedYears,
  daysBetween,
  isPregnancyActive,
  type PregnancyFacts,
  presentOn,
  readScopes,
  type TpkCandidate,
  type TpkCandidateList,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { childBirthDates } from "../persons/service";
import { pregnancyFactsOf } from "../pregnancies/service";
import { findRegion } from "../regions/service";

/** Masa nifas: 42 days (6 weeks) after delivery (Permenkes 21/2021, pelayanan kesehatan masa sesudah melahirkan). */
export const NIFAS_DAYS = 42;

/**
 * Women of a region the TPK accompanies besides families and catin (Paser Pasal 1 angka 31): pregnant
 * women (an ongoing pregnancy) and post-partum mothers (a child born in the last 42 days), from the registry.
 */
export async function tpkCandidates(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<TpkCandidateList> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const today = todayIso();
  const women = await db
    .selectFrom("persons")
    .select(["id", "name", "birth_date", "left_on"])
    .where("sex", "=", 2)
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .where("birth_date", "<=", addDays(today, -10 * 366))
    .where("birth_date", ">", addDays(today, -55 * 366))
    .orderBy("name")
    .execute();
  const fertile = women.filter((w) => {
    // A woman who moved away or died is no longer a candidate (core presentOn, issue 17).
    if (!presentOn({ leftOn: w.left_on }, today)) return false;
    const y = completedYears(w.birth_date, today);
    return y >= 10 && y <= 54;
  });
  const ids = fertile.map((w) => w.id);
  const pregnancies = new Map<string, PregnancyFacts[]>();
  const kids = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const [k, v] of await pregnancyFactsOf(db, ids.slice(i, i + 500))) pregnancies.set(k, v);
    for (const [k, v] of await childBirthDates(db, ids.slice(i, i + 500))) kids.set(k, v);
  }
  const candidates: TpkCandidate[] = [];
  for (const w of fertile) {
    const kind = womanKind(pregnancies.get(w.id) ?? [], kids.get(w.id) ?? [], today);
    if (kind) candidates.push({ personId: w.id, name: w.name, kind });
  }
  return { candidates };
}

function womanKind(
  pregnancies: readonly PregnancyFacts[],
  childBirths: readonly string[],
  today: string,
): TpkCandidate["kind"] | null {
  if (pregnancies.some((p) => isPregnancyActive(p, today))) return "ibu_hamil";
  const since = (d: string) => daysBetween(d, today);
  if (childBirths.some((b) => since(b) >= 0 && since(b) <= NIFAS_DAYS)) return "ibu_nifas";
  return null;
}

/** Whether the registry shows this woman pregnant (ibu_hamil) or within 42 days of delivery (ibu_nifas) today. */
export async function isWomanOfKind(
  db: Kysely<Database>,
  personId: string,
  kind: TpkCandidate["kind"],
): Promise<boolean> {
  const p = (await pregnancyFactsOf(db, [personId])).get(personId) ?? [];
  const k = (await childBirthDates(db, [personId])).get(personId) ?? [];
  return womanKind(p, k, todayIso()) === kind;
}
