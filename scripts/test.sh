#!/usr/bin/env bash
# The whole test suite: unit and integration tests (SQLite and a throwaway PostgreSQL), then browser tests
# in Chromium against the built app. Ends with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

bash scripts/ensure-system-deps.sh
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile=.tmp/unit.json || status=$?
npm run --silent build:web >/dev/null
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile=.tmp/e2e.json || status=$?

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const f of [".tmp/unit.json", ".tmp/e2e.json"]) {
    if (!fs.existsSync(f)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numFailedTestSuites || 0);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
'
exit $status
