import type { Actor } from "@tumbuh/core";
import { type Kysely, sql, type Transaction } from "kysely";
import { insertFlatRows, sqliteHandleOf } from "../../db/bulk-insert";
import { insertPersonsAndMeasurements } from "../../db/fed-insert";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { appendAudit } from "../audit/service";
import type { ImportsTable } from "./schema";
import { type ImportItem, SliceWriter, stepsOf } from "./slices";
import { StoreThread } from "./store-thread";

/** An import still "writing" after this long was cut off (a crash, a kill) and is undone. */
const STALE_MS = 60 * 60 * 1000;

export interface ImportEnd {
  /** The import's summary (the row said "writing" with none until now). */
  summary: Record<string, unknown>;
  audit: { regionCode: string | null; after: Record<string, unknown> };
}

/**
 * Where an import's rows go, as they are checked: in short transactions (issue 18: one long write
 * transaction made every other writer wait, and on SQLite fail with "database is locked" after 5 s), by a
 * writer thread on an SQLite file (./store-thread.ts: the writing overlaps the checking, issue 16) or here
 * (PostgreSQL, an in-memory database). A new person and its measurement always share a transaction. The
 * import row says "writing" from the first rows until the last are committed; `finish` marks it done with
 * its summary and audit entry in one short transaction. On failure `abort` removes what was stored — so the
 * import stays all or nothing — and a crash half-way is undone by the next import (`undoStaleImports`).
 * While it runs, readers may see part of the import; nobody can be left with part of it.
 */
export class ImportStore {
  readonly #thread: StoreThread | null;
  readonly #here: SliceWriter | null;
  #begun: Promise<void> | null = null;

  /**
   * Open before the file is read: the writer thread starts meanwhile. `progress` is told how many rows are
   * written.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly importRow: ImportsTable,
    progress: (done: number) => void,
  ) {
    const handle = sqliteHandleOf(db);
    if (handle && !handle.memory) {
      this.#thread = new StoreThread(handle.name, progress);
      this.#here = null;
      return;
    }
    this.#thread = null;
    let trx: Transaction<Database> | null = null;
    this.#here = new SliceWriter(
      {
        transact: (body) =>
          inTransaction(db, async (t) => {
            trx = t;
            await body();
          }),
        async write(step) {
          const t = trx as Transaction<Database>;
          await insertPersonsAndMeasurements(db, t, step.persons, step.measurements);
          await insertFlatRows(db, t, "import_source_values", step.sources);
        },
      },
      // No other connection shares an in-memory database; PostgreSQL needs no gaps.
      null,
      progress,
    );
  }

  /** Stores these rows (in the writer thread: hands them over and returns). */
  async add(items: readonly ImportItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.#begin();
    const steps = stepsOf(items);
    if (this.#thread) await this.#thread.add(steps);
    else {
      this.#here?.push(steps);
      await this.#here?.drain();
    }
  }

  /** Waits for every row to be written, then marks the import done. */
  async finish(end: ImportEnd): Promise<void> {
    await this.#begin();
    await this.#thread?.finish();
    await this.#withoutCheckpoint(() => this.#markDone(end));
    this.#thread?.release();
  }

  /**
   * `fn`, without this connection copying the log into the database file at its commit: the writer thread
   * left the whole import in the log (store-worker.ts), and copies it after the import, off its path.
   */
  async #withoutCheckpoint(fn: () => Promise<void>): Promise<void> {
    const handle = this.#thread ? sqliteHandleOf(this.db) : undefined;
    if (!handle) return fn();
    const pages = handle.pragma("wal_autocheckpoint", { simple: true }) as number;
    handle.pragma("wal_autocheckpoint = 0");
    try {
      await fn();
    } finally {
      handle.pragma(`wal_autocheckpoint = ${pages}`);
    }
  }

  #markDone(end: ImportEnd): Promise<void> {
    return inTransaction(this.db, async (trx) => {
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
  }

  /** Stops writing and removes whatever was stored (nothing, if nothing was). */
  async abort(): Promise<void> {
    await this.#thread?.stop();
    if (this.#begun) await undoImport(this.db, this.importRow.id, this.importRow.created_at);
  }

  /** The import row, "writing", before the first rows (their foreign key) — and stale imports undone first. */
  #begin(): Promise<void> {
    this.#begun ??= (async () => {
      await undoStaleImports(this.db, new Date());
      await inTransaction(this.db, (trx) =>
        trx
          .insertInto("imports")
          .values({ ...this.importRow, status: "writing" })
          .execute(),
      );
    })();
    return this.#begun;
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
