import { indicatorsApi, servicesApi, todayIso } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { scorecardView } from "../services/service";
import { exportDashboard, publicationFile } from "./exports";
import { figuresFreshness } from "./freshness";
import { getPublication } from "./publication";
import { enterValue, getDashboard, getValueHistory } from "./service";
import { enterSurveyFigure, surveyFiguresFor } from "./survey-figures";

export function indicatorRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  // Figures behind the latest writes are rebuilt by a background job; these answer with the last built ones.
  mount(app, indicatorsApi.dashboard, ({ query }, req) =>
    getDashboard(db, actorOf(req), query, undefined, jobs),
  );
  mount(app, indicatorsApi.dashboardExport, async ({ query }, req, reply) =>
    sendDownload(reply, await exportDashboard(db, actorOf(req), query, jobs, languageOf(req))),
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
  mount(app, indicatorsApi.publicationCsv, async ({ params }, req, reply) =>
    sendDownload(reply, await publicationFile(db, params.year, "csv", jobs, languageOf(req))),
  );
  mount(app, indicatorsApi.publicationPdf, async ({ params }, req, reply) =>
    sendDownload(reply, await publicationFile(db, params.year, "pdf", jobs, languageOf(req))),
  );
}
