// Dependency rules of the monorepo, checked by `npm run deps` (part of `npm run check`).
// CommonJS (.cjs) because the repository is ESM and dependency-cruiser loads its config with require.
// Run through scripts/deps.mjs: the depcruise command itself refuses Node 20, which Tumbuh supports.
// Cycles between the server's feature folders are checked in a second pass: .dependency-cruiser-features.cjs.
// Known, not yet fixed violations live in .dependency-cruiser-known-violations.json (empty is the goal).

/** Tests and test harnesses may reach anything: they build whole apps, seed databases, read files. */
const TEST_CODE = ["\\.test\\.tsx?$", "/testing/", "/e2e/"];

/** A feature folder: packages/server/src/features/<name>/… (group 1 is the feature's name). */
const FEATURE = "^packages/server/src/features/([^/]+)/";

module.exports = {
  forbidden: [
    {
      name: "growth-is-self-contained",
      comment:
        "The WHO engine runs unchanged in the server, the PWA, the CLI and benchmarks; anything it imports " +
        "(a library, node:*, another package) would follow it everywhere and could make it impure.",
      severity: "error",
      from: { path: "^packages/growth/src/", pathNot: TEST_CODE },
      to: { pathNot: "^packages/growth/" },
    },
    {
      name: "core-is-pure",
      comment:
        "core is shared by server, web and CLI and runs on the phone: it may use zod and @tumbuh/growth " +
        "only: no node:* module, file, network or database library, and none of the packages built on it.",
      severity: "error",
      from: { path: "^packages/core/src/", pathNot: TEST_CODE },
      // @types/fhir: type declarations only (the FHIR R4 bundle types), nothing runs.
      to: { pathNot: ["^packages/(core|growth)/", "^node_modules/zod/", "^node_modules/@types/fhir/"] },
    },
    {
      name: "web-not-to-server-or-cli",
      comment:
        "The PWA talks to the server over HTTP only (the contract is in core); importing server or CLI code " +
        "would bundle Node modules and database code into the phone's app.",
      severity: "error",
      from: { path: "^packages/web/", pathNot: TEST_CODE },
      to: { path: "^packages/(server|cli)/" },
    },
    {
      name: "server-not-to-web-or-cli",
      comment:
        "The server serves the built PWA as files and is started by the CLI; it must not depend on either " +
        "(the CLI depends on the server, never the reverse). Tests may: the sync property test runs the " +
        "PWA's sync code against the server in-process.",
      severity: "error",
      // Tests may drive the phone's code against the real server (sync/device.property.test.ts).
      from: { path: "^packages/server/", pathNot: "\\.test\\.ts$" },
      to: { path: "^packages/(web|cli)/" },
    },
    {
      name: "no-cycles",
      comment:
        "A cycle between modules makes load order matter (undefined at import time) and ties the modules " +
        "together for good. Type-only imports are erased at build and do not count.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "routes-not-to-repositories",
      comment:
        "routes.ts is HTTP only (parse, call a service, shape the reply); scope checks, audit and " +
        "transactions live in services, so a route reading a repository skips them.",
      severity: "error",
      from: { path: "^packages/server/src/features/.+/routes\\.ts$" },
      to: { path: "^packages/server/src/features/.+/repository\\.ts$" },
    },
    {
      name: "features-meet-through-services",
      comment:
        "A feature reaches another only through that feature's service.ts (or index.ts): its repository and " +
        "other files are its own business and may change without notice. A service.ts ends with the " +
        "repository reads it offers other features.",
      severity: "error",
      from: { path: FEATURE, pathNot: TEST_CODE },
      to: {
        path: "^packages/server/src/features/[^/]+/",
        pathNot: [
          "^packages/server/src/features/$1/",
          "^packages/server/src/features/[^/]+/(service|index)\\.ts$",
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["(^|/)dist/"] },
    // Type-only imports count for the layer rules: a type from the server in core is still a dependency.
    tsPreCompilationDeps: true,
    // Resolve the workspace packages (@tumbuh/*) through their package.json "exports", as Vite and tsx do.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    // Report dependencies by their real place in the tree (packages/core/src/…), not node_modules/@tumbuh/….
    preserveSymlinks: false,
    skipAnalysisNotInRules: true,
  },
};
