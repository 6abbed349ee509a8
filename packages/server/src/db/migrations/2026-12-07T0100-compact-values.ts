import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen in time: takes Kysely<any> and imports no app code.
/**
 * Issue 18 (storage): on SQLite, ids are stored as 16-byte BLOBs instead of 36-character text and growth
 * categories as 2 characters, U+0001 and their number (the driver converts both ways from now on,
 * db/sqlite-values.ts). This converts what is already stored: every value of every text column that is a
 * canonical lowercase UUID becomes its 16 bytes — ids, references, the change feed's and the audit log's
 * entity ids alike, and any text that merely looks like one (the driver would store it so too) — and every
 * value that is a category code becomes its number. Down turns them back into the text. PostgreSQL keeps
 * the text: nothing to do.
 *
 * The rows' triggers stand aside meanwhile (they would add a feed row and a dirty mark per row, and the
 * audit log refuses updates): they are dropped and created again from their own text, in the same
 * transaction. Parents and children are converted one table at a time, so foreign keys are checked once,
 * before the commit, when both sides hold bytes again (`foreign_key_check`; a reference left dangling
 * undoes it all): enforced row by row, each person's new id would look for its measurements by a column with no
 * index of its own, and the demo's migration ran for minutes instead of seconds.
 */
const H = "[0-9a-f]";
const CANONICAL = `${H.repeat(8)}-${H.repeat(4)}-${H.repeat(4)}-${H.repeat(4)}-${H.repeat(12)}`;

/** The category numbers as db/sqlite-values.ts had them when this was written: the i-th is char(1, 65 + i). */
const CATEGORIES = [
  ...["sangat_pendek", "pendek", "normal", "tinggi"].map((b) => `tbu.${b}`),
  ...["sangat_kurang", "kurang", "normal", "risiko_lebih"].map((b) => `bbu.${b}`),
  ...["bbtb", "imtu"].flatMap((ix) =>
    ["gizi_buruk", "gizi_kurang", "gizi_baik", "berisiko_gizi_lebih", "gizi_lebih", "obesitas"].map(
      (b) => `${ix}.${b}`,
    ),
  ),
  ...["gizi_buruk", "gizi_kurang", "gizi_baik", "gizi_lebih", "obesitas"].map((b) => `imtu518.${b}`),
];
const letter = (i: number) => String.fromCharCode(65 + i);
const LISTED = CATEGORIES.map((c) => `'${c}'`).join(", ");

type Convert = (column: string) => { set: string; when: string };

const toBytes: Convert = (c) => ({
  set: `case when ${c} glob '${CANONICAL}' then unhex(replace(${c}, '-', ''))
    when ${c} in (${LISTED}) then case ${c} ${CATEGORIES.map((k, i) => `when '${k}' then char(1, ${65 + i})`).join(" ")} end
    else ${c} end`,
  when: `(${c} glob '${CANONICAL}' or ${c} in (${LISTED}))`,
});

const toText: Convert = (c) => {
  const part = (from: number, length: number) => `substr(lower(hex(${c})), ${from}, ${length})`;
  const id = `${part(1, 8)} || '-' || ${part(9, 4)} || '-' || ${part(13, 4)} || '-' || ${part(17, 4)} || '-' || ${part(21, 12)}`;
  const category = `case substr(${c}, 2, 1) ${CATEGORIES.map((k, i) => `when '${letter(i)}' then '${k}'`).join(" ")} else ${c} end`;
  const isCategory = `(typeof(${c}) = 'text' and length(${c}) = 2 and unicode(${c}) = 1)`;
  const isId = `(typeof(${c}) = 'blob' and length(${c}) = 16)`;
  return {
    set: `case when ${isId} then ${id} when ${isCategory} then ${category} else ${c} end`,
    when: `(${isId} or ${isCategory})`,
  };
};

async function convertAll(db: Kysely<any>, convert: Convert): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const enforced = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]
    ?.foreign_keys;
  // Only outside a transaction does this pragma take effect; Kysely runs SQLite's migrations outside one.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute((trx) => convertRows(trx, convert));
  } finally {
    if (enforced) await sql`pragma foreign_keys = on`.execute(db);
  }
  // Every row was rewritten shorter; without this the file keeps its size (the freed space is only reused).
  await sql`vacuum`.execute(db);
}

async function convertRows(trx: Kysely<any>, convert: Convert): Promise<void> {
  const dangling = async () => (await sql`pragma foreign_key_check`.execute(trx)).rows.length;
  // A reference left dangling before (say by an old bulk load) is not this migration's to judge.
  const before = await dangling();
  const triggers = (
    await sql<{
      name: string;
      sql: string;
    }>`select name, sql from sqlite_master where type = 'trigger'`.execute(trx)
  ).rows;
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(trx);
  const tables = (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'
        and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(trx)
  ).rows;
  for (const { name } of tables) {
    // Ids were declared text; columns of other types (numbers, dates as text too) simply match nothing.
    const columns = (
      await sql<{
        name: string;
      }>`select name from pragma_table_info(${name}) where upper(type) like '%TEXT%'`.execute(trx)
    ).rows.map((c) => ({ column: `"${c.name}"`, ...convert(`"${c.name}"`) }));
    if (columns.length === 0) continue;
    await sql
      .raw(
        `update "${name}" set ${columns.map((c) => `${c.column} = ${c.set}`).join(", ")}
           where ${columns.map((c) => c.when).join(" or ")}`,
      )
      .execute(trx);
  }
  for (const t of triggers) await sql.raw(t.sql).execute(trx);
  const after = await dangling();
  if (after > before) throw new Error(`converting ids would leave ${after - before} dangling references`);
}

/** For the driver's test: its list must begin with this one. */
export const CATEGORY_NUMBERS_THEN: readonly string[] = CATEGORIES;

/**
 * The scorecard's index of service records named seven columns so that its read of a whole region never
 * visited the rows; since records carry a quantity and can be voided (2026-12-06T0100, T1000) that read
 * visits them anyway, and only the region, the service and the day still serve a query (the region range
 * of that read; the first day of each kind of service per desa, still read from the index alone). Its
 * other four columns were 11 MB of the demo's 60 MB of service records.
 */
const SCORECARD_INDEX = "service_records_region_scorecard";
const WIDE = ["region_code", "service", "given_on", "person_id", "detail", "received", "id"];
const NARROW = ["region_code", "service", "given_on"];

async function indexServiceRecords(db: Kysely<any>, columns: string[]): Promise<void> {
  await db.schema.dropIndex(SCORECARD_INDEX).execute();
  await db.schema.createIndex(SCORECARD_INDEX).on("service_records").columns(columns).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await indexServiceRecords(db, NARROW);
  await convertAll(db, toBytes);
}

export async function down(db: Kysely<any>): Promise<void> {
  await indexServiceRecords(db, WIDE);
  await convertAll(db, toText);
}
