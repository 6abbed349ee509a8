// The village planning cycle: stages, meetings, proposals, the regency summary, institutions and KPM.
import { lazyPage, type RouteDef } from "../../router/route";
import { planningMessages } from "./i18n";

const messages = [planningMessages] as const;

export const planningRoutes = [
  /** Planning cycle of a desa/kelurahan */
  {
    name: "planning",
    path: "/wilayah/:code/perencanaan",
    page: lazyPage(() => import("./PlanningCyclePage")),
    messages,
  },
  /** Stage status and stunting budget of every village under a kecamatan/kabupaten */
  {
    name: "planningOverview",
    path: "/wilayah/:code/rekap-perencanaan",
    page: lazyPage(() => import("./PlanningOverviewPage")),
    messages,
    layout: "wide",
  },
  /** TPPS, RDS, KPM and service providers of a region */
  {
    name: "institutions",
    path: "/wilayah/:code/kelembagaan",
    page: lazyPage(() => import("./InstitutionsPage")),
    messages,
  },
] as const satisfies readonly RouteDef[];
