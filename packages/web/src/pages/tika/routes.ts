// Tika pertumbuhan (PALI 64/2021 Pasal 30 huruf a, 40 ayat (2) d–f, (4)): a child's readings and the counts.
import { lazyPage, type RouteDef } from "../../router/route";
import { tikaMessages } from "./i18n";

export const tikaRoutes = [
  /** Counts of a region for a period */
  {
    name: "tika",
    path: "/wilayah/:code/tika",
    page: lazyPage(() => import("./TikaPage")),
    messages: [tikaMessages],
    layout: "wide",
  },
  /** A child's readings and the form (the KPM) */
  {
    name: "tikaChild",
    path: "/tika/anak/:id",
    page: lazyPage(() => import("./TikaChildPage")),
    messages: [tikaMessages],
  },
] as const satisfies readonly RouteDef[];
