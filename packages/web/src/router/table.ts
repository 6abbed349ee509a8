// The one route table: the app shell's routes and each feature's. Adding a feature = one line here.
import { antenatalRoutes } from "../pages/antenatal/routes";
import { familyRoutes } from "../pages/families/routes";
import { indicatorRoutes } from "../pages/indicators/routes";
import { planningRoutes } from "../pages/planning/routes";
import { posyanduRoutes } from "../pages/posyandu/routes";
import { registryRoutes } from "../pages/registry/routes";
import { reportRoutes } from "../pages/reports/routes";
import { searchRoutes } from "../pages/search/routes";
import { serviceRoutes } from "../pages/services/routes";
import { shellRoutes } from "../pages/shell-routes";
import { skdnRoutes } from "../pages/skdn/routes";
import { tikaRoutes } from "../pages/tika/routes";
import { userRoutes } from "../pages/users/routes";
import { installRoutes } from "./routes";

export const ROUTES = [
  ...shellRoutes,
  ...registryRoutes,
  ...indicatorRoutes,
  ...posyanduRoutes,
  ...serviceRoutes,
  ...skdnRoutes,
  ...tikaRoutes,
  ...antenatalRoutes,
  ...searchRoutes,
  ...familyRoutes,
  ...planningRoutes,
  ...reportRoutes,
  ...userRoutes,
] as const;

installRoutes(ROUTES);
