import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import type { AwardsTable } from "./schema";

type Conn = Kysely<Database> | Transaction<Database>;
export type AwardRow = Selectable<AwardsTable> & { region_name: string };

/** Awards of a year to recipients in the region (and below), newest decree first. */
export async function awardsIn(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  year: number,
): Promise<AwardRow[]> {
  return db
    .selectFrom("awards")
    .innerJoin("regions", "regions.code", "awards.region_code")
    .selectAll("awards")
    .select("regions.name as region_name")
    .where("awards.year", "=", year)
    .where(withinScopes("awards.region_code", scopes))
    .where(withinScopes("awards.region_code", [regionCode]))
    .orderBy("awards.sk_date", "desc")
    .limit(1000)
    .execute();
}

export async function insertAward(db: Conn, row: AwardsTable): Promise<void> {
  await db.insertInto("awards").values(row).execute();
}
