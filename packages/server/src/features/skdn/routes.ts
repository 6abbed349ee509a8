import { skdnApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { exportSkdn } from "./exports";
import { skdnReport } from "./service";

export function skdnRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, skdnApi.report, ({ params, query }, req) =>
    skdnReport(db, actorOf(req), params.code, query.month),
  );
  mount(app, skdnApi.export, async ({ params, query }, req, reply) => {
    const file = await exportSkdn(db, actorOf(req), params.code, query.month, query.format, languageOf(req));
    return sendDownload(reply, file);
  });
}
