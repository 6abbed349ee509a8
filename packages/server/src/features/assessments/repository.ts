import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import type { AssessmentMethodsTable, AssessmentsTable } from "./schema";

type Conn = Kysely<Database> | Transaction<Database>;
export type AssessmentRow = Selectable<AssessmentsTable>;

/** The kecamatan of a regency the caller may read. */
export async function kecamatanOf(db: Conn, scopes: readonly string[], regency: string) {
  return db
    .selectFrom("regions")
    .select(["code", "name"])
    .where("parent_code", "=", regency)
    .where("level", "=", "kecamatan")
    .where(withinScopes("code", scopes))
    .orderBy("code")
    .execute();
}

/** Every kecamatan and desa under a regency (codes and levels only). */
export async function unitsUnder(db: Conn, regency: string) {
  return db
    .selectFrom("regions")
    .select(["code", "level"])
    .where(withinScopes("code", [regency]))
    .where("level", "in", ["kecamatan", "desa"])
    .execute();
}

export async function latestMethod(
  db: Conn,
  regency: string,
): Promise<Selectable<AssessmentMethodsTable> | undefined> {
  return db
    .selectFrom("assessment_methods")
    .selectAll()
    .where("regency_code", "=", regency)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertMethod(db: Conn, row: AssessmentMethodsTable): Promise<void> {
  await db.insertInto("assessment_methods").values(row).execute();
}

/** The year's stored assessment: the published one if any, else the latest draft. */
export async function storedAssessment(
  db: Conn,
  regency: string,
  year: number,
): Promise<AssessmentRow | undefined> {
  const rows = await db
    .selectFrom("assessments")
    .selectAll()
    .where("regency_code", "=", regency)
    .where("year", "=", year)
    .orderBy("computed_at", "desc")
    .execute();
  return rows.find((r) => r.status === "published") ?? rows[0];
}

export async function findAssessment(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("assessments")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("regency_code", scopes))
    .executeTakeFirst();
}

export async function insertAssessment(db: Conn, row: AssessmentsTable): Promise<void> {
  await db.insertInto("assessments").values(row).execute();
}

export async function deleteDrafts(db: Conn, regency: string, year: number): Promise<void> {
  await db
    .deleteFrom("assessments")
    .where("regency_code", "=", regency)
    .where("year", "=", year)
    .where("status", "=", "draft")
    .execute();
}

export async function publish(db: Conn, id: string, at: string, by: string): Promise<void> {
  await db
    .updateTable("assessments")
    .set({ status: "published", published_at: at, published_by: by })
    .where("id", "=", id)
    .execute();
}
