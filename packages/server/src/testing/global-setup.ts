import type { TestProject } from "vitest/node";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the throwaway PostgreSQL cluster, or null when TUMBUH_TEST_POSTGRES=skip. */
    postgresUrl: string | null;
  }
}

/**
 * Starts one PostgreSQL cluster for the whole run. Without PostgreSQL the run fails: the suite promises
 * both dialects. `TUMBUH_TEST_POSTGRES=skip` is an explicit, visible opt-out for quick local loops.
 */
export default async function setup(project: TestProject) {
  if (process.env.TUMBUH_TEST_POSTGRES === "skip") {
    console.warn("\n!! TUMBUH_TEST_POSTGRES=skip: PostgreSQL tests are skipped in this run.\n");
    project.provide("postgresUrl", null);
    return;
  }
  const cluster: PostgresCluster = await startPostgresCluster();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
