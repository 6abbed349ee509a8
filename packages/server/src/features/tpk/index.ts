import type { Feature } from "../feature";
import { tpkRoutes } from "./routes";
import { tpkVisit } from "./sync";

export const tpkFeature: Feature = {
  name: "tpk",
  routes: tpkRoutes,
  syncEntities: [tpkVisit],
};
