import { syncFeature } from "../sync/feature";
import { registerEntity } from "../sync/registry";
import { antenatalFeature } from "./antenatal";
import { assessmentsFeature } from "./assessments";
import { auditFeature } from "./audit";
import { authFeature } from "./auth";
import { awardsFeature } from "./awards";
import { caseAuditsFeature } from "./case-audits";
import { catinFeature } from "./catin";
import { dhis2Feature } from "./dhis2";
import { duplicatesFeature } from "./duplicates";
import { familiesFeature } from "./families";
import type { Feature } from "./feature";
import { fhirFeature } from "./fhir";
import { householdsFeature } from "./households";
import { importsFeature } from "./imports";
import { inboxFeature } from "./inbox";
import { indicatorCatalogFeature } from "./indicator-catalog";
import { indicatorsFeature } from "./indicators";
import { jobsFeature } from "./jobs";
import type { JobHandler } from "./jobs/handler";
import { measurementsFeature } from "./measurements";
import { personsFeature } from "./persons";
import { planningFeature } from "./planning";
import { pregnanciesFeature } from "./pregnancies";
import { regionsFeature } from "./regions";
import { reportsFeature } from "./reports";
import { satuDataFeature } from "./satu-data";
import { searchFeature } from "./search";
import { servicesFeature } from "./services";
import { skdnFeature } from "./skdn";
import { tikaFeature } from "./tika";
import { tokensFeature } from "./tokens";
import { tpkFeature } from "./tpk";
import { usersFeature } from "./users";

/**
 * Every feature of the server, once. app.ts registers their routes, the sync registry their offline
 * entities and the demo runs their demo steps, in this order (a feature's demo may read what an earlier
 * one made: the indicators' dashboard figures are built after services and families exist). A new
 * feature is a new folder with an index.ts and one line here.
 */
export const FEATURES: readonly Feature[] = [
  authFeature,
  regionsFeature,
  auditFeature,
  usersFeature,
  jobsFeature,
  tokensFeature,
  householdsFeature,
  personsFeature,
  pregnanciesFeature,
  measurementsFeature,
  duplicatesFeature,
  importsFeature,
  indicatorCatalogFeature,
  servicesFeature,
  skdnFeature,
  tikaFeature,
  antenatalFeature,
  searchFeature,
  inboxFeature,
  familiesFeature,
  catinFeature,
  tpkFeature,
  caseAuditsFeature,
  indicatorsFeature,
  dhis2Feature,
  fhirFeature,
  satuDataFeature,
  planningFeature,
  reportsFeature,
  assessmentsFeature,
  awardsFeature,
  syncFeature,
];

/** Puts every feature's sync entities in the registry (idempotent). */
export function registerSyncEntities(): void {
  for (const feature of FEATURES) for (const handler of feature.syncEntities ?? []) registerEntity(handler);
}

/** Every feature's background jobs; the job worker imports this module and runs them by kind. */
export const JOB_HANDLERS: readonly JobHandler[] = FEATURES.flatMap((f) => f.jobs ?? []);
