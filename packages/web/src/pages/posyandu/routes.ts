// The offline posyandu day and sync (issue 5): the sync engine and growth engine load with these pages.
import { lazyPage, type RouteDef } from "../../router/route";
import { registryMessages } from "../registry/i18n";
import { tikaMessages } from "../tika/i18n";
import { posyanduMessages } from "./i18n";

/** The posyandu day shows the registry's forms and results too, and the tika form for children 0–23 months. */
const messages = [posyanduMessages, registryMessages, tikaMessages] as const;

export const posyanduRoutes = [
  { name: "posyanduPick", path: "/posyandu", page: lazyPage(() => import("./PosyanduPickPage")), messages },
  {
    name: "posyanduDay",
    path: "/posyandu/:code",
    page: lazyPage(() => import("./PosyanduDayPage")),
    messages,
  },
  {
    name: "posyanduChild",
    path: "/posyandu/:code/anak/:id",
    page: lazyPage(() => import("./ChildEntryPage")),
    messages,
  },
  {
    name: "posyanduNew",
    path: "/posyandu/:code/baru",
    page: lazyPage(() => import("./NewChildPage")),
    messages,
  },
  /** A pregnancy (and the woman, if new) on the spot */
  {
    name: "posyanduPregnancy",
    path: "/posyandu/:code/hamil",
    page: lazyPage(() => import("./NewPregnancyPage")),
    messages,
  },
  /** Sync status, refused ops and conflicts */
  { name: "sync", path: "/sinkron", page: lazyPage(() => import("./SyncPage")), messages },
] as const satisfies readonly RouteDef[];
