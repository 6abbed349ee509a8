import { DashboardQuery, IndicatorValueInput, Period } from "@tumbuh/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { appendAudit } from "../audit/repository";
import { getPublication, publicationPdf, publicationTable } from "./publication";
import { enterValue, getDashboard, getValueHistory } from "./service";
import { dashboardTables, toCsv, toXlsx } from "./tables";

const ExportQuery = DashboardQuery.extend({
  format: z.enum(["csv", "xlsx"]),
  /** For CSV, which figure (one table per file); XLSX holds all three as sheets. */
  figure: z.enum(["indikator", "wilayah", "tren"]).default("indikator"),
});

function download(reply: FastifyReply, name: string, type: string, body: Buffer | string) {
  return reply
    .header("content-type", type)
    .header("content-disposition", `attachment; filename="${name}"`)
    .header("cache-control", "no-store")
    .send(body);
}

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function indicatorRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/indicators/dashboard",
    { schema: { tags: ["indicators"], querystring: DashboardQuery } },
    async (req) => getDashboard(db, actorOf(req), req.query),
  );

  typed(app).get(
    "/api/indicators/dashboard/export",
    { schema: { tags: ["indicators"], querystring: ExportQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { format, figure, ...query } = req.query;
      const view = await getDashboard(db, actor, query);
      const tables = dashboardTables(view);
      const base = `indikator-${view.region.code}-${view.period}`;
      // Downloads leave the system with personal-level-free but still official figures: who took what is logged.
      await appendAudit(db, actor, {
        action: "indicator.export",
        entity: "indicator_dashboard",
        entityId: null,
        regionCode: view.region.code,
        after: {
          period: view.period,
          format,
          figure: format === "csv" ? figure : "all",
          agency: query.agency ?? null,
        },
      });
      if (format === "xlsx") return download(reply, `${base}.xlsx`, XLSX, await toXlsx(tables));
      const table = tables.find((t) => t.name === figure) ?? tables[0];
      return download(
        reply,
        `${base}-${figure}.csv`,
        CSV,
        `\uFEFF${toCsv(table as (typeof tables)[number])}`,
      );
    },
  );

  typed(app).post(
    "/api/indicators/values",
    { schema: { tags: ["indicators"], body: IndicatorValueInput } },
    async (req, reply) => reply.status(201).send(await enterValue(db, actorOf(req), req.body)),
  );

  typed(app).get(
    "/api/indicators/values/history",
    {
      schema: {
        tags: ["indicators"],
        querystring: z.strictObject({
          indicatorId: z.string().min(1).max(100),
          regionCode: z.string().min(1).max(40),
          period: Period,
        }),
      },
    },
    async (req) => getValueHistory(db, actorOf(req), req.query),
  );

  // Public: no login (config.public), aggregates only with small cells suppressed.
  const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
  typed(app).get(
    "/api/public/publication/:year",
    { config: { public: true }, schema: { tags: ["public"], params: YearParams } },
    async (req) => getPublication(db, req.params.year),
  );
  typed(app).get(
    "/api/public/publication/:year/csv",
    { config: { public: true }, schema: { tags: ["public"], params: YearParams } },
    async (req, reply) => {
      const v = await getPublication(db, req.params.year);
      return download(
        reply,
        `publikasi-stunting-${v.regency.code}-${v.year}.csv`,
        CSV,
        `\uFEFF${toCsv(publicationTable(v))}`,
      );
    },
  );
  typed(app).get(
    "/api/public/publication/:year/pdf",
    { config: { public: true }, schema: { tags: ["public"], params: YearParams } },
    async (req, reply) => {
      const v = await getPublication(db, req.params.year);
      return download(
        reply,
        `publikasi-stunting-${v.regency.code}-${v.year}.pdf`,
        "application/pdf",
        await publicationPdf(v),
      );
    },
  );
}
