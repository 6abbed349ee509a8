import type { Feature } from "../feature";
import { measurementRoutes } from "./routes";
import { measurement } from "./sync";

export const measurementsFeature: Feature = {
  name: "measurements",
  routes: measurementRoutes,
  syncEntities: [measurement],
};
