import type { Kysely, Transaction } from "kysely";
import type { Database, IndicatorCatalogsTable } from "../../db/schema";

type Conn = Kysely<Database> | Transaction<Database>;

export interface CatalogVersionRow extends IndicatorCatalogsTable {
  created_by_name: string | null;
}

// Every query names the regency: the service resolves it from the actor (catalog-access.ts in core) and
// refuses one the actor may not read before it gets here.

/** The current (highest) version of a regency's catalog, with the username of whoever stored it. */
export async function currentCatalogVersion(
  db: Conn,
  regency: string,
): Promise<CatalogVersionRow | undefined> {
  return newestFirst(db, regency).selectAll("c").limit(1).executeTakeFirst();
}

/** The current version's row without its content (the service parses each version's content once). */
export async function currentCatalogHead(db: Conn, regency: string) {
  return newestFirst(db, regency)
    .select(["c.id", "c.version", "c.origin", "c.created_at"])
    .limit(1)
    .executeTakeFirst();
}

/** The content of one stored version. */
export async function catalogContent(db: Conn, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("indicator_catalogs")
    .select("content")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.content;
}

/** Every version, newest first, without the content (the history list). */
export async function catalogVersions(db: Conn, regency: string) {
  return newestFirst(db, regency).select(["c.version", "c.origin", "c.summary", "c.created_at"]).execute();
}

/** A regency's versions, newest first, each with the username of whoever stored it. */
function newestFirst(db: Conn, regency: string) {
  return db
    .selectFrom("indicator_catalogs as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .select("u.username as created_by_name")
    .where("c.regency_code", "=", regency)
    .orderBy("c.version", "desc");
}

export async function insertCatalogVersion(db: Conn, row: IndicatorCatalogsTable): Promise<void> {
  await db.insertInto("indicator_catalogs").values(row).execute();
}

/** Regencies that have a stored catalog (a deployment usually holds one). */
export async function catalogRegencies(db: Conn): Promise<string[]> {
  const rows = await db.selectFrom("indicator_catalogs").select("regency_code").distinct().execute();
  return rows.map((r) => r.regency_code).sort();
}
