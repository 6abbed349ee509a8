import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import type { ReportsTable } from "./schema";

type Conn = Kysely<Database> | Transaction<Database>;
export type ReportRow = Selectable<ReportsTable>;

/** A report the caller may read: its own region is in scope, or it was sent to a region in scope. */
export async function findReport(
  db: Conn,
  scopes: readonly string[],
  id: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        withinScopes("region_code", scopes),
        eb.and([eb("status", "!=", "draft"), withinScopes("recipient_code", scopes)]),
      ]),
    )
    .executeTakeFirst();
}

/** Every version of one report (kind, region, period), oldest first. */
export async function versionsOf(
  db: Conn,
  kind: string,
  regionCode: string,
  period: string,
): Promise<ReportRow[]> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("kind", "=", kind)
    .where("region_code", "=", regionCode)
    .where("period", "=", period)
    .orderBy("version")
    .execute();
}

/** Reports written by exactly this region, newest first (at most `limit`). */
export async function reportsOfRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  limit: number,
): Promise<ReportRow[]> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("region_code", "=", regionCode)
    .where(withinScopes("region_code", scopes))
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
}

/** Issued or acknowledged reports sent to this region, newest first. */
export async function reportsSentTo(
  db: Conn,
  scopes: readonly string[],
  recipientCode: string,
  limit: number,
): Promise<ReportRow[]> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("recipient_code", "=", recipientCode)
    .where(withinScopes("recipient_code", scopes))
    .where("status", "!=", "draft")
    .orderBy("issued_at", "desc")
    .limit(limit)
    .execute();
}

/** The reports of these regions and kinds for these periods (every version), for the due list. */
export async function reportsFor(
  db: Conn,
  regionCodes: readonly string[],
  kinds: readonly string[],
  periods: readonly string[],
): Promise<ReportRow[]> {
  if (regionCodes.length === 0 || kinds.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom("reports")
    .selectAll()
    .where("region_code", "in", regionCodes)
    .where("kind", "in", kinds)
    .where("period", "in", periods)
    .execute();
}

export async function insertReport(db: Conn, row: ReportsTable): Promise<void> {
  await db.insertInto("reports").values(row).execute();
}

export async function updateReport(db: Conn, id: string, changes: Partial<ReportsTable>): Promise<void> {
  await db.updateTable("reports").set(changes).where("id", "=", id).execute();
}

export async function documentsOf(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("report_documents")
    .select("report_id")
    .where("report_id", "in", ids)
    .where("format", "=", "pdf")
    .execute();
  return new Set(rows.map((r) => r.report_id));
}

export async function documentOf(db: Conn, id: string, format: "pdf" | "xlsx"): Promise<Buffer | null> {
  const row = await db
    .selectFrom("report_documents")
    .select("body_base64")
    .where("report_id", "=", id)
    .where("format", "=", format)
    .executeTakeFirst();
  return row ? Buffer.from(row.body_base64, "base64") : null;
}

export async function storeDocument(db: Conn, id: string, format: "pdf" | "xlsx", body: Buffer, at: string) {
  await db.deleteFrom("report_documents").where("report_id", "=", id).where("format", "=", format).execute();
  await db
    .insertInto("report_documents")
    .values({ report_id: id, format, body_base64: body.toString("base64"), created_at: at })
    .execute();
}

/** Every issued version of the reports of a region and the regions under it. */
export async function issuedUnder(db: Conn, regionCode: string) {
  return db
    .selectFrom("reports")
    .select(["kind", "region_code", "period", "issued_at"])
    .where(withinScopes("region_code", [regionCode]))
    .where("issued_at", "is not", null)
    .execute();
}
