// Reports and meetings (issue 15), the performance assessment and the award register.
import { lazyPage, type RouteDef } from "../../router/route";
import { reportsMessages } from "./i18n";

const messages = [reportsMessages] as const;

export const reportRoutes = [
  /** A region's reports, its inbox from the level below and what is due or overdue */
  {
    name: "reports",
    path: "/wilayah/:code/laporan",
    page: lazyPage(() => import("./ReportsPage")),
    messages,
  },
  /** One report version: figures, narrative, signatories, issue / acknowledge / correct, documents */
  { name: "report", path: "/laporan/:id", page: lazyPage(() => import("./ReportPage")), messages },
  /** Yearly performance assessment of desa and kecamatan (Paser Pasal 9 o) */
  {
    name: "assessment",
    path: "/wilayah/:code/penilaian-kinerja",
    page: lazyPage(() => import("./AssessmentPage")),
    messages,
    layout: "wide",
  },
  /** Award register (Paser Pasal 49) */
  {
    name: "awards",
    path: "/wilayah/:code/penghargaan",
    page: lazyPage(() => import("./AwardsPage")),
    messages,
  },
] as const satisfies readonly RouteDef[];
