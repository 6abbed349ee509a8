// 1000-HPK services and the KPM convergence scorecard (issue 6).
import { lazyPage, type RouteDef } from "../../router/route";
import { servicesMessages } from "./i18n";

const messages = [servicesMessages] as const;

export const serviceRoutes = [
  /** KPM convergence scorecard of a region */
  {
    name: "scorecard",
    path: "/wilayah/:code/scorecard",
    page: lazyPage(() => import("./ScorecardPage")),
    messages,
    layout: "wide",
  },
  /** Record a service given to a target */
  {
    name: "recordService",
    path: "/layanan/:id",
    page: lazyPage(() => import("./RecordServicePage")),
    messages,
  },
] as const satisfies readonly RouteDef[];
