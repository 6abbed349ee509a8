import type { Feature } from "../feature";
import { householdRoutes } from "./routes";
import { household } from "./sync";

export const householdsFeature: Feature = {
  name: "households",
  routes: householdRoutes,
  syncEntities: [household],
};
