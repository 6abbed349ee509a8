// Families at risk, catin, TPK and case audits (issue 8).
import { lazyPage, type RouteDef } from "../../router/route";
import { servicesMessages } from "../services/i18n";
import { familiesMessages } from "./i18n";

const messages = [familiesMessages] as const;
/** Pages where a record can be voided also load the services' words (its VoidRecord form). */
const withVoid = [familiesMessages, servicesMessages] as const;

export const familyRoutes = [
  {
    name: "families",
    path: "/wilayah/:code/keluarga",
    page: lazyPage(() => import("./FamiliesPage")),
    messages,
  },
  {
    name: "catinList",
    path: "/wilayah/:code/catin",
    page: lazyPage(() => import("./CatinListPage")),
    messages,
  },
  { name: "tpkList", path: "/wilayah/:code/tpk", page: lazyPage(() => import("./TpkListPage")), messages },
  {
    name: "auditCases",
    path: "/wilayah/:code/audit-kasus",
    page: lazyPage(() => import("./AuditCasesPage")),
    messages,
  },
  /** One family (a household) */
  {
    name: "family",
    path: "/keluarga/:id",
    page: lazyPage(() => import("./FamilyPage")),
    messages: withVoid,
  },
  { name: "catin", path: "/catin/:id", page: lazyPage(() => import("./CatinPage")), messages: withVoid },
  { name: "tpkTeam", path: "/tpk/:id", page: lazyPage(() => import("./TpkTeamPage")), messages: withVoid },
  { name: "caseAudit", path: "/audit-kasus/:id", page: lazyPage(() => import("./CaseAuditPage")), messages },
] as const satisfies readonly RouteDef[];
