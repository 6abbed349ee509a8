import type { Feature } from "../feature";
import { tpkRoutes } from "./routes";
import { tpkVisit, tpkVisitVoid } from "./sync";

export const tpkFeature: Feature = {
  name: "tpk",
  routes: tpkRoutes,
  syncEntities: [tpkVisit, tpkVisitVoid],
};
