import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const E2E = "**/*.e2e.test.ts";
const SERVER = "packages/server/src/**/*.test.ts";

// One run covers every package; tests sit beside the code as *.test.ts.
export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", E2E],
    setupFiles: ["packages/server/src/testing/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, idle while
    // PostgreSQL answers. Two workers there took a full run from 166 s to 105 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: [SERVER],
          // The throwaway PostgreSQL cluster; only the server's tests use it.
          globalSetup: ["packages/server/src/testing/global-setup.ts"],
          // The server's test files share one module graph per worker: loading the app (Fastify, Kysely,
          // zod schemas, the WHO tables) once per worker instead of once per file. Every test file opens its
          // own databases, and the server keeps no state between requests beyond pure caches.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "packages/*/scripts/**/*.test.ts"],
          exclude: ["**/node_modules/**", E2E, SERVER],
        },
      },
    ],
  },
});
