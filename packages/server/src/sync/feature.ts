import type { Feature } from "../features/feature";
import { syncRoutes } from "./routes";

export const syncFeature: Feature = { name: "sync", routes: syncRoutes };
