import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * Live persons that share a sound-alike name key and a birth date with another live person in the region:
 * the candidates from which likely-duplicate pairs are built.
 */
export async function sameKeyAndBirth(db: Conn, scopes: readonly string[], regionCode: string) {
  const inRegion = (table: "p" | "q") => withinScopes(`${table}.region_code`, [regionCode]);
  return db
    .selectFrom("persons as p")
    .innerJoin("persons as q", (j) =>
      j
        .onRef("q.name_key", "=", "p.name_key")
        .onRef("q.birth_date", "=", "p.birth_date")
        .onRef("q.id", ">", "p.id"),
    )
    .leftJoin("persons as pm", "pm.id", "p.mother_id")
    .leftJoin("persons as qm", "qm.id", "q.mother_id")
    .select([
      "p.id as aId",
      "q.id as bId",
      "p.region_code as aRegion",
      "q.region_code as bRegion",
      "p.mother_id as aMotherId",
      "q.mother_id as bMotherId",
      "pm.name_key as aMotherKey",
      "qm.name_key as bMotherKey",
      "pm.name as aMotherName",
      "qm.name as bMotherName",
      "p.parent_name as aParent",
      "q.parent_name as bParent",
      "p.nik as aNik",
      "q.nik as bNik",
    ])
    .where("p.deleted_at", "is", null)
    .where("q.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where("q.merged_into", "is", null)
    .where(withinScopes("p.region_code", scopes))
    .where(withinScopes("q.region_code", scopes))
    .where(inRegion("p"))
    .where(inRegion("q"))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("duplicate_dismissals as d")
            .select("d.person_a")
            .whereRef("d.person_a", "=", "p.id")
            .whereRef("d.person_b", "=", "q.id"),
        ),
      ),
    )
    .execute();
}

export async function dismissPair(db: Conn, a: string, b: string, at: string, by: string) {
  const [x, y] = a < b ? [a, b] : [b, a];
  await db
    .insertInto("duplicate_dismissals")
    .values({ person_a: x, person_b: y, dismissed_at: at, dismissed_by: by })
    .onConflict((oc) => oc.columns(["person_a", "person_b"]).doNothing())
    .execute();
}

/**
 * Live persons in the region that carry the same NIK as another: one person registered twice, possible
 * because a NIK registered outside a user's area is accepted as new rather than revealed (issue 18).
 * Unlike name pairs these may lie in different desa: the NIK says they are one person wherever they live.
 */
export async function sameNik(db: Conn, scopes: readonly string[], regionCode: string) {
  return db
    .selectFrom("persons as p")
    .innerJoin("persons as q", (j) => j.onRef("q.nik", "=", "p.nik").onRef("q.id", ">", "p.id"))
    .leftJoin("persons as pm", "pm.id", "p.mother_id")
    .leftJoin("persons as qm", "qm.id", "q.mother_id")
    .select(["p.id as aId", "q.id as bId", "pm.name as aMotherName", "qm.name as bMotherName"])
    .where("p.nik", "is not", null)
    .where("p.deleted_at", "is", null)
    .where("q.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where("q.merged_into", "is", null)
    .where(withinScopes("p.region_code", scopes))
    .where(withinScopes("q.region_code", scopes))
    .where(withinScopes("p.region_code", [regionCode]))
    .where(withinScopes("q.region_code", [regionCode]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("duplicate_dismissals as d")
            .select("d.person_a")
            .whereRef("d.person_a", "=", "p.id")
            .whereRef("d.person_b", "=", "q.id"),
        ),
      ),
    )
    .execute();
}
