import type { Feature } from "../feature";
import { catinRoutes } from "./routes";
import { catin, catinScreening, catinScreeningVoid } from "./sync";

export const catinFeature: Feature = {
  name: "catin",
  routes: catinRoutes,
  syncEntities: [catin, catinScreening, catinScreeningVoid],
};
