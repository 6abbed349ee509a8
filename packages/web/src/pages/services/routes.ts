// 1000-HPK services and the KPM convergence scorecard (issue 6).
import { lazyPage, type RouteDef } from "../../router/route";
import { indicatorsMessages } from "../indicators/i18n";
import { servicesMessages } from "./i18n";

// The indicators' words too: a regency's scorecard says how fresh its stored figures are (FreshnessNote).
const messages = [servicesMessages, indicatorsMessages] as const;

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
