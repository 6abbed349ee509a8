import { type Actor, type IndicatorCatalog, regencyOfCode } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getCatalog, publicCatalog } from "../indicator-catalog/service";

export interface LoadedCatalog {
  catalog: IndicatorCatalog;
  source: "catalog";
}

/**
 * The one place this feature reads the indicator catalog: the regency's current version from the
 * indicator-catalog feature (so an admin's edited targets count at once). `regionCode` names the region
 * being looked at, whose regency's catalog applies; without an actor (the public publication) the
 * deployment's regency catalog is used.
 */
export async function indicatorCatalog(
  db: Kysely<Database>,
  actor: Actor | null,
  regionCode?: string,
): Promise<LoadedCatalog> {
  if (actor === null) return { catalog: await publicCatalog(db), source: "catalog" };
  const regency = regionCode === undefined ? undefined : (regencyOfCode(regionCode) ?? undefined);
  const view = await getCatalog(db, actor, regency);
  return { catalog: view.catalog, source: "catalog" };
}
