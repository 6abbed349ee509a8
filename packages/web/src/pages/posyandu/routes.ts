// The offline posyandu day and sync (issue 5): the sync engine and growth engine load with these pages.
import { lazyPage, type RouteDef } from "../../router/route";

export const posyanduRoutes = [
  { name: "posyanduPick", path: "/posyandu", page: lazyPage(() => import("./PosyanduPickPage")) },
  { name: "posyanduDay", path: "/posyandu/:code", page: lazyPage(() => import("./PosyanduDayPage")) },
  {
    name: "posyanduChild",
    path: "/posyandu/:code/anak/:id",
    page: lazyPage(() => import("./ChildEntryPage")),
  },
  { name: "posyanduNew", path: "/posyandu/:code/baru", page: lazyPage(() => import("./NewChildPage")) },
  /** A pregnancy (and the woman, if new) on the spot */
  {
    name: "posyanduPregnancy",
    path: "/posyandu/:code/hamil",
    page: lazyPage(() => import("./NewPregnancyPage")),
  },
  /** Sync status, refused ops and conflicts */
  { name: "sync", path: "/sinkron", page: lazyPage(() => import("./SyncPage")) },
] as const satisfies readonly RouteDef[];
