import type { Feature } from "../feature";
import { refreshAggregates } from "./aggregates";
import { createDemoIndicatorValues } from "./demo";
import { rebuildJob } from "./freshness";
import { indicatorRoutes } from "./routes";

export const indicatorsFeature: Feature = {
  name: "indicators",
  routes: indicatorRoutes,
  jobs: [rebuildJob],
  async demo({ db, today, children, log }) {
    if (children === 0) return;
    await createDemoIndicatorValues(db, today);
    // Build the dashboards' per-desa figures now, so the first person to open a dashboard does not wait.
    const started = performance.now();
    const desa = await refreshAggregates(db, today);
    log(`Dashboard figures for ${desa} desa: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
