import type { Feature } from "../feature";
import { importRoutes } from "./routes";

export const importsFeature: Feature = {
  name: "imports",
  routes: importRoutes,
};
