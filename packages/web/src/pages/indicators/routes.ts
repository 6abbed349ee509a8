// Indicator catalog, dashboards and the public publication (issue 7).
import { lazyPage, type RouteDef } from "../../router/route";
import { reportsMessages } from "../reports/i18n";
import { indicatorsMessages } from "./i18n";

/** A month (2025-06) or a year (2025); anything else falls back to the page's default period. */
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

const messages = [indicatorsMessages] as const;

export const indicatorRoutes = [
  /** The catalog (Paser Pasal 6, Pasal 7, Lampiran) with its targets */
  {
    name: "indicatorCatalog",
    path: "/indikator",
    page: lazyPage(() => import("./IndicatorCatalogPage")),
    messages,
  },
  /** Dashboard of a regency/kecamatan/desa: /wilayah/64.01/indikator?periode=2025-06&opd=… */
  {
    name: "indicators",
    path: "/wilayah/:code/indikator",
    query: {
      period: { key: "periode", parse: (v) => (v !== null && PERIOD.test(v) ? v : null) },
      agency: { key: "opd" },
    },
    page: lazyPage(() => import("./DashboardPage")),
    messages,
    layout: "wide",
  },
  /** The yearly public stunting publication: no sign-in (Paser Pasal 9 p: published for everyone) */
  {
    name: "publication",
    path: "/publikasi/:year",
    patterns: { year: /^\d{4}$/ },
    page: lazyPage(() => import("./PublicationPage")),
    // the achievements and ranking section is the reports feature's (Paser Pasal 9 p)
    messages: [indicatorsMessages, reportsMessages],
    layout: "wide",
    public: true,
  },
] as const satisfies readonly RouteDef[];
