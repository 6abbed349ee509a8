import type { Feature } from "../feature";
import { pregnancyRoutes } from "./routes";
import { pregnancy } from "./sync";

export const pregnanciesFeature: Feature = {
  name: "pregnancies",
  routes: pregnancyRoutes,
  syncEntities: [pregnancy],
};
