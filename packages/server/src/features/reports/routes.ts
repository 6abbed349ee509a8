import { reportsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import {
  acknowledgeReport,
  correctReport,
  createReport,
  getReport,
  issueReport,
  reportDocument,
  reportList,
  updateReport,
} from "./service";

const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export function reportsRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  const api = reportsApi;
  mount(app, api.list, async ({ query }, req) => reportList(db, actorOf(req), query.region));
  mount(app, api.create, async ({ body }, req) => createReport(db, actorOf(req), body));
  mount(app, api.get, async ({ params }, req) => getReport(db, actorOf(req), params.id));
  mount(app, api.update, async ({ params, body }, req) => updateReport(db, actorOf(req), params.id, body));
  mount(app, api.issue, async ({ params }, req) => issueReport(db, jobs, actorOf(req), params.id));
  mount(app, api.acknowledge, async ({ params, body }, req) =>
    acknowledgeReport(db, actorOf(req), params.id, body.note),
  );
  mount(app, api.correct, async ({ params }, req) => correctReport(db, actorOf(req), params.id));
  for (const format of ["pdf", "xlsx"] as const) {
    mount(app, api[format], async ({ params }, req, reply) => {
      const file = await reportDocument(db, actorOf(req), params.id, format, languageOf(req));
      return sendDownload(reply, { fileName: file.fileName, contentType: TYPES[format], body: file.body });
    });
  }
}
