import { type Actor, readScopes, type SyncConflictView } from "@tumbuh/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../db/json-column";
import type { Database, SyncConflictsTable } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { inTransaction } from "../db/transaction";
import { AppError, errors } from "../errors";
import { appendAudit } from "../features/audit/repository";
import { nowIso } from "../util/ids";
import { entityHandler } from "./registry";

/** What a conflict keeps of each side: the record's wire form. */
const Values = z.record(z.string(), z.unknown());

function view(r: Selectable<SyncConflictsTable>): SyncConflictView {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    regionCode: r.region_code,
    by: r.user_name,
    createdAt: r.created_at,
    baseRevision: r.base_revision,
    mine: parseJsonColumn(Values, r.mine_json),
    theirs: parseJsonColumn(Values, r.theirs_json),
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}

/** Conflicts in the caller's scope, open ones first (newest first within each). */
export async function listConflicts(
  db: Kysely<Database>,
  actor: Actor,
  open: boolean,
): Promise<SyncConflictView[]> {
  let q = db
    .selectFrom("sync_conflicts")
    .selectAll()
    .where(withinScopes("region_code", readScopes(actor)))
    .orderBy("created_at", "desc")
    .limit(200);
  if (open) q = q.where("resolved_at", "is", null);
  return (await q.execute()).map(view);
}

/**
 * A person decides: keep theirs (the server's version stays), mine (the device's edit is applied now on
 * top of the current revision), or edit (values typed while looking at both). Audited with both versions.
 */
export async function resolveConflict(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  choice: "mine" | "theirs" | "edit",
  values: Record<string, unknown> | null | undefined,
): Promise<SyncConflictView> {
  return inTransaction(db, async (trx) => {
    const c = await trx
      .selectFrom("sync_conflicts")
      .selectAll()
      .where("id", "=", id)
      .where(withinScopes("region_code", readScopes(actor)))
      .executeTakeFirst();
    if (!c) throw errors.notFound();
    if (c.resolved_at) throw new AppError(409, "already_resolved", "This conflict was already resolved.");
    const handler = entityHandler(c.entity);
    const update = handler?.ops.update;
    if (!handler?.current || !update) throw errors.badRequest(`entity: ${c.entity} has no edits`);
    const now = await handler.current(trx, actor, c.entity_id);
    if (!now) throw errors.notFound();
    if (choice !== "theirs") {
      if (choice === "edit" && !values) throw errors.validation("values", "values: required when editing");
      const parsed = update.schema.safeParse(
        choice === "mine" ? parseJsonColumn(Values, c.mine_json) : values,
      );
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = ["values", ...(issue?.path ?? []).map(String)].join(".");
        throw errors.validation(field, `${field}: ${issue?.message ?? "invalid"}`);
      }
      await update.apply(trx, actor, {
        entityId: c.entity_id,
        baseRevision: now.revision,
        payload: parsed.data,
      });
    }
    await trx
      .updateTable("sync_conflicts")
      .set({ resolved_at: nowIso(), resolved_by: actor.userId, resolution: choice })
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, actor, {
      action: "sync.conflict.resolve",
      entity: c.entity,
      entityId: c.entity_id,
      regionCode: c.region_code,
      before: { mine: parseJsonColumn(Values, c.mine_json), theirs: parseJsonColumn(Values, c.theirs_json) },
      after: { choice, values: values ?? null },
    });
    const after = await trx
      .selectFrom("sync_conflicts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return view(after);
  });
}
