import { PersonInput, readScopes } from "@tumbuh/core";
import { chartFor } from "@tumbuh/core/growth-views";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errors } from "../../errors";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { measurementsOf } from "../measurements/repository";
import { findPerson } from "./repository";
import { createPerson, editPerson, findPersons, viewPerson } from "./service";

const IdParams = z.strictObject({ id: z.string().uuid() });

export function personRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);

  r.get(
    "/api/persons",
    {
      schema: {
        tags: ["registry"],
        querystring: z.strictObject({
          region: z.string().min(2).max(40),
          q: z.string().max(100).default(""),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => ({ persons: await findPersons(db, actorOf(req), req.query) }),
  );

  r.post("/api/persons", { schema: { tags: ["registry"], body: PersonInput } }, async (req, reply) =>
    reply.status(201).send(await createPerson(db, actorOf(req), req.body)),
  );

  r.get("/api/persons/:id", { schema: { tags: ["registry"], params: IdParams } }, async (req) =>
    viewPerson(db, actorOf(req), req.params.id),
  );

  r.patch(
    "/api/persons/:id",
    {
      schema: {
        tags: ["registry"],
        params: IdParams,
        body: PersonInput.omit({ regionCode: true })
          .partial()
          .extend({ revision: z.number().int().min(1) })
          .strict(),
      },
    },
    async (req) => (await editPerson(db, actorOf(req), req.params.id, req.body)).person,
  );

  r.get(
    "/api/persons/:id/chart",
    {
      schema: {
        tags: ["registry"],
        params: IdParams,
        querystring: z.strictObject({ indicator: z.enum(["tbu", "bbu", "bbtb"]) }),
      },
    },
    async (req) => {
      const person = await findPerson(db, readScopes(actorOf(req)), req.params.id);
      if (!person || person.merged_into) throw errors.notFound();
      const raws = await measurementsOf(db, person.id);
      return chartFor(
        { sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date },
        req.query.indicator,
        raws,
      );
    },
  );
}
