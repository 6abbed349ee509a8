// The SKDN monthly weighing report per posyandu and desa (issue 14).
import { lazyPage, type RouteDef } from "../../router/route";
import { skdnMessages } from "./i18n";

export const skdnRoutes = [
  /** SKDN report of a region for a month */
  {
    name: "skdn",
    path: "/wilayah/:code/skdn",
    page: lazyPage(() => import("./SkdnPage")),
    messages: [skdnMessages],
    layout: "wide",
  },
] as const satisfies readonly RouteDef[];
