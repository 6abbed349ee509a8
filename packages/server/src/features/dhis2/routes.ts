import { dhis2Api } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { buildDhis2Export, loadDhis2Mapping } from "./service";

export function dhis2Routes(app: FastifyInstance, { db, config }: AppDeps): void {
  mount(app, dhis2Api.export, async ({ query }, req, reply) => {
    // Read per request: the administrator may correct the file without restarting the server.
    const mapping = loadDhis2Mapping(config.dhis2Mapping);
    const { file } = await buildDhis2Export(db, actorOf(req), query, mapping);
    return reply
      .header("content-type", `${file.contentType}; charset=utf-8`)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store")
      .send(file.body);
  });
}
