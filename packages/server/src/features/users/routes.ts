import { usersApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import {
  createUserWithPassword,
  listUsers,
  resetPassword,
  setActive,
  setAssignments,
  viewUser,
} from "./service";

export function userRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, usersApi.list, async ({ query }, req) => ({ users: await listUsers(db, actorOf(req), query) }));
  mount(app, usersApi.create, async ({ body }, req) => createUserWithPassword(db, actorOf(req), body));
  mount(app, usersApi.view, async ({ params }, req) => viewUser(db, actorOf(req), params.id));
  mount(app, usersApi.setAssignments, async ({ params, body }, req) =>
    setAssignments(db, actorOf(req), params.id, body.assignments),
  );
  mount(app, usersApi.resetPassword, async ({ params }, req) => resetPassword(db, actorOf(req), params.id));
  mount(app, usersApi.setActive, async ({ params, body }, req) =>
    setActive(db, actorOf(req), params.id, body.active),
  );
}
