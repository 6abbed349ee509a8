import { catin, catinScreening } from "../../sync/entities/families";
import type { Feature } from "../feature";
import { catinRoutes } from "./routes";

export const catinFeature: Feature = {
  name: "catin",
  routes: catinRoutes,
  syncEntities: [catin, catinScreening],
};
