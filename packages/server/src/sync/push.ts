import { type Actor, type SyncOp, type SyncOpResult, SyncOpResultSchema } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { parseJsonColumn } from "../db/json-column";
import type { Database } from "../db/schema";
import { inTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { appendAudit } from "../features/audit/repository";
import { nowIso, uuidv7 } from "../util/ids";
import { entityHandler } from "./registry";

/** The op is stale: the record moved on since the device read it. Carries the server's version. */
class StaleEdit {
  constructor(
    readonly regionCode: string,
    readonly theirs: Record<string, unknown>,
  ) {}
}

/**
 * Apply a device's batch in order, each op in its own transaction together with its op-id row, so a
 * replayed op (same opId) returns the stored result and writes nothing. One op failing does not stop
 * the others: the result lists every op.
 */
export async function pushOps(
  db: Kysely<Database>,
  actor: Actor,
  ops: readonly SyncOp[],
): Promise<SyncOpResult[]> {
  const results: SyncOpResult[] = [];
  for (const op of ops) results.push(await pushOne(db, actor, op));
  return results;
}

async function storedResult(db: Kysely<Database>, opId: string): Promise<SyncOpResult | undefined> {
  const done = await db
    .selectFrom("sync_ops")
    .select("result_json")
    .where("op_id", "=", opId)
    .executeTakeFirst();
  return done ? { ...parseJsonColumn(SyncOpResultSchema, done.result_json), replayed: true } : undefined;
}

function opRow(actor: Actor, op: SyncOp, result: SyncOpResult) {
  return {
    op_id: op.opId,
    user_id: actor.userId,
    entity: op.entity,
    entity_id: op.entityId,
    kind: op.kind,
    status: result.status,
    result_json: JSON.stringify(result),
    applied_at: nowIso(),
  };
}

async function pushOne(db: Kysely<Database>, actor: Actor, op: SyncOp): Promise<SyncOpResult> {
  const stored = await storedResult(db, op.opId);
  if (stored) return stored;
  const handler = entityHandler(op.entity);
  const kind = handler?.ops[op.kind];
  if (!handler || !kind) {
    return reject(
      db,
      actor,
      op,
      new AppError(400, "validation", `entity: cannot ${op.kind} a ${op.entity}`, "entity"),
    );
  }
  const parsed = kind.schema.safeParse(op.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ["payload", ...(issue?.path ?? []).map(String)].join(".");
    return reject(
      db,
      actor,
      op,
      new AppError(400, "validation", `${field}: ${issue?.message ?? "invalid"}`, field),
    );
  }
  try {
    return await inTransaction(db, async (trx) => {
      if (op.kind === "update") {
        if (op.baseRevision == null)
          throw new AppError(400, "validation", "baseRevision: required for an edit", "baseRevision");
        const now = handler.current ? await handler.current(trx, actor, op.entityId) : undefined;
        if (now && now.revision !== op.baseRevision)
          throw new StaleEdit(String(now.data.regionCode ?? ""), now.data);
      }
      const { revision } = await kind.apply(trx, actor, {
        entityId: op.entityId,
        baseRevision: op.baseRevision ?? null,
        payload: parsed.data,
      });
      const result: SyncOpResult = { opId: op.opId, status: "applied", ...(revision ? { revision } : {}) };
      await trx
        .insertInto("sync_ops")
        .values(opRow(actor, op, result))
        .execute();
      return result;
    });
  } catch (e) {
    if (e instanceof StaleEdit) return keepConflict(db, actor, op, e);
    // Two pushes of the same op at once: the loser's insert of the op id fails; hand back the winner's.
    const raced = await storedResult(db, op.opId);
    if (raced) return raced;
    if (e instanceof AppError) {
      // Not found may only mean "not here yet" (a record created by another device's op still on its way,
      // or a batch delivered out of order): try again later rather than refusing for good.
      if (e.status === 404 || e.status === 401) return { opId: op.opId, status: "retry", error: errorOf(e) };
      return reject(db, actor, op, e);
    }
    throw e;
  }
}

function errorOf(e: AppError) {
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
}

async function reject(db: Kysely<Database>, actor: Actor, op: SyncOp, e: AppError): Promise<SyncOpResult> {
  const result: SyncOpResult = { opId: op.opId, status: "rejected", error: errorOf(e) };
  await db
    .insertInto("sync_ops")
    .values(opRow(actor, op, result))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return result;
}

async function keepConflict(
  db: Kysely<Database>,
  actor: Actor,
  op: SyncOp,
  stale: StaleEdit,
): Promise<SyncOpResult> {
  const conflictId = uuidv7();
  const result: SyncOpResult = { opId: op.opId, status: "conflict", conflictId };
  try {
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto("sync_ops")
        .values(opRow(actor, op, result))
        .execute();
      await trx
        .insertInto("sync_conflicts")
        .values({
          id: conflictId,
          op_id: op.opId,
          entity: op.entity,
          entity_id: op.entityId,
          region_code: stale.regionCode,
          user_id: actor.userId,
          user_name: actor.displayName,
          base_revision: op.baseRevision ?? 0,
          mine_json: JSON.stringify(op.payload),
          theirs_json: JSON.stringify(stale.theirs),
          created_at: nowIso(),
          resolved_at: null,
          resolved_by: null,
          resolution: null,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: "sync.conflict",
        entity: op.entity,
        entityId: op.entityId,
        regionCode: stale.regionCode,
        before: stale.theirs,
        after: op.payload,
      });
    });
  } catch (e) {
    const raced = await storedResult(db, op.opId);
    if (raced) return raced;
    throw e;
  }
  return result;
}
