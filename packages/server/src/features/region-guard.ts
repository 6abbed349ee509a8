import { type Actor, hasPowerAt, type Level, type Region, readScopes } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { errors } from "../errors";
import { findRegion } from "./regions/repository";

/**
 * The region a write goes to: it must exist and be visible to the actor (else 404, as for anything out of
 * scope), the actor must hold the write power there (else 403), and it must be of an allowed level.
 */
export async function writableRegion(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  levels: readonly Level[],
  field = "regionCode",
): Promise<Region> {
  const region = await findRegion(db, readScopes(actor), code);
  if (!region) throw errors.notFound();
  if (!hasPowerAt(actor, "write", code)) throw errors.forbidden();
  if (!levels.includes(region.level)) {
    throw errors.validation(
      field,
      `${field}: must be a ${levels.join(" or ")} (got a ${region.level})`,
      "wrong_region_level",
      {
        levels: [...levels],
        got: region.level,
      },
    );
  }
  return region;
}

// Today comes from core's clock; planning's and families' routes.ts still import it from here.
export { todayIso } from "@tumbuh/core";
