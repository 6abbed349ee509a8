import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { AppDeps } from "../http/context";
import type { EntityHandler } from "../sync/registry";
import type { JobHandler } from "./jobs/handler";

/** What the demo gives each feature's demo step. */
export interface DemoContext {
  db: Kysely<Database>;
  /** The demo regency's code ("64.01", Kabupaten Paser). */
  regency: string;
  /** The demo's "today" (YYYY-MM-DD): data is generated up to it. */
  today: string;
  /** Children in the synthetic population; 0 = regions, users and the small hand-made demo only. */
  children: number;
  /** PRNG seed of the population, so every feature's demo data is deterministic. */
  seed: number;
  /** false in tests that want the population without families/catin/TPK/audits. */
  families: boolean;
  /** The server starts next and builds the dashboards' figures in its background job (faster first start). */
  figuresLater: boolean;
  log: (line: string) => void;
}

/**
 * Everything a feature adds to the server, so app.ts, the sync registry and the demo iterate one list
 * (features/index.ts) instead of naming every feature. Its tables are in `<feature>/schema.ts`, joined
 * into `Database` by db/schema.ts; its migration goes in db/migrations.
 */
export interface Feature {
  name: string;
  /** Registers the feature's endpoints (core's API contract, mounted with http/route.ts `mount`). */
  routes?: (app: FastifyInstance, deps: AppDeps) => void;
  /** Records a phone may create or change offline (server/src/sync/registry.ts). */
  syncEntities?: readonly EntityHandler[];
  /** Background jobs it runs off the request path (features/jobs: imports, rebuilds, documents). */
  jobs?: readonly JobHandler[];
  /** Demo data; runs in list order after the regions and the population exist, before the users. */
  demo?: (ctx: DemoContext) => Promise<void>;
}
