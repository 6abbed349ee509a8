import { z } from "zod";
import { Period } from "../indicators/periods";
import { SurveyFigureInput, SurveyFigureViewSchema } from "../indicators/survey";
import {
  DashboardQuery,
  DashboardViewSchema,
  IndicatorValueInput,
  IndicatorValueViewSchema,
  PublicationViewSchema,
} from "../indicators/views";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

/** A dashboard download: CSV holds one figure (one table per file), XLSX all three as sheets. */
export const DashboardExportQuery = DashboardQuery.extend({
  format: z.enum(["csv", "xlsx"]),
  figure: z.enum(["indikator", "wilayah", "tren"]).default("indikator"),
});
/** The figures of a dashboard download: indicators against target, the drill-down rows, the trends. */
export type DashboardFigure = z.infer<typeof DashboardExportQuery>["figure"];

/** The year of the public publication. */
const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const indicatorsApi = {
  dashboard: endpoint({
    method: "GET",
    path: "/api/indicators/dashboard",
    tag: "indicators",
    query: DashboardQuery,
    response: DashboardViewSchema,
  }),
  /** Audited: the figures leave the system. */
  dashboardExport: endpoint({
    method: "GET",
    path: "/api/indicators/dashboard/export",
    tag: "indicators",
    query: DashboardExportQuery,
    kind: "file",
    response: FileDownload,
  }),
  enterValue: endpoint({
    method: "POST",
    path: "/api/indicators/values",
    tag: "indicators",
    status: 201,
    body: IndicatorValueInput,
    response: IndicatorValueViewSchema,
  }),
  valueHistory: endpoint({
    method: "GET",
    path: "/api/indicators/values/history",
    tag: "indicators",
    query: z.strictObject({
      indicatorId: z.string().min(1).max(100),
      regionCode: z.string().min(1).max(40),
      period: Period,
    }),
    response: z.array(IndicatorValueViewSchema),
  }),
  /** Survey prevalence (SSGI/SKI) of the region's regency and province, Paser Pasal 6(2). */
  surveyFigures: endpoint({
    method: "GET",
    path: "/api/indicators/survey-figures",
    tag: "indicators",
    query: z.strictObject({ region: z.string().min(1).max(40) }),
    response: z.array(SurveyFigureViewSchema),
  }),
  /** Audited; the regency's admin or TPPS. */
  enterSurveyFigure: endpoint({
    method: "POST",
    path: "/api/indicators/survey-figures",
    tag: "indicators",
    status: 201,
    body: SurveyFigureInput,
    response: SurveyFigureViewSchema,
  }),
  // The public publication: no login, aggregates only with small cells suppressed.
  publication: endpoint({
    method: "GET",
    path: "/api/public/publication/:year",
    tag: "public",
    public: true,
    params: YearParams,
    response: PublicationViewSchema,
  }),
  publicationCsv: endpoint({
    method: "GET",
    path: "/api/public/publication/:year/csv",
    tag: "public",
    public: true,
    params: YearParams,
    kind: "file",
    response: FileDownload,
  }),
  publicationPdf: endpoint({
    method: "GET",
    path: "/api/public/publication/:year/pdf",
    tag: "public",
    public: true,
    params: YearParams,
    kind: "file",
    response: FileDownload,
  }),
};
