import { catinApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { catinCertificate } from "./certificate";
import { listCatin, recordCatinScreening, registerCatin, viewCatin, voidCatinScreening } from "./service";

export function catinRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, catinApi.list, async ({ params, query }, req) =>
    listCatin(db, actorOf(req), params.code, query.semester),
  );
  mount(app, catinApi.register, async ({ body }, req) => registerCatin(db, actorOf(req), body));
  mount(app, catinApi.view, async ({ params }, req) => viewCatin(db, actorOf(req), params.id));
  mount(app, catinApi.screen, async ({ params, body }, req) =>
    recordCatinScreening(db, actorOf(req), params.id, body),
  );
  mount(app, catinApi.voidScreening, async ({ params, body }, req) =>
    voidCatinScreening(db, actorOf(req), { ...body, id: params.id }),
  );
  mount(app, catinApi.certificate, async ({ params }, req, reply) => {
    const { pdf, fileName } = await catinCertificate(db, actorOf(req), params.id, languageOf(req));
    return sendDownload(reply, { fileName: fileName, contentType: "application/pdf", body: pdf });
  });
}
