// One search across the user's area (issue 17): by a whole NIK, else by name (sound-alike) in each region
// the user holds. Reads only, through the persons and regions features.
import { type Actor, canRead, readScopes, SEARCH_LIMIT, type SearchHit, todayIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { findLivePersonByNik, findPersons, summariesWithFacts } from "../persons/service";
import { findRegionsByCode } from "../regions/service";

const NIK = /^\d{16}$/;

export async function searchEverywhere(db: Kysely<Database>, actor: Actor, q: string, asOf = todayIso()) {
  const text = q.trim();
  const byNik = NIK.test(text.replace(/\s/g, ""));
  let people: Awaited<ReturnType<typeof findPersons>>;
  if (byNik) {
    const row = await findLivePersonByNik(db, text.replace(/\s/g, ""), readScopes(actor));
    // a NIK outside the user's area is "not found", like any record out of scope
    people = row && canRead(actor, row.region_code) ? await summariesWithFacts(db, [row], asOf) : [];
  } else {
    const seen = new Set<string>();
    people = [];
    for (const scope of readScopes(actor)) {
      for (const p of await findPersons(
        db,
        actor,
        { region: scope, q: text, limit: SEARCH_LIMIT + 1 },
        asOf,
      )) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        people.push(p);
      }
    }
  }
  const truncated = people.length > SEARCH_LIMIT;
  const shown = people.sort((a, b) => a.name.localeCompare(b.name, "id")).slice(0, SEARCH_LIMIT);
  const places = new Map(
    (await findRegionsByCode(db, [...new Set(shown.map((p) => p.regionCode))])).map((r) => [r.code, r.name]),
  );
  const hits: SearchHit[] = shown.map((p) => ({ ...p, placeName: places.get(p.regionCode) ?? "" }));
  return { hits, byNik, truncated };
}
