import { type Kysely, type MigrationResultSet, sql } from "kysely";
import { describe, expect, inject, it } from "vitest";
import { DIALECTS, emptyDatabase } from "../testing/dialects";
import type { DialectName } from "./database";
import { migrator } from "./migrate";
import type { Database } from "./schema";

/**
 * Everything a migration can create, read back from the database's own catalog, sorted, without Kysely's
 * bookkeeping tables. Tables are compared by their structure (columns, keys, indexes), not by the CREATE
 * text SQLite keeps, which ALTER TABLE rewrites.
 */
async function schemaOf(db: Kysely<Database>, dialect: DialectName): Promise<Record<string, unknown[]>> {
  const rows = async (q: ReturnType<typeof sql>) => (await q.execute(db)).rows as Record<string, unknown>[];
  const sorted = (list: Record<string, unknown>[]) => list.map((r) => JSON.stringify(r)).sort() as unknown[];
  if (dialect === "sqlite") {
    const tables = (
      await rows(sql`select name from sqlite_master where type = 'table'
        and name not like 'sqlite_%' and name not like 'kysely_%'`)
    ).map((r) => String(r.name));
    const per = async (pragma: string) => {
      const out: Record<string, unknown>[] = [];
      for (const t of tables) {
        for (const r of await rows(sql`select * from ${sql.raw(pragma)}(${t})`)) out.push({ table: t, ...r });
      }
      return sorted(out);
    };
    const indexColumns: Record<string, unknown>[] = [];
    for (const t of tables) {
      for (const ix of await rows(sql`select name from pragma_index_list(${t})`)) {
        const cols = await rows(sql`select seqno, name from pragma_index_info(${ix.name})`);
        // SQLite names the indexes behind UNIQUE and PRIMARY KEY by their order; the columns say what they are.
        indexColumns.push({ table: t, columns: cols.map((c) => c.name) });
      }
    }
    return {
      columns: await per("pragma_table_info"),
      foreignKeys: await per("pragma_foreign_key_list"),
      indexes: sorted(indexColumns),
      indexAndTriggerSql: sorted(
        await rows(sql`select type, name, tbl_name, sql from sqlite_master
          where type in ('index', 'trigger', 'view') and sql is not null and name not like 'kysely_%'`),
      ),
    };
  }
  return {
    columns: sorted(
      await rows(sql`select table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%'`),
    ),
    constraints: sorted(
      await rows(sql`select conrelid::regclass::text as on_table, conname, pg_get_constraintdef(oid) as def
        from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'kysely_%'`),
    ),
    indexes: sorted(
      await rows(sql`select indexname, indexdef from pg_indexes
        where schemaname = 'public' and tablename not like 'kysely_%'`),
    ),
    triggers: sorted(
      await rows(sql`select tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal`),
    ),
    functions: sorted(
      await rows(sql`select proname, pg_get_functiondef(oid) as def from pg_proc
        where pronamespace = 'public'::regnamespace`),
    ),
    sequences: sorted(
      await rows(sql`select sequence_name from information_schema.sequences
        where sequence_schema = 'public' and sequence_name not like 'kysely_%'`),
    ),
  };
}

function applied(step: MigrationResultSet, direction: "Up" | "Down"): string {
  if (step.error) throw step.error instanceof Error ? step.error : new Error(String(step.error));
  const [result] = step.results ?? [];
  if (result?.status !== "Success" || result.direction !== direction)
    throw new Error(`no migration went ${direction.toLowerCase()}: ${JSON.stringify(step.results)}`);
  return result.migrationName;
}

for (const dialect of DIALECTS) {
  const skip = dialect === "postgres" && inject("postgresUrl") === null;
  (skip ? describe.skip : describe)(`migrations [${dialect}]`, () => {
    it("each goes down to exactly the schema before it, and up again to exactly the schema after it", async () => {
      const db = await emptyDatabase(dialect);
      try {
        const m = migrator(db.kysely);
        const names = (await m.getMigrations()).map((x) => x.name);
        expect(names.length).toBeGreaterThan(0);
        // levels[i]: the schema with the first i migrations applied; levels[0] is the empty database.
        const levels = [await schemaOf(db.kysely, dialect)];
        expect(Object.values(levels[0] ?? {}).flat()).toEqual([]);
        for (const name of names) {
          expect(applied(await m.migrateUp(), "Up")).toBe(name);
          levels.push(await schemaOf(db.kysely, dialect));
        }
        for (let i = names.length; i > 0; i--) {
          expect(applied(await m.migrateDown(), "Down")).toBe(names[i - 1]);
          expect(await schemaOf(db.kysely, dialect), `after ${names[i - 1]} went down`).toEqual(
            levels[i - 1],
          );
        }
        for (let i = 1; i <= names.length; i++) {
          expect(applied(await m.migrateUp(), "Up")).toBe(names[i - 1]);
          expect(await schemaOf(db.kysely, dialect), `after ${names[i - 1]} went up again`).toEqual(
            levels[i],
          );
        }
      } finally {
        await db.close();
      }
    });
  });
}
