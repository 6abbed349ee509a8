import type { Actor } from "@tumbuh/core";
import type SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { sqliteHandleOf } from "../../db/bulk-insert";
import { checkpointLater } from "../../db/checkpoint-later";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { WriteWaiters } from "../../db/write-waiters";
import { appendAudit } from "../audit/service";
import type { ImportsTable } from "./schema";
import { type ImportItem, type ItemSource, SliceWriter } from "./slices";

/** An import still "writing" after this long was cut off (a crash, a kill) and is undone. */
const STALE_MS = 60 * 60 * 1000;

export interface ImportEnd {
  /** The import's summary (the row said "writing" with none until now). */
  summary: Record<string, unknown>;
  audit: { regionCode: string | null; after: Record<string, unknown> };
}

/**
 * Where an import's rows go, as they are checked: in transactions of up to a second ("slices", ./slices.ts;
 * issue 18: one long write transaction made every other writer wait, and on SQLite fail with "database is
 * locked" after 5 s). A new person and its measurement always share a transaction. The import row says
 * "writing" from the first rows until the last are committed; `finish` marks it done with its summary and
 * audit entry in one short transaction. On failure `abort` removes what was stored — so the import stays
 * all or nothing — and a crash half-way is undone by the next import (`undoStaleImports`). While it runs,
 * readers may see part of the import; nobody can be left with part of it.
 *
 * On an SQLite file the log (WAL) is not copied into the database file as it grows — SQLite does so at
 * every commit past 1000 pages of log, and an import's slices rewrite the same index pages again and again,
 * each copy waiting on the disk — but once, when the import is done, by another thread while this one goes
 * on (db/checkpoint-later; issue 16). Readers and writers meanwhile find the pages in the log, as always. A
 * next import must not start on a log nobody copied: reading through a whole import's pages cost it a second.
 */
export class ImportStore {
  readonly #slices: SliceWriter;
  readonly #file: SQLite.Database | null;
  #begun: Promise<void> | null = null;
  /** The connection's own checkpoint interval while the import holds it at 0 (pages of log). */
  #autocheckpoint: number | null = null;

  /** `progress` is told how many rows are written. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    /** Its status is "writing" (`finish` makes it "done"). */
    private readonly importRow: ImportsTable,
    progress: (done: number) => void,
  ) {
    const handle = sqliteHandleOf(db);
    this.#file = handle && !handle.memory ? handle : null;
    // Another connection may wait for an SQLite file's write lock; nobody shares an in-memory database, and
    // PostgreSQL locks rows, not the database.
    this.#slices = new SliceWriter(db, this.#file ? new WriteWaiters(this.#file.name) : null, progress);
  }

  /** Stores these rows. */
  async add(items: readonly ImportItem[]): Promise<void> {
    if (items.length === 0) return;
    let given = false;
    await this.writeAll(async () => {
      if (given) return null;
      given = true;
      return items;
    });
  }

  /** Stores every row `source` gives, asking for the next chunk inside the slice that writes (./slices.ts). */
  async writeAll(source: ItemSource): Promise<void> {
    await this.#begin();
    await this.#slices.writeAll(source);
  }

  /** Marks the import done (every row given to `add` is written by then). */
  async finish(end: ImportEnd): Promise<void> {
    await this.#begin();
    const file = this.#file;
    const held = this.#autocheckpoint !== null;
    try {
      await inTransaction(this.db, async (trx) => {
        await trx
          .updateTable("imports")
          .set({ status: "done", summary_json: JSON.stringify(end.summary) })
          .where("id", "=", this.importRow.id)
          .execute();
        await appendAudit(trx, this.actor, {
          action: "import.measurements",
          entity: "import",
          entityId: this.importRow.id,
          regionCode: end.audit.regionCode,
          after: end.audit.after,
        });
      });
    } finally {
      this.#close();
    }
    // The log copied into the database file once, in a thread of its own (see the class comment).
    if (file && held) checkpointLater(file.name);
  }

  /** Removes whatever was stored (nothing, if nothing was). */
  async abort(): Promise<void> {
    this.#close();
    if (this.#begun) await undoImport(this.db, this.importRow.id, this.importRow.created_at);
  }

  /** The import row ("writing") before the first rows (their foreign key) — and stale imports undone first. */
  #begin(): Promise<void> {
    this.#begun ??= (async () => {
      await undoStaleImports(this.db, new Date());
      await inTransaction(this.db, (trx) => trx.insertInto("imports").values(this.importRow).execute());
      const file = this.#file;
      if (file) {
        this.#autocheckpoint = file.pragma("wal_autocheckpoint", { simple: true }) as number;
        file.pragma("wal_autocheckpoint = 0");
      }
    })();
    return this.#begun;
  }

  /** The connection's own checkpoint interval back, the listener for waiting writers closed. */
  #close(): void {
    const pages = this.#autocheckpoint;
    this.#autocheckpoint = null;
    if (this.#file?.open && pages !== null) this.#file.pragma(`wal_autocheckpoint = ${pages}`);
    this.#slices.close();
  }
}

/** Removes what an unfinished import stored: its measurements, the persons it created, its row. */
export async function undoImport(db: Kysely<Database>, importId: string, createdAt: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const created = await trx
      .selectFrom("persons")
      .select("id")
      .where("created_at", "=", createdAt)
      .where("id", "in", trx.selectFrom("measurements").select("person_id").where("import_id", "=", importId))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("measurements as other")
              .select(sql`1`.as("one"))
              .whereRef("other.person_id", "=", "persons.id")
              .where((eb) =>
                eb.or([eb("other.import_id", "is", null), eb("other.import_id", "!=", importId)]),
              ),
          ),
        ),
      )
      .execute();
    await trx.deleteFrom("import_source_values").where("import_id", "=", importId).execute();
    await trx.deleteFrom("measurements").where("import_id", "=", importId).execute();
    const ids = created.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .deleteFrom("persons")
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
    }
    await trx.deleteFrom("imports").where("id", "=", importId).execute();
  });
}

/** Imports a crash left "writing" (older than an import ever takes) are undone before a new one starts. */
export async function undoStaleImports(db: Kysely<Database>, now: Date): Promise<number> {
  const stale = await db
    .selectFrom("imports")
    .select(["id", "created_at"])
    .where("status", "=", "writing")
    .where("created_at", "<", new Date(now.getTime() - STALE_MS).toISOString())
    .execute();
  for (const s of stale) await undoImport(db, s.id, s.created_at);
  return stale.length;
}
