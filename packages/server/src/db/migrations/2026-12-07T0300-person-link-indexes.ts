import { type Kysely, sql } from "kysely";

// Frozen in time: takes Kysely<any> and imports no app code.
/**
 * Issue 16 (import speed): `persons_mother` and `persons_household` indexed every person, though most have
 * neither link (an import registers children with none), so each insert updated two indexes for nothing.
 * They now hold only the persons with the link; every reader looks a link up by value (`mother_id = ?`, the
 * foreign-key checks on deleting a person or a household), which SQLite and PostgreSQL both answer from a
 * partial index on "is not null".
 */
const LINKS = [
  ["persons_mother", "mother_id"],
  ["persons_household", "household_id"],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, column] of LINKS) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on("persons")
      .column(column)
      .where(sql.raw<boolean>(`${column} is not null`))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, column] of LINKS) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on("persons").column(column).execute();
  }
}
