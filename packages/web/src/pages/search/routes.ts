// One search by name or NIK across the user's area (issue 17).
import { lazyPage, type RouteDef } from "../../router/route";
import { searchMessages } from "./i18n";

export const searchRoutes = [
  {
    name: "search",
    path: "/cari",
    query: { q: { key: "q" } },
    page: lazyPage(() => import("./SearchPage")),
    messages: [searchMessages],
  },
] as const satisfies readonly RouteDef[];
