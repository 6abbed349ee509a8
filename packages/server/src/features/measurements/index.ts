import { measurement } from "../../sync/entities/measurement";
import type { Feature } from "../feature";
import { measurementRoutes } from "./routes";

export const measurementsFeature: Feature = {
  name: "measurements",
  routes: measurementRoutes,
  syncEntities: [measurement],
};
