import type { Actor } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { nowIso, uuidv7 } from "../../util/ids";

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionKind: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  limit: number;
  before?: string | undefined;
  actor?: string | undefined;
  what?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Append one entry. Call it inside the transaction of the write it describes, so a write and its
 * audit entry land together or not at all.
 */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor | null,
  input: AuditInput,
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: uuidv7(),
      at: nowIso(),
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? null,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId,
      region_code: input.regionCode,
      before_json: input.before === undefined ? null : JSON.stringify(input.before),
      after_json: input.after === undefined ? null : JSON.stringify(input.after),
    })
    .execute();
}

/**
 * Newest first, limited to entries whose region lies inside `scopes` (entries without a region need the
 * whole deployment), filtered by who, what (a kind of record or a whole action), where and when.
 */
export async function listAudit(
  db: Kysely<Database>,
  scopes: readonly string[],
  page: AuditFilter,
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("regions", "regions.code", "audit_log.region_code")
    .selectAll("audit_log")
    .select(["regions.name as region_name", "regions.kind as region_kind"])
    .where(withinScopes("audit_log.region_code", scopes))
    .orderBy("audit_log.id", "desc")
    .limit(page.limit);
  if (page.before) q = q.where("audit_log.id", "<", page.before);
  if (page.actor) q = q.where("audit_log.actor_name", "=", page.actor);
  if (page.what) {
    const what = page.what;
    q = q.where((eb) => eb.or([eb("audit_log.entity", "=", what), eb("audit_log.action", "=", what)]));
  }
  if (page.region) q = q.where(withinScopes("audit_log.region_code", [page.region]));
  // `at` is ISO text in UTC: a day's entries sort from "YYYY-MM-DD" to before "YYYY-MM-DDT99"
  if (page.from) q = q.where("audit_log.at", ">=", page.from);
  if (page.to) q = q.where("audit_log.at", "<", `${page.to}T99`);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    regionCode: r.region_code,
    regionName: r.region_name ?? null,
    regionKind: r.region_kind ?? null,
    before: r.before_json === null ? null : parseJsonColumn(z.unknown(), r.before_json),
    after: r.after_json === null ? null : parseJsonColumn(z.unknown(), r.after_json),
  }));
}
