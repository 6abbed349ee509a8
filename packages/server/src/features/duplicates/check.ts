import {
  type Actor,
  type DuplicateMatch,
  type DuplicateReason,
  desaCodeOf,
  nameKey,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { findLivePersonByNik, findPerson, toSummary } from "../persons/service";
import { writableRegion } from "../region-guard";

const MAX_MATCHES = 10;

/**
 * Before a registration is saved (issue 17): who in the caller's area the new person may already be. The
 * same rule as the duplicate proposals (service.ts) and the phone's posyandu form: the same NIK, or a
 * sound-alike name (core nameKey) with the same birth date in the same desa and the same mother (the same
 * record, or names alike; unknown on either side counts as alike, so the user decides). A NIK registered
 * outside the caller's area is not looked at: answering "exists" there would confirm the NIK (issue 18).
 * Only a user who may register there asks.
 */
export async function checkNewPerson(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    regionCode: string;
    name: string;
    birthDate: string;
    nik?: string | null;
    motherId?: string | null;
    parentName?: string | null;
  },
): Promise<DuplicateMatch[]> {
  await writableRegion(db, actor, input.regionCode, ["desa", "dusun", "posyandu"]);
  const scopes = readScopes(actor);
  const today = todayIso();
  const found = new Map<
    string,
    { row: Awaited<ReturnType<typeof findPerson>>; reasons: DuplicateReason[] }
  >();
  const nik = input.nik?.trim();
  if (nik && /^\d{16}$/.test(nik)) {
    const same = await findLivePersonByNik(db, nik, scopes);
    if (same) found.set(same.id, { row: same, reasons: ["same_nik"] });
  }
  const mother = input.motherId ? await findPerson(db, scopes, input.motherId) : undefined;
  const motherKey = mother ? mother.name_key : input.parentName ? nameKey(input.parentName) : null;
  const desa = desaCodeOf(input.regionCode);
  const alike = await db
    .selectFrom("persons as p")
    .leftJoin("persons as m", "m.id", "p.mother_id")
    .selectAll("p")
    .select(["m.name_key as motherKey", "m.name as motherName"])
    .where("p.name_key", "=", nameKey(input.name))
    .where("p.birth_date", "=", input.birthDate)
    .where("p.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where(withinScopes("p.region_code", scopes))
    .where(withinScopes("p.region_code", [desa]))
    .limit(MAX_MATCHES)
    .execute();
  const motherNames = new Map<string, string | null>();
  for (const p of alike) {
    motherNames.set(p.id, p.motherName);
    const theirs = p.motherKey ?? (p.parent_name ? nameKey(p.parent_name) : null);
    const reasons: DuplicateReason[] = ["same_name", "same_birth_date", "same_desa"];
    if (input.motherId && p.mother_id === input.motherId) reasons.push("same_mother");
    else if (motherKey && theirs && motherKey === theirs) reasons.push("mother_name_alike");
    else if (motherKey && theirs) continue; // two different mothers: two children
    const known = found.get(p.id);
    if (known) known.reasons.push(...reasons);
    else found.set(p.id, { row: p, reasons });
  }
  return [...found.values()].slice(0, MAX_MATCHES).flatMap(({ row, reasons }) =>
    row
      ? [
          {
            person: {
              ...toSummary(row, today),
              parentName: row.parent_name,
              motherName: motherNames.get(row.id) ?? null,
            },
            reasons,
          },
        ]
      : [],
  );
}
