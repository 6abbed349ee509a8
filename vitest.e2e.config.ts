import { defineConfig } from "vitest/config";

// Browser tests: the built app served by the real server, driven in Debian's Chromium. Two files at a time,
// each worker loading the server's modules once (isolate: false): every file starts its own server (own
// SQLite file, port 0) and its own browser profile, so files are independent, and much of a file's time is
// spent waiting on the other process (measured on 2 cores: one at a time 285 s, two at a time 216 s).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.e2e.test.ts"],
    setupFiles: ["packages/server/src/testing/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    isolate: false,
  },
});
