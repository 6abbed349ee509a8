import { indicatorCatalogApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { catalogHistory, editTarget, exportCatalog, getCatalog, importCatalog } from "./service";

export function indicatorCatalogRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, indicatorCatalogApi.get, ({ query }, req) => getCatalog(db, actorOf(req), query.regency));
  mount(app, indicatorCatalogApi.history, ({ query }, req) =>
    catalogHistory(db, actorOf(req), query.regency),
  );
  mount(app, indicatorCatalogApi.export, async ({ query }, req, reply) => {
    const { fileName, text } = await exportCatalog(db, actorOf(req), query.regency, languageOf(req));
    return sendDownload(reply, {
      fileName: fileName,
      contentType: "application/json; charset=utf-8",
      body: text,
    });
  });
  mount(app, indicatorCatalogApi.import, ({ query, body }, req) =>
    importCatalog(db, actorOf(req), body, query.regency),
  );
  mount(app, indicatorCatalogApi.editTarget, ({ params, query, body }, req) =>
    editTarget(db, actorOf(req), params.id, body, query.regency),
  );
}
