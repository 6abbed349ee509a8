import { catalogForRegion, servicesApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { exportScorecard } from "./exports";
import { explainScorecardCell } from "./scorecard";
import { personServiceRecords, recordService, voidServiceRecord } from "./service";

export function serviceRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, servicesApi.record, async ({ body }, req, reply) => {
    const { record, created } = await recordService(db, actorOf(req), body);
    // A replay (the id was already recorded) answers 200 with the stored record.
    return created ? record : reply.status(200).send(record);
  });
  mount(app, servicesApi.void, ({ params, body }, req) =>
    voidServiceRecord(db, actorOf(req), { ...body, id: params.id }),
  );
  mount(app, servicesApi.ofPerson, ({ params }, req) => personServiceRecords(db, actorOf(req), params.id));
  mount(app, servicesApi.catalog, ({ query }) => catalogForRegion(query.region));
  // servicesApi.scorecard is mounted by the indicators feature: a regency's or kecamatan's is served from the
  // per-desa figures its rebuild keeps, with how fresh they are (./scorecard-figures).
  mount(app, servicesApi.scorecardCell, ({ params, query }, req) =>
    explainScorecardCell(db, actorOf(req), params.code, query.period, query.person, query.indicator),
  );
  mount(app, servicesApi.scorecardExport, async ({ params, query }, req, reply) => {
    const file = await exportScorecard(
      db,
      actorOf(req),
      params.code,
      query.period,
      query.format,
      languageOf(req),
    );
    return sendDownload(reply, file);
  });
}
