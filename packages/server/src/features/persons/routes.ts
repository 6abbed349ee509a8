import { personsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { growthCard } from "./growth-card";
import {
  createPerson,
  editPerson,
  findPersons,
  leavePerson,
  personChart,
  undoLeavePerson,
  viewPerson,
} from "./service";

export function personRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, personsApi.search, async ({ query }, req) => ({
    persons: await findPersons(db, actorOf(req), query),
  }));
  mount(app, personsApi.create, async ({ body }, req) => createPerson(db, actorOf(req), body));
  mount(app, personsApi.view, async ({ params }, req) => viewPerson(db, actorOf(req), params.id));
  mount(
    app,
    personsApi.update,
    async ({ params, body }, req) => (await editPerson(db, actorOf(req), params.id, body)).person,
  );
  mount(app, personsApi.leave, async ({ params, body }, req) =>
    leavePerson(db, actorOf(req), { ...body, personId: params.id }),
  );
  mount(app, personsApi.undoLeave, async ({ params, body }, req) =>
    undoLeavePerson(db, actorOf(req), { ...body, personId: params.id }),
  );
  mount(app, personsApi.chart, async ({ params, query }, req) =>
    personChart(db, actorOf(req), params.id, query.indicator),
  );
  mount(app, personsApi.growthCard, async ({ params }, req, reply) => {
    const { pdf, fileName } = await growthCard(db, actorOf(req), params.id, languageOf(req));
    return sendDownload(reply, { fileName: fileName, contentType: "application/pdf", body: pdf });
  });
}
