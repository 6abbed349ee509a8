/**
 * npm run bench:storage [-- FILE_OR_URL] — bytes per table (rows + indexes) of a Tumbuh database: SQLite via
 * the dbstat virtual table, PostgreSQL via pg_total_relation_size. Without an argument it reads
 * TUMBUH_DATABASE_URL. Used for the storage figures of issue 18 (the 25k-child demo).
 */
import { sql } from "kysely";
import { sqliteHandleOf } from "../src/db/bulk-insert";
import { openDatabase } from "../src/db/database";

export interface TableSize {
  table: string;
  rows: number;
  dataBytes: number;
  indexBytes: number;
}

export async function tableSizes(url: string): Promise<TableSize[]> {
  const db = openDatabase(url);
  try {
    const handle = sqliteHandleOf(db.kysely);
    if (handle) {
      const objects = handle
        .prepare("select name, tbl_name as tbl, type from sqlite_master where type in ('table', 'index')")
        .all() as { name: string; tbl: string; type: string }[];
      const bytes = new Map(
        (
          handle.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as {
            name: string;
            bytes: number;
          }[]
        ).map((r) => [r.name, r.bytes]),
      );
      const out = new Map<string, TableSize>();
      for (const o of objects) {
        const t = out.get(o.tbl) ?? { table: o.tbl, rows: 0, dataBytes: 0, indexBytes: 0 };
        if (o.type === "table") {
          t.dataBytes += bytes.get(o.name) ?? 0;
          t.rows = (handle.prepare(`select count(*) as n from "${o.name}"`).get() as { n: number }).n;
        } else t.indexBytes += bytes.get(o.name) ?? 0;
        out.set(o.tbl, t);
      }
      return [...out.values()];
    }
    const rows = await sql<{ table: string; rows: string; data: string; total: string }>`
      select c.relname as table, c.reltuples::bigint as rows,
             pg_table_size(c.oid) as data, pg_total_relation_size(c.oid) as total
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema()`.execute(db.kysely);
    return rows.rows.map((r) => ({
      table: r.table,
      rows: Math.max(0, Number(r.rows)),
      dataBytes: Number(r.data),
      indexBytes: Number(r.total) - Number(r.data),
    }));
  } finally {
    await db.close();
  }
}

export function printSizes(sizes: TableSize[]): void {
  const mb = (b: number) => (b / 1e6).toFixed(1).padStart(8);
  const total = sizes.reduce((s, t) => s + t.dataBytes + t.indexBytes, 0);
  console.log(
    `${"table".padEnd(28)} ${"rows".padStart(10)} ${"data MB".padStart(8)} ${"index MB".padStart(8)} ${"total MB".padStart(8)}  share`,
  );
  for (const t of [...sizes].sort((a, b) => b.dataBytes + b.indexBytes - (a.dataBytes + a.indexBytes))) {
    const all = t.dataBytes + t.indexBytes;
    if (all < 100_000) continue;
    console.log(
      `${t.table.padEnd(28)} ${t.rows.toLocaleString("en").padStart(10)} ${mb(t.dataBytes)} ${mb(t.indexBytes)} ${mb(all)}  ${((100 * all) / total).toFixed(0).padStart(3)} %`,
    );
  }
  console.log(
    `${"all tables".padEnd(28)} ${"".padStart(10)} ${"".padStart(8)} ${"".padStart(8)} ${mb(total)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? process.env.TUMBUH_DATABASE_URL;
  if (!url) throw new Error("usage: npm run bench:storage -- <sqlite file | postgres url>");
  printSizes(await tableSizes(url));
}
