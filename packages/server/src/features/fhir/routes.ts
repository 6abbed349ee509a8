import { fhirApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { fhirBundle } from "./service";

export function fhirRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, fhirApi.bundle, async ({ query }, req, reply) => {
    const { fileName, body } = await fhirBundle(db, actorOf(req), query, languageOf(req));
    return sendDownload(reply, {
      fileName: fileName,
      contentType: "application/fhir+json; charset=utf-8",
      body: body,
    });
  });
}
