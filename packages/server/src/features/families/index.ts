import type { Feature } from "../feature";
import { createDemoFamilies } from "./demo";
import { familyRoutes } from "./routes";
import { familyScreening, familyScreeningVoid } from "./sync";

export const familiesFeature: Feature = {
  name: "families",
  routes: familyRoutes,
  syncEntities: [familyScreening, familyScreeningVoid],
  async demo({ db, today, children, families, log }) {
    if (children === 0 || !families) return;
    const started = performance.now();
    await createDemoFamilies(db, today);
    log(`Demo families, catin, TPK and case audits: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
