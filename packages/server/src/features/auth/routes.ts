import { type Actor, levelOfCode } from "@tumbuh/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, SESSION_COOKIE, typed } from "../../http/context";
import { ErrorResponse, MeSchema } from "../../http/schemas";
import { findRegionsByCode } from "../regions/repository";
import { actorForToken, changePassword, login, logout, SESSION_DAYS } from "./service";

const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
const PasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config, throttle } = deps;

  // Every /api request resolves its session here, before any route code runs.
  app.addHook("onRequest", async (req) => {
    req.actor = null;
    req.sessionToken = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await actorForToken(db, token);
      if (req.actor) req.sessionToken = token;
    }
    // Before the body is parsed or validated: an anonymous caller learns nothing about the route.
    if (!req.routeOptions.config?.public && req.url.startsWith("/api/") && !req.actor) actorOf(req);
  });

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.cookieSecure,
      path: "/",
      maxAge: SESSION_DAYS * 86_400,
    });

  const me = async (actor: Actor) => {
    const regions = await findRegionsByCode(
      db,
      actor.assignments.map((a) => a.scope),
    );
    const byCode = new Map(regions.map((r) => [r.code, r]));
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      assignments: actor.assignments.map((a) => ({
        role: a.role,
        scope: a.scope,
        scopeName: byCode.get(a.scope)?.name ?? a.scope,
        scopeLevel: levelOfCode(a.scope),
      })),
    };
  };

  typed(app).post(
    "/api/auth/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        body: LoginBody,
        response: { 200: z.object({ user: MeSchema }), 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(db, throttle, { ...req.body, clientIp: req.ip });
      setCookie(reply, token);
      return { user: await me(actor) };
    },
  );

  typed(app).post("/api/auth/logout", { schema: { tags: ["auth"] } }, async (req, reply) => {
    await logout(db, actorOf(req), req.sessionToken ?? "");
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });

  typed(app).get(
    "/api/me",
    { schema: { tags: ["auth"], response: { 200: MeSchema, 401: ErrorResponse } } },
    async (req) => me(actorOf(req)),
  );

  typed(app).post(
    "/api/auth/password",
    { schema: { tags: ["auth"], body: PasswordBody, response: { 204: z.null(), 400: ErrorResponse } } },
    async (req, reply) => {
      await changePassword(db, actorOf(req), req.sessionToken ?? "", req.body);
      return reply.status(204).send(null);
    },
  );
}
