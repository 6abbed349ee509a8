import type { Actor } from "@tumbuh/core";
import { type Kysely, sql } from "kysely";
import { bulkInsert, sqliteHandleOf } from "../../db/bulk-insert";
import { insertPersonsAndMeasurements } from "../../db/fed-insert";
import type { Database, MeasurementsTable, PersonsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { WriteWaiters } from "../../db/write-waiters";
import { appendAudit } from "../audit/service";
import type { ImportSourceValuesTable, ImportsTable } from "./schema";

/**
 * How long one write transaction of an import may hold SQLite's write lock, then it commits and leaves the
 * lock free (LOCK_GAP_MS). Slices of time, not of rows: on an idle machine a slice writes about 5,000 rows
 * (fewer commits: each rewrites every index page its rows touched, and waits between them cost wall time),
 * on a loaded one fewer rows, and a waiting API write never waits much longer than this (issues 16, 18).
 * With the commit, a slice stays under 200 ms: a writer that started waiting during it retries within the
 * next 50 ms (below).
 */
const SLICE_MS = 150;
/** Rows inserted between two looks at the clock inside a slice (about 10 ms of writing when idle). */
const STEP_ROWS = 250;
/** An import still "writing" after this long was cut off (a crash, a kill) and is undone. */
const STALE_MS = 60 * 60 * 1000;

export interface StorePlan {
  importRow: ImportsTable;
  /** Each measurement with the person it creates (if new) and e-PPGBM's own values, in file order. */
  items: {
    person: PersonsTable | null;
    measurement: MeasurementsTable;
    source: ImportSourceValuesTable | null;
  }[];
  audit: { regionCode: string | null; after: Record<string, unknown> };
  progress(done: number): void;
}

/**
 * Between slices the write lock is left free long enough for a writer waiting on it (the API, while this
 * runs in the job worker) to take it: a waiting transaction tries `begin immediate` again at most 25 ms
 * later (db/sqlite-dialect retryWhileWriteLocked), so a gap of one event-loop turn was almost never seen
 * and API writes waited for the whole import (issue 18). Wall time of the import, none of its CPU — a
 * quarter of a 30k-row import's time when left after every slice (issue 16) — so it is left only when a
 * writer announced that it waits (db/write-waiters), or when none was left for MAX_HOLD_MS: a writer in
 * another process (a CLI import beside the server) cannot announce itself, and waits at most about that long
 * (its own timeout is 5 s). PostgreSQL locks rows, not the database: no gap there.
 */
const LOCK_GAP_MS = 50;
const MAX_HOLD_MS = 1000;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, LOCK_GAP_MS));
/** One event-loop turn: announcements from other threads are delivered, queued requests answered. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores an import in short transactions (issue 18: one long write transaction made every other writer
 * wait, and on SQLite fail with "database is locked" after 5 s). A new person and its measurement always
 * share a transaction (they are one item). The import row says "writing" until the last slice; the final
 * short transaction marks it done with its audit entry. If any slice fails, what was stored is removed again
 * — so the import stays all or nothing — and a crash half-way is undone by the next import
 * (`undoStaleImports`). While it runs, readers may see part of the import; nobody can be left with part of it.
 */
export async function storeImport(db: Kysely<Database>, actor: Actor, plan: StorePlan): Promise<void> {
  const id = plan.importRow.id;
  await inTransaction(db, (trx) =>
    trx
      .insertInto("imports")
      .values({ ...plan.importRow, status: "writing" })
      .execute(),
  );
  const handle = sqliteHandleOf(db);
  const waiters = handle ? new WriteWaiters(handle.name) : null;
  try {
    let done = 0;
    let lastGap = performance.now();
    while (done < plan.items.length) {
      await inTransaction(db, async (trx) => {
        const started = performance.now();
        do {
          const step = plan.items.slice(done, done + STEP_ROWS);
          await insertPersonsAndMeasurements(
            db,
            trx,
            step.flatMap((c) => (c.person ? [c.person] : [])),
            step.map((c) => c.measurement),
          );
          await bulkInsert(
            db,
            trx,
            "import_source_values",
            step.flatMap((c) => (c.source ? [c.source] : [])),
          );
          done += step.length;
        } while (done < plan.items.length && performance.now() - started < SLICE_MS);
      });
      plan.progress(done);
      await nextTurn();
      if (waiters && (waiters.take() || performance.now() - lastGap >= MAX_HOLD_MS)) {
        await pause();
        lastGap = performance.now();
      }
    }
    await inTransaction(db, async (trx) => {
      await trx.updateTable("imports").set({ status: "done" }).where("id", "=", id).execute();
      await appendAudit(trx, actor, {
        action: "import.measurements",
        entity: "import",
        entityId: id,
        regionCode: plan.audit.regionCode,
        after: plan.audit.after,
      });
    });
  } catch (err) {
    await undoImport(db, id, plan.importRow.created_at);
    throw err;
  } finally {
    waiters?.close();
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
