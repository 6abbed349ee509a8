import type { Feature } from "../feature";
import { measurementRoutes } from "./routes";
import { measurement, measurementVoid } from "./sync";

export const measurementsFeature: Feature = {
  name: "measurements",
  routes: measurementRoutes,
  syncEntities: [measurement, measurementVoid],
};
