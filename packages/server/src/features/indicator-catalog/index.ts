import type { Feature } from "../feature";
import { ensureDemoIndicatorCatalog } from "./demo";
import { indicatorCatalogRoutes } from "./routes";

export const indicatorCatalogFeature: Feature = {
  name: "indicator-catalog",
  routes: indicatorCatalogRoutes,
  demo: ({ db }) => ensureDemoIndicatorCatalog(db),
};
