import type { Feature } from "../feature";
import { duplicateRoutes } from "./routes";

export const duplicatesFeature: Feature = {
  name: "duplicates",
  routes: duplicateRoutes,
};
