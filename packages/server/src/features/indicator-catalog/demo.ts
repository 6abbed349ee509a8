import { SYSTEM_ACTOR } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { currentCatalogVersion, insertCatalogVersion } from "./repository";
import { shippedCatalog } from "./service";

/**
 * Store the shipped Paser catalog (Peraturan Bupati Paser Nomor 47 Tahun 2024) as version 1 of the demo
 * regency's catalog, so the history starts from the regulation. Nothing happens when one is stored.
 */
export async function ensureDemoIndicatorCatalog(db: Kysely<Database>): Promise<void> {
  const catalog = shippedCatalog();
  await inTransaction(db, async (trx) => {
    if (await currentCatalogVersion(trx, catalog.regency)) return;
    await insertCatalogVersion(trx, {
      id: uuidv7(),
      regency_code: catalog.regency,
      version: 1,
      content: JSON.stringify(catalog),
      origin: "shipped",
      summary: `${catalog.indicators.length} indicators from ${catalog.regulation}`,
      created_at: nowIso(),
      created_by: null,
    });
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: "indicator_catalog.import",
      entity: "indicator_catalog",
      entityId: catalog.regency,
      regionCode: catalog.regency,
      after: { version: 1, regulation: catalog.regulation, indicators: catalog.indicators.length },
    });
  });
}
