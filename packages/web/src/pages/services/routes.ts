// 1000-HPK services and the KPM convergence scorecard (issue 6).
import { lazyPage, type RouteDef } from "../../router/route";

export const serviceRoutes = [
  /** KPM convergence scorecard of a region */
  {
    name: "scorecard",
    path: "/wilayah/:code/scorecard",
    page: lazyPage(() => import("./ScorecardPage")),
    layout: "wide",
  },
  /** Record a service given to a target */
  { name: "recordService", path: "/layanan/:id", page: lazyPage(() => import("./RecordServicePage")) },
] as const satisfies readonly RouteDef[];
