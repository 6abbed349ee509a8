import { satuDataApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { mount } from "../../http/route";
import { satuDataFile } from "./service";

export function satuDataRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, satuDataApi.download, async ({ query }, req, reply) => {
    const file = await satuDataFile(db, actorOf(req), query);
    return sendDownload(reply, file);
  });
}
