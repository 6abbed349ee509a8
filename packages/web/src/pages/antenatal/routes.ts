// The midwife's pages (issue 17, bidan).
import { lazyPage, type RouteDef } from "../../router/route";
import { antenatalMessages } from "./i18n";

export const antenatalRoutes = [
  /** Pregnant women of a region, with gestational age, ANC, TTD, risks and HPL */
  {
    name: "pregnantWomen",
    path: "/wilayah/:code/ibu-hamil",
    page: lazyPage(() => import("./PregnantWomenPage")),
    messages: [antenatalMessages],
  },
] as const satisfies readonly RouteDef[];
