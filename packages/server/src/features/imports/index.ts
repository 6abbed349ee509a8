import type { Feature } from "../feature";
import { importMeasurementsJob } from "./job";
import { importRoutes } from "./routes";

export const importsFeature: Feature = {
  name: "imports",
  routes: importRoutes,
  jobs: [importMeasurementsJob],
};
