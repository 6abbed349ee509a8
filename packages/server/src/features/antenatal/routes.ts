import { antenatalApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { listPregnantWomen } from "./service";

export function antenatalRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, antenatalApi.pregnantWomen, async ({ params }, req) =>
    listPregnantWomen(db, actorOf(req), params.code),
  );
}
