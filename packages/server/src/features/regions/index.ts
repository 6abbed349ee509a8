import type { Feature } from "../feature";
import { regionRoutes } from "./routes";

export const regionsFeature: Feature = {
  name: "regions",
  routes: regionRoutes,
};
