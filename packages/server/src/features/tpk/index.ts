import { tpkVisit } from "../../sync/entities/families";
import type { Feature } from "../feature";
import { tpkRoutes } from "./routes";

export const tpkFeature: Feature = {
  name: "tpk",
  routes: tpkRoutes,
  syncEntities: [tpkVisit],
};
