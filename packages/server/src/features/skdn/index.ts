import type { Feature } from "../feature";
import { skdnRoutes } from "./routes";

/** The SKDN monthly weighing report (F1/F2) per posyandu and desa (issue 14). */
export const skdnFeature: Feature = { name: "skdn", routes: skdnRoutes };
