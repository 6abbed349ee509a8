import { dhis2Api } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { buildDhis2Export, dhis2Availability, loadDhis2Mapping } from "./service";

export function dhis2Routes(app: FastifyInstance, { db, config }: AppDeps): void {
  mount(app, dhis2Api.availability, ({ query }, req) =>
    dhis2Availability(db, actorOf(req), query.region, config.dhis2Mapping),
  );
  mount(app, dhis2Api.export, async ({ query }, req, reply) => {
    // Read per request: the administrator may correct the file without restarting the server.
    const mapping = loadDhis2Mapping(config.dhis2Mapping);
    const { file } = await buildDhis2Export(db, actorOf(req), query, mapping, undefined, languageOf(req));
    return sendDownload(reply, {
      fileName: file.fileName,
      contentType: `${file.contentType}; charset=utf-8`,
      body: file.body,
    });
  });
}
