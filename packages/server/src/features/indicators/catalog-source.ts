import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Actor, IndicatorCatalog } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { DATA_DIR } from "../../data-files";
import type { Database } from "../../db/schema";
import { FIXTURE_CATALOG } from "./fixture-catalog";

export interface LoadedCatalog {
  catalog: IndicatorCatalog;
  source: "file" | "fixture" | "catalog";
}

const CATALOG_FILE = join(DATA_DIR, "indicators", "paser-47-2024.json");
let cached: LoadedCatalog | undefined;

/**
 * The one place this feature reads the indicator catalog. MERGE POINT: once the catalog feature is in,
 * return `{ catalog: await getCatalog(db, actor), source: "catalog" }` (it carries edited targets).
 * Until then: the shipped file when present, else the small built-in fixture.
 */
export async function indicatorCatalog(_db: Kysely<Database>, _actor: Actor | null): Promise<LoadedCatalog> {
  if (!cached) {
    cached = existsSync(CATALOG_FILE)
      ? { catalog: IndicatorCatalog.parse(JSON.parse(readFileSync(CATALOG_FILE, "utf8"))), source: "file" }
      : { catalog: FIXTURE_CATALOG, source: "fixture" };
  }
  return cached;
}
