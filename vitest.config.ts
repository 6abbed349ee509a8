import { defineConfig } from "vitest/config";

// One run covers every package; tests sit beside the code as *.test.ts.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.e2e.test.ts"],
    globalSetup: ["packages/server/src/testing/global-setup.ts"],
    setupFiles: ["packages/server/src/testing/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
