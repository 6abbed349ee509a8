import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as foundation from "./migrations/2026-11-22T1000-foundation";
import * as registry from "./migrations/2026-11-22T1100-registry";
import * as sync from "./migrations/2026-11-22T1200-sync";
import * as services from "./migrations/2026-11-22T1300-services";
import * as families from "./migrations/2026-11-22T1400-families";
import * as planning from "./migrations/2026-11-22T1500-planning";
import * as indicatorCatalog from "./migrations/2026-11-22T1600-indicator-catalog";
import * as indicators from "./migrations/2026-11-22T1700-indicators";
import * as syncMore from "./migrations/2026-11-22T1800-sync-more";
import * as indicatorSources from "./migrations/2026-11-22T1900-indicator-sources";
import * as userLastLogin from "./migrations/2026-12-05T1000-user-last-login";
import * as jobs from "./migrations/2026-12-06T0000-jobs";
import * as serviceQuantity from "./migrations/2026-12-06T0100-service-quantity";
import * as accessTokens from "./migrations/2026-12-06T0200-access-tokens";
import * as hardening from "./migrations/2026-12-06T0300-hardening";
import * as entrySafety from "./migrations/2026-12-06T0400-entry-safety";
import * as importSources from "./migrations/2026-12-06T0600-import-sources";
import * as reports from "./migrations/2026-12-06T0800-reports";
import * as figuresAndStorage from "./migrations/2026-12-06T0900-figures-and-storage";
import * as recordVoids from "./migrations/2026-12-06T1000-record-voids";
import * as assessmentAchievements from "./migrations/2026-12-06T1200-assessment-achievements";
import * as tika from "./migrations/2026-12-06T1400-tika";
import * as surveyFigures from "./migrations/2026-12-06T1500-survey-figures";
import * as scorecardFigures from "./migrations/2026-12-06T1600-scorecard-figures";
import * as feedCompaction from "./migrations/2026-12-06T1700-feed-compaction";
import * as feedByStatement from "./migrations/2026-12-06T2200-feed-by-statement";
import * as compactValues from "./migrations/2026-12-07T0100-compact-values";
import * as personLinkIndexes from "./migrations/2026-12-07T0300-person-link-indexes";
import * as figuresGeneration from "./migrations/2026-12-07T0400-figures-generation";
import * as oneInsertTrigger from "./migrations/2026-12-07T0500-one-insert-trigger";

// Listed explicitly (not read from a folder) so bundling or tsx cannot change which migrations exist.
const MIGRATIONS: Record<string, Migration> = {
  "2026-11-22T1000-foundation": foundation,
  "2026-11-22T1100-registry": registry,
  "2026-11-22T1200-sync": sync,
  "2026-11-22T1300-services": services,
  "2026-11-22T1400-families": families,
  "2026-11-22T1500-planning": planning,
  "2026-11-22T1600-indicator-catalog": indicatorCatalog,
  "2026-11-22T1700-indicators": indicators,
  "2026-11-22T1800-sync-more": syncMore,
  "2026-11-22T1900-indicator-sources": indicatorSources,
  "2026-12-05T1000-user-last-login": userLastLogin,
  "2026-12-06T0000-jobs": jobs,
  "2026-12-06T0300-hardening": hardening,
  "2026-12-06T0200-access-tokens": accessTokens,
  "2026-12-06T0100-service-quantity": serviceQuantity,
  "2026-12-06T0400-entry-safety": entrySafety,
  "2026-12-06T0600-import-sources": importSources,
  "2026-12-06T0800-reports": reports,
  "2026-12-06T0900-figures-and-storage": figuresAndStorage,
  "2026-12-06T1400-tika": tika,
  "2026-12-06T1700-feed-compaction": feedCompaction,
  "2026-12-06T1200-assessment-achievements": assessmentAchievements,
  "2026-12-06T1600-scorecard-figures": scorecardFigures,
  "2026-12-06T1000-record-voids": recordVoids,
  "2026-12-06T1500-survey-figures": surveyFigures,
  "2026-12-06T2200-feed-by-statement": feedByStatement,
  "2026-12-07T0100-compact-values": compactValues,
  "2026-12-07T0300-person-link-indexes": personLinkIndexes,
  "2026-12-07T0400-figures-generation": figuresGeneration,
  "2026-12-07T0500-one-insert-trigger": oneInsertTrigger,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Every schema version this build knows (a restore refuses a database that has any other), in the order
 * Kysely applies them: by name, whatever the order of the list above (branches merged in any order).
 */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** A Kysely migrator over this list (the tests take every migration down and up again with it). */
export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider });
}

/** Bring the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
