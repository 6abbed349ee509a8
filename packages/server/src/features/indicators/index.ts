import type { Feature } from "../feature";
import { refreshAggregates } from "./aggregates";
import { createDemoIndicatorValues } from "./demo";
import { rebuildJob } from "./freshness";
import { indicatorRoutes } from "./routes";

export const indicatorsFeature: Feature = {
  name: "indicators",
  routes: indicatorRoutes,
  jobs: [rebuildJob],
  async demo({ db, today, children, figuresLater, log }) {
    if (children === 0) return;
    await createDemoIndicatorValues(db, today);
    // Under `npm start` the server's rebuild job builds them after it listens (every demo desa is marked
    // dirty by the inserts); dashboards say "being updated" until then (issue 18: first start under 20 s).
    if (figuresLater) return;
    // Otherwise build the dashboards' per-desa figures now, so the first person to open a dashboard does not wait.
    const started = performance.now();
    const desa = await refreshAggregates(db, today);
    log(`Dashboard figures for ${desa} desa: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
