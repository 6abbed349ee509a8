import { pregnancy } from "../../sync/entities/pregnancy";
import type { Feature } from "../feature";
import { pregnancyRoutes } from "./routes";

export const pregnanciesFeature: Feature = {
  name: "pregnancies",
  routes: pregnancyRoutes,
  syncEntities: [pregnancy],
};
