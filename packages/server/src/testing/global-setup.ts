import { sql } from "kysely";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { type PostgresCluster, startPostgresCluster, withDatabase } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the throwaway PostgreSQL cluster, or null when TUMBUH_TEST_POSTGRES=skip. */
    postgresUrl: string | null;
    /** A database migrated to the latest schema once; each test database is a copy of it (see dialects.ts). */
    postgresTemplate: string | null;
  }
}

/** Name of the migrated template database in the throwaway cluster. */
export const POSTGRES_TEMPLATE = "tumbuh_template";

/**
 * Starts one PostgreSQL cluster for the whole run and migrates a template database in it once: a suite's
 * database is then `CREATE DATABASE … TEMPLATE`, a file copy, instead of running every migration again.
 * Without PostgreSQL the run fails: the suite promises both dialects. `TUMBUH_TEST_POSTGRES=skip` is an
 * explicit, visible opt-out for quick local loops.
 */
export default async function setup(project: TestProject) {
  if (process.env.TUMBUH_TEST_POSTGRES === "skip") {
    console.warn("\n!! TUMBUH_TEST_POSTGRES=skip: PostgreSQL tests are skipped in this run.\n");
    project.provide("postgresUrl", null);
    project.provide("postgresTemplate", null);
    return;
  }
  const cluster: PostgresCluster = await startPostgresCluster();
  try {
    const admin = openDatabase(cluster.url);
    await sql`create database ${sql.id(POSTGRES_TEMPLATE)}`.execute(admin.kysely);
    await admin.close();
    // Closed before any test starts: PostgreSQL copies a template only while nobody is connected to it.
    const template = openDatabase(withDatabase(cluster.url, POSTGRES_TEMPLATE));
    await migrateToLatest(template.kysely);
    await template.close();
  } catch (e) {
    cluster.stop();
    throw e;
  }
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresTemplate", POSTGRES_TEMPLATE);
  return () => cluster.stop();
}
