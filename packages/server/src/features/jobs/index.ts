import type { Feature } from "../feature";
import { jobRoutes } from "./routes";

export const jobsFeature: Feature = {
  name: "jobs",
  routes: jobRoutes,
};
