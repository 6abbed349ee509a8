import type { Feature } from "../feature";
import { createDemoPlanning } from "./demo";
import { planningRoutes } from "./routes";

export const planningFeature: Feature = {
  name: "planning",
  routes: planningRoutes,
  async demo({ db, children }) {
    await createDemoPlanning(db, { onlyKuaro: children === 0 });
  },
};
