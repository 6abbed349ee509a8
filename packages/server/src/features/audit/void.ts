import type { Actor } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { nowIso } from "../../util/ids";
import { appendAudit } from "./repository";

/**
 * Void one record entered by mistake with its reason, audited in the same transaction (issue 17): the one
 * way service records, TPK visits, family and catin screenings are voided. `mark` sets the record's void
 * columns; the answer is the moment it was voided. The caller has checked scope, rights and "not yet".
 */
export async function voidAudited(
  db: Kysely<Database>,
  actor: Actor,
  record: { id: string; region_code: string },
  what: { action: string; entity: string; before: unknown; reason: string },
  mark: (trx: Transaction<Database>, at: string) => Promise<void>,
): Promise<string> {
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await mark(trx, at);
    await appendAudit(trx, actor, {
      action: what.action,
      entity: what.entity,
      entityId: record.id,
      regionCode: record.region_code,
      before: what.before,
      after: { reason: what.reason },
    });
  });
  return at;
}
