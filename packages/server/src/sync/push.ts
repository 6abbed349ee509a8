import { createHash } from "node:crypto";
import { type Actor, type SyncOp, type SyncOpResult, SyncOpResultSchema } from "@tumbuh/core";
import { type Kysely, sql } from "kysely";
import { parseJsonColumn } from "../db/json-column";
import type { Database } from "../db/schema";
import { inTransaction } from "../db/transaction";
import { AppError, MissingReference } from "../errors";
import { appendAudit } from "../features/audit/repository";
import { nowIso, uuidv7 } from "../util/ids";
import { dependencyOrder } from "./batch-order";
import { entityHandler } from "./registry";

/** The op is stale: the record moved on since the device read it. Carries the server's version. */
class StaleEdit {
  constructor(
    readonly regionCode: string,
    readonly theirs: Record<string, unknown>,
  ) {}
}

/**
 * How long an op answered "retry" keeps that answer. A record it names may be on another phone that is
 * offline for days, so both must pass: this many pushes AND this long since the first. Then it gets a
 * final "rejected" (`sync_gave_up`), kept on the device with its values and listed on /sinkron.
 */
export const RETRY_LIMIT = { tries: 50, ageMs: 7 * 86_400_000 };

/**
 * Apply a device's batch, each op in its own transaction together with its op-id row, so a replayed op
 * (same opId) returns the stored result and writes nothing. Creates go before the ops that name their
 * records (`dependencyOrder`), and an op that found its reference missing is tried again once another op
 * of the batch has been applied, so a batch in any order resolves. One op failing does not stop the
 * others: the result lists every op, in the order sent.
 */
export async function pushOps(
  db: Kysely<Database>,
  actor: Actor,
  ops: readonly SyncOp[],
  limit: { tries: number; ageMs: number } = RETRY_LIMIT,
): Promise<SyncOpResult[]> {
  const results: (SyncOpResult | undefined)[] = ops.map(() => undefined);
  let todo = dependencyOrder(ops);
  // Another pass only after progress, and at most a few: the order above resolves every batch whose
  // references are in the batch; the passes cover references not visible in a payload.
  for (let pass = 0; pass < 4 && todo.length > 0; pass++) {
    const again: number[] = [];
    let applied = 0;
    for (const i of todo) {
      const op = ops[i] as SyncOp;
      const r = await pushOne(db, actor, op);
      results[i] = r;
      if (r.status === "retry") again.push(i);
      else if (r.status === "applied" && !r.replayed) applied++;
    }
    if (applied === 0) break;
    todo = again;
  }
  const out: SyncOpResult[] = [];
  for (const [i, r] of results.entries()) {
    const op = ops[i] as SyncOp;
    out.push(r?.status === "retry" ? await countRetry(db, actor, op, r, limit) : (r as SyncOpResult));
  }
  return out;
}

/**
 * One more "retry" for this op; past the limit it becomes a final refusal (stored, so a replay answers
 * the same, and audited in the pusher's region so an admin sees what a phone could not deliver).
 */
async function countRetry(
  db: Kysely<Database>,
  actor: Actor,
  op: SyncOp,
  r: SyncOpResult,
  limit: { tries: number; ageMs: number },
): Promise<SyncOpResult> {
  const now = nowIso();
  const row = await db
    .insertInto("sync_op_retries")
    .values({ op_id: op.opId, user_id: actor.userId, tries: 1, first_at: now, last_at: now })
    .onConflict((oc) =>
      oc.column("op_id").doUpdateSet({ tries: sql<number>`sync_op_retries.tries + 1`, last_at: now }),
    )
    .returning(["tries", "first_at"])
    .executeTakeFirstOrThrow();
  const age = Date.parse(now) - Date.parse(row.first_at);
  if (Number(row.tries) < limit.tries || age < limit.ageMs) return r;
  const final = await reject(
    db,
    actor,
    op,
    new AppError(
      400,
      "sync_gave_up",
      `Gave up after ${row.tries} tries: ${r.error?.message ?? "the record it refers to is not there"}`,
      r.error?.field,
    ),
  );
  await db.deleteFrom("sync_op_retries").where("op_id", "=", op.opId).execute();
  await appendAudit(db, actor, {
    action: "sync.gave_up",
    entity: op.entity,
    entityId: op.entityId,
    regionCode: actor.assignments[0]?.scope ?? null,
    after: { opId: op.opId, kind: op.kind, tries: Number(row.tries), error: r.error ?? null },
  });
  return final;
}

/** What identifies an op's content: a replayed op id must carry the same. Keys sorted, so order does not matter. */
function payloadHash(op: SyncOp): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical([op.entity, op.kind, op.entityId, op.baseRevision ?? null, op.payload])))
    .digest("hex");
}

/**
 * The stored result of an op id already used. The same op again (same user, same content) gets it back
 * as `replayed`; the id sent by another user or with other content is refused — reporting it "applied"
 * would tell the device its data is stored when it is not.
 */
async function storedResult(
  db: Kysely<Database>,
  actor: Actor,
  op: SyncOp,
): Promise<SyncOpResult | undefined> {
  const done = await db
    .selectFrom("sync_ops")
    .select(["result_json", "user_id", "entity", "entity_id", "kind", "payload_hash"])
    .where("op_id", "=", op.opId)
    .executeTakeFirst();
  if (!done) return undefined;
  const same =
    done.user_id === actor.userId &&
    done.entity === op.entity &&
    done.entity_id === op.entityId &&
    done.kind === op.kind &&
    (done.payload_hash === null || done.payload_hash === payloadHash(op));
  if (same) return { ...parseJsonColumn(SyncOpResultSchema, done.result_json), replayed: true };
  await appendAudit(db, actor, {
    action: "sync.op_reused",
    entity: op.entity,
    entityId: op.entityId,
    regionCode: actor.assignments[0]?.scope ?? null,
    after: { opId: op.opId, kind: op.kind },
  });
  return {
    opId: op.opId,
    status: "rejected",
    error: { code: "sync_op_reused", message: "This operation id was already used for another change." },
  };
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
    payload_hash: payloadHash(op),
  };
}

async function pushOne(db: Kysely<Database>, actor: Actor, op: SyncOp): Promise<SyncOpResult> {
  const stored = await storedResult(db, actor, op);
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
      await trx.deleteFrom("sync_op_retries").where("op_id", "=", op.opId).execute();
      return result;
    });
  } catch (e) {
    if (e instanceof StaleEdit) return keepConflict(db, actor, op, e);
    // Two pushes of the same op at once: the loser's insert of the op id fails; hand back the winner's.
    const raced = await storedResult(db, actor, op);
    if (raced) return raced;
    if (e instanceof AppError) {
      // Not found, or a named record missing, may only mean "not here yet" (a record created by another
      // device's op still on its way, or a batch out of order): tried again later, a bounded number of times.
      if (e.status === 404 || e.status === 401 || e instanceof MissingReference)
        return { opId: op.opId, status: "retry", error: errorOf(e) };
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
    const raced = await storedResult(db, actor, op);
    if (raced) return raced;
    throw e;
  }
  return result;
}
