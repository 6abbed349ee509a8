// Feature folders of the server must not form cycles (a second pass of `npm run deps`, see scripts/deps.mjs).
// Separate from .dependency-cruiser.cjs because dependency-cruiser sees folder cycles through every folder:
// there, tests and testing/ (which import everything) and db/ would close cycles that features do not have.
// So this pass looks at feature code only: non-test modules inside the feature folders (not the files beside
// them, such as region-guard.ts, which every feature uses and which is no feature).

module.exports = {
  forbidden: [
    {
      name: "no-cycles-between-features",
      comment:
        "Feature folders form a hierarchy (persons uses households, not both ways): a cycle between two " +
        "folders means neither can be understood, tested or changed without the other.",
      severity: "error",
      scope: "folder",
      from: { path: "^packages/server/src/features/[^/]+$" },
      to: { path: "^packages/server/src/features/[^/]+$", circular: true },
    },
  ],
  options: {
    includeOnly: "^packages/server/src/features/[^/]+/",
    exclude: { path: ["\\.test\\.ts$", "/testing/"] },
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
