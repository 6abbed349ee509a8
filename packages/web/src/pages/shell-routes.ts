// The app shell's pages: in the entry chunk, so the home page, a region and the login form open at once.
// These pages import router/routes (for links) and the table imports this file: keep them function
// declarations, which exist before any module of the cycle runs.
import { eagerPage, type RouteDef } from "../router/route";
import { safeNext } from "../router/safe-next";
import { AuditPage } from "./AuditPage";
import { HomePage } from "./HomePage";
import { LoginPage } from "./LoginPage";
import { RegionPage } from "./RegionPage";

export const shellRoutes = [
  { name: "home", path: "/", page: eagerPage(HomePage) },
  {
    name: "login",
    path: "/login",
    query: { next: { key: "next", parse: safeNext } },
    page: eagerPage(LoginPage),
  },
  { name: "region", path: "/wilayah/:code", page: eagerPage(RegionPage) },
  { name: "audit", path: "/audit", page: eagerPage(AuditPage), layout: "wide" },
] as const satisfies readonly RouteDef[];
