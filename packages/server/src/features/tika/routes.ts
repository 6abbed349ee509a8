import { tikaApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { exportTika } from "./exports";
import { childTika, recordTikaReading, tikaCounts } from "./service";

export function tikaRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, tikaApi.record, ({ body }, req) => recordTikaReading(db, actorOf(req), body));
  mount(app, tikaApi.child, ({ params }, req) => childTika(db, actorOf(req), params.id));
  mount(app, tikaApi.counts, ({ params, query }, req) =>
    tikaCounts(db, actorOf(req), params.code, query.period),
  );
  mount(app, tikaApi.export, async ({ params, query }, req, reply) => {
    const file = await exportTika(db, actorOf(req), params.code, query.period, languageOf(req));
    return sendDownload(reply, file);
  });
}
