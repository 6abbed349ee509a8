// Families at risk, catin, TPK and case audits (issue 8).
import { lazyPage, type RouteDef } from "../../router/route";

export const familyRoutes = [
  { name: "families", path: "/wilayah/:code/keluarga", page: lazyPage(() => import("./FamiliesPage")) },
  { name: "catinList", path: "/wilayah/:code/catin", page: lazyPage(() => import("./CatinListPage")) },
  { name: "tpkList", path: "/wilayah/:code/tpk", page: lazyPage(() => import("./TpkListPage")) },
  {
    name: "auditCases",
    path: "/wilayah/:code/audit-kasus",
    page: lazyPage(() => import("./AuditCasesPage")),
  },
  /** One family (a household) */
  { name: "family", path: "/keluarga/:id", page: lazyPage(() => import("./FamilyPage")) },
  { name: "catin", path: "/catin/:id", page: lazyPage(() => import("./CatinPage")) },
  { name: "tpkTeam", path: "/tpk/:id", page: lazyPage(() => import("./TpkTeamPage")) },
  { name: "caseAudit", path: "/audit-kasus/:id", page: lazyPage(() => import("./CaseAuditPage")) },
] as const satisfies readonly RouteDef[];
