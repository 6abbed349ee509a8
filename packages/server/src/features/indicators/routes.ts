import { indicatorsApi, servicesApi, todayIso } from "@tumbuh/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { scorecardView } from "../services/service";
import { type DownloadFile, exportDashboard, publicationFile } from "./exports";
import { figuresFreshness } from "./freshness";
import { getPublication } from "./publication";
import { enterValue, getDashboard, getValueHistory } from "./service";
import { enterSurveyFigure, surveyFiguresFor } from "./survey-figures";

function download(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}

export function indicatorRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  // Figures behind the latest writes are rebuilt by a background job; these answer with the last built ones.
  mount(app, indicatorsApi.dashboard, ({ query }, req) =>
    getDashboard(db, actorOf(req), query, undefined, jobs),
  );
  mount(app, indicatorsApi.dashboardExport, async ({ query }, req, reply) =>
    download(reply, await exportDashboard(db, actorOf(req), query, jobs, languageOf(req))),
  );
  // The KPM scorecard (services feature): a regency's or kecamatan's from the per-desa figures built here.
  mount(app, servicesApi.scorecard, ({ params, query }, req) =>
    scorecardView(db, actorOf(req), params.code, query.period, () => figuresFreshness(db, jobs), todayIso()),
  );
  mount(app, indicatorsApi.enterValue, ({ body }, req) => enterValue(db, actorOf(req), body));
  mount(app, indicatorsApi.valueHistory, ({ query }, req) => getValueHistory(db, actorOf(req), query));
  mount(app, indicatorsApi.surveyFigures, ({ query }, req) =>
    surveyFiguresFor(db, actorOf(req), query.region),
  );
  mount(app, indicatorsApi.enterSurveyFigure, ({ body }, req) => enterSurveyFigure(db, actorOf(req), body));

  // Public (the endpoints say so): no login, aggregates only with small cells suppressed.
  mount(app, indicatorsApi.publication, ({ params }) => getPublication(db, params.year, undefined, jobs));
  mount(app, indicatorsApi.publicationCsv, async ({ params }, _req, reply) =>
    download(reply, await publicationFile(db, params.year, "csv", jobs)),
  );
  mount(app, indicatorsApi.publicationPdf, async ({ params }, _req, reply) =>
    download(reply, await publicationFile(db, params.year, "pdf", jobs)),
  );
}
