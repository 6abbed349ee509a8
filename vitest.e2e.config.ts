import { defineConfig } from "vitest/config";

// Browser tests: the built app served by the real server, driven in Debian's Chromium. One file at a time,
// in one worker that loads the server's modules once (each file starts its own server and browser).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.e2e.test.ts"],
    setupFiles: ["packages/server/src/testing/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    isolate: false,
  },
});
