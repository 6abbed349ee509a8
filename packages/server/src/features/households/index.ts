import { household } from "../../sync/entities/household";
import type { Feature } from "../feature";
import { householdRoutes } from "./routes";

export const householdsFeature: Feature = {
  name: "households",
  routes: householdRoutes,
  syncEntities: [household],
};
